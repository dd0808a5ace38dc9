package org.rectification.ledger.sheet;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Resolves a deadline as departments write it: date cells, numeric date serials and the
 * textual forms 2026-12-31, 2026/12/31, 2026.12.31, 2026年12月31日, 2026年12月(底), 12月31日 (year of the
 * reporting month), 2026年底, 2026年上半年 / 下半年, 立行立改 and 长期坚持; a trailing 前 / 之前 / 以前 is
 * tolerated. Anything else is {@link Deadline.Kind#UNPARSEABLE}, keeping the text.
 */
public final class DeadlineParser {

    private static final Pattern YMD = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})[日号]?");

    private static final Pattern YM_END = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})月?(?:底|末|份)?");

    private static final Pattern MD = Pattern.compile("(\\d{1,2})月(\\d{1,2})[日号]");

    private static final Pattern M_END = Pattern.compile("(\\d{1,2})月(?:底|末)");

    private static final Pattern YEAR_END = Pattern.compile("(\\d{4})年(?:年)?(?:底|末)");

    private static final Pattern HALF = Pattern.compile("(\\d{4})年([上下])半年(?:底|末)?");

    private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.0+)?");

    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private static final Set<String> ONGOING = Set.of("长期坚持", "长期", "持续推进");

    private static final Set<String> IMMEDIATE = Set.of("立行立改", "立即整改");

    /** Serials of 1990-01-01 and 2099-12-31: a bare number outside them is no date. */
    private static final double FIRST_SERIAL = 32874;

    private static final double LAST_SERIAL = 73050;

    private final Placeholders placeholders;

    private final LocalDate feedbackDate;

    private final int immediateDays;

    private final YearMonth reportingMonth;

    public DeadlineParser(ReadSettings settings) {
        this.placeholders = new Placeholders(settings.placeholders());
        this.feedbackDate = settings.feedbackDate();
        this.immediateDays = settings.immediateDays();
        this.reportingMonth = (settings.reportingMonth() != null) ? settings.reportingMonth() : YearMonth.now();
    }

    /** A real date cell. */
    public Deadline of(LocalDate cellDate) {
        if (cellDate == null) {
            return Deadline.missing("");
        }
        return new Deadline(Deadline.Kind.DATE, cellDate, cellDate.toString());
    }

    /** A numeric cell that is not date-formatted: a date serial when plausible, otherwise unparseable. */
    Deadline ofNumber(BigDecimal number, String text) {
        double serial = number.doubleValue();
        if (serial >= FIRST_SERIAL && serial <= LAST_SERIAL && serial == Math.floor(serial)) {
            return new Deadline(Deadline.Kind.DATE, DateUtil.getLocalDateTime(serial).toLocalDate(), text);
        }
        return parse(text);
    }

    /** A deadline written as text (the text is kept as written in the result). */
    public Deadline parse(String text) {
        String written = (text != null) ? TextForms.clean(text) : "";
        if (this.placeholders.isMissing(written)) {
            return Deadline.missing(written);
        }
        String key = TextForms.key(written);
        if (ONGOING.contains(key)) {
            return new Deadline(Deadline.Kind.ONGOING, null, written);
        }
        if (IMMEDIATE.contains(key)) {
            LocalDate date = (this.feedbackDate != null) ? this.feedbackDate.plusDays(this.immediateDays) : null;
            return new Deadline(Deadline.Kind.IMMEDIATE, date, written);
        }
        LocalDate date = date(withoutSuffix(key));
        if (date != null) {
            return new Deadline(Deadline.Kind.DATE, date, written);
        }
        return new Deadline(Deadline.Kind.UNPARSEABLE, null, written);
    }

    /** A full calendar date in one of the forms above, or null (used for 填报日期 too). */
    LocalDate date(String key) {
        try {
            Matcher m;
            if ((m = YMD.matcher(key)).matches()) {
                return LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if ((m = YEAR_END.matcher(key)).matches()) {
                return LocalDate.of(year(m.group(1)), 12, 31);
            }
            if ((m = HALF.matcher(key)).matches()) {
                int year = year(m.group(1));
                return "上".equals(m.group(2)) ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
            }
            if ((m = YM_END.matcher(key)).matches() && key.contains("年")) {
                return YearMonth.of(year(m.group(1)), Integer.parseInt(m.group(2))).atEndOfMonth();
            }
            if ((m = MD.matcher(key)).matches()) {
                return LocalDate.of(this.reportingMonth.getYear(), Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)));
            }
            if ((m = M_END.matcher(key)).matches()) {
                return YearMonth.of(this.reportingMonth.getYear(), Integer.parseInt(m.group(1))).atEndOfMonth();
            }
            if (SERIAL.matcher(key).matches()) {
                double serial = Double.parseDouble(key);
                if (serial >= FIRST_SERIAL && serial <= LAST_SERIAL) {
                    return DateUtil.getLocalDateTime(serial).toLocalDate();
                }
            }
            if ((m = COMPACT.matcher(key)).matches()) {
                return LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        }
        catch (DateTimeException | NumberFormatException ex) {
            return null;
        }
        return null;
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (year < 1990 || year > 2099) {
            throw new DateTimeException("implausible year " + year);
        }
        return year;
    }

    private static String withoutSuffix(String key) {
        String stripped = key;
        for (String suffix : new String[] { "完成", "之前", "以前", "前" }) {
            if (stripped.endsWith(suffix) && stripped.length() > suffix.length()) {
                stripped = stripped.substring(0, stripped.length() - suffix.length());
            }
        }
        return stripped;
    }

}
