package org.rectification.ledger.sample;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rectification.ledger.bench.TaskLine;
import org.rectification.ledger.check.RuleCode;
import org.rectification.ledger.check.Scope;
import org.rectification.ledger.check.Severity;
import org.rectification.ledger.sample.SampleCounty.Outcome;
import org.rectification.ledger.sample.SampleCounty.SampleFile;
import org.rectification.ledger.sheet.ReadSettings;
import org.rectification.ledger.sheet.TaskStatus;

/**
 * The ledger the sample county must produce, month by month, worked out from the files' declared outcomes
 * by the office's rules: accepted files merge their rows without errors, rejected ones merge nothing.
 * Also re-derives the cross-month warnings, so a declared expectation that contradicts the data fails
 * generation instead of reaching MANIFEST.md.
 * <p>
 * A test oracle, deliberately independent of the product: it resolves deadlines and status words with its
 * own short rules covering only the forms the sample county writes, instead of calling
 * {@code sheet/DeadlineParser} or {@code sheet/StatusWords}. Were it to call them, a parser bug
 * would move the expected outcomes in MANIFEST.md along with the actual ones and no test would notice.
 */
final class ExpectedLedger {

    /** A task as the ledger holds it after a month. */
    record Entry(String department, TaskLine line, YearMonth month, TaskStatus status, String deadline) {
    }

    /** What one month's run must end with. */
    record MonthResult(YearMonth month, Map<String, Map<String, Entry>> ledger, List<String> submitted,
            List<String> notSubmitted, Map<String, List<TaskLine>> dropped) {
    }

    private static final Pattern NUMERIC = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");

    private static final Pattern CHINESE_DAY = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日前?");

    private static final Pattern MONTH_END = Pattern.compile("(\\d{4})年(\\d{1,2})月底前?");

    private static final Pattern DAY_THIS_YEAR = Pattern.compile("(\\d{1,2})月(\\d{1,2})日前?");

    private static final Pattern YEAR_END = Pattern.compile("(\\d{4})年底前?");

    private static final Pattern HALF_YEAR = Pattern.compile("(\\d{4})年上半年");

    private ExpectedLedger() {
    }

    static List<MonthResult> simulate(List<SampleFile> files) {
        for (SampleFile file : files) {
            for (TaskLine line : file.lines()) {
                verifyRow(file, line, file.month());
            }
        }
        List<MonthResult> results = new ArrayList<>();
        Map<String, Map<String, Entry>> ledger = new LinkedHashMap<>();
        for (SampleCounty.Department department : SampleCounty.ROSTER) {
            ledger.put(department.name(), new LinkedHashMap<>());
        }
        for (YearMonth month : List.of(SampleCounty.OCTOBER, SampleCounty.NOVEMBER)) {
            List<String> submitted = new ArrayList<>();
            Map<String, List<TaskLine>> dropped = new LinkedHashMap<>();
            for (SampleFile file : files) {
                if (!file.month().equals(month) || file.outcome() != Outcome.ACCEPTED) {
                    continue;
                }
                Map<String, Entry> tasks = ledger.get(file.department());
                submitted.add(file.department());
                Set<String> present = new java.util.HashSet<>();
                for (TaskLine line : file.lines()) {
                    present.add(line.identity());
                    verifyRow(file, line, month);
                    verifyCrossMonth(file, line, tasks.get(line.identity()), month);
                    if (!hasRowError(line)) {
                        tasks.put(line.identity(), new Entry(file.department(), line, month, status(line.status()),
                                deadline(line.deadline(), month)));
                    }
                }
                List<TaskLine> missing = tasks.values()
                    .stream()
                    .filter((entry) -> entry.month().isBefore(month) && !present.contains(entry.line().identity())
                            && entry.status() != TaskStatus.COMPLETED)
                    .map(Entry::line)
                    .toList();
                if (!missing.isEmpty()) {
                    dropped.put(file.name(), missing);
                }
            }
            List<String> notSubmitted = ledger.keySet()
                .stream()
                .filter((name) -> !submitted.contains(name) && !ledger.get(name).isEmpty())
                .toList();
            Map<String, Map<String, Entry>> snapshot = new LinkedHashMap<>();
            ledger.forEach((name, tasks) -> snapshot.put(name, new LinkedHashMap<>(tasks)));
            results.add(new MonthResult(month, snapshot, List.copyOf(submitted), notSubmitted, dropped));
        }
        return results;
    }

    static boolean hasRowError(TaskLine line) {
        return line.expected()
            .stream()
            .anyMatch((code) -> code.scope() == Scope.ROW && code.defaultSeverity() == Severity.ERROR);
    }

    /** Every row rule, derived from the line's values, must agree with what the line declares. */
    static void verifyRow(SampleFile file, TaskLine line, YearMonth month) {
        String deadline = deadline(line.deadline(), month);
        TaskStatus status = status(line.status());
        long sameCode = file.lines()
            .stream()
            .filter((other) -> !blank(line.code()) && line.code().equals(other.code()))
            .count();
        check(file, line, RuleCode.PROBLEM_MISSING, blank(line.problem()));
        check(file, line, RuleCode.MEASURE_MISSING, blank(line.measure()));
        check(file, line, RuleCode.LEADER_MISSING, blank(line.leader()));
        check(file, line, RuleCode.DEPARTMENT_MISSING, blank(line.department()));
        check(file, line, RuleCode.OWNER_MISSING, blank(line.owner()));
        check(file, line, RuleCode.DEADLINE_MISSING, deadline.equals("missing"));
        check(file, line, RuleCode.DEADLINE_UNPARSEABLE, deadline.equals("unparseable"));
        check(file, line, RuleCode.DEADLINE_BEFORE_FEEDBACK,
                isDate(deadline) && LocalDate.parse(deadline).isBefore(SampleCounty.FEEDBACK_DATE));
        check(file, line, RuleCode.TASK_CODE_DUPLICATE, sameCode > 1);
        check(file, line, RuleCode.STATUS_MISSING, blank(line.status()));
        check(file, line, RuleCode.COMPLETED_WITHOUT_EVIDENCE, status == TaskStatus.COMPLETED && blank(line.evidence()));
        check(file, line, RuleCode.COMPLETED_WITHOUT_PROGRESS, status == TaskStatus.COMPLETED && blank(line.progress()));
    }

    private static void verifyCrossMonth(SampleFile file, TaskLine line, Entry previous, YearMonth month) {
        if (hasRowError(line)) {
            check(file, line, RuleCode.STATUS_REGRESSED, false);
            check(file, line, RuleCode.DEADLINE_POSTPONED, false);
            return;
        }
        boolean regressed = previous != null && previous.status() == TaskStatus.COMPLETED
                && status(line.status()) != TaskStatus.COMPLETED;
        String now = deadline(line.deadline(), month);
        boolean postponed = previous != null && isDate(previous.deadline()) && isDate(now)
                && LocalDate.parse(now).isAfter(LocalDate.parse(previous.deadline())) && blank(line.remarks());
        check(file, line, RuleCode.STATUS_REGRESSED, regressed);
        check(file, line, RuleCode.DEADLINE_POSTPONED, postponed);
    }

    private static void check(SampleFile file, TaskLine line, RuleCode code, boolean derived) {
        if (derived != line.expected().contains(code)) {
            throw new IllegalStateException(file.name() + ": " + line.measure() + " — " + code + " is "
                    + (derived ? "implied by the data but not declared" : "declared but not implied by the data"));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank() || ReadSettings.DEFAULT_PLACEHOLDERS.contains(value.trim());
    }

    private static boolean isDate(String resolved) {
        return resolved.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    /** The status a status word means; a missing or unknown word is merged as not started. */
    static TaskStatus status(String word) {
        if (word == null) {
            return TaskStatus.NOT_STARTED;
        }
        return switch (word.trim()) {
            case "已完成", "已整改", "完成", "已销号" -> TaskStatus.COMPLETED;
            case "正在整改", "整改中", "推进中", "持续推进", "部分完成" -> TaskStatus.IN_PROGRESS;
            case "长期坚持" -> TaskStatus.ONGOING;
            default -> TaskStatus.NOT_STARTED;
        };
    }

    /** The deadline as the rules resolve it: yyyy-MM-dd, "ongoing", "missing" or "unparseable". */
    static String deadline(Object written, YearMonth month) {
        if (written instanceof LocalDate date) {
            return date.toString();
        }
        String text = (written == null) ? "" : written.toString().trim();
        if (blank(text)) {
            return "missing";
        }
        if (text.equals("立行立改")) {
            return SampleCounty.FEEDBACK_DATE.plusDays(SampleCounty.IMMEDIATE_DAYS).toString();
        }
        if (text.equals("长期坚持") || text.equals("长期") || text.equals("持续推进")) {
            return "ongoing";
        }
        Matcher m;
        if ((m = NUMERIC.matcher(text)).matches() || (m = CHINESE_DAY.matcher(text)).matches()) {
            return LocalDate.of(num(m, 1), num(m, 2), num(m, 3)).toString();
        }
        if ((m = MONTH_END.matcher(text)).matches()) {
            return YearMonth.of(num(m, 1), num(m, 2)).atEndOfMonth().toString();
        }
        if ((m = DAY_THIS_YEAR.matcher(text)).matches()) {
            return LocalDate.of(month.getYear(), num(m, 1), num(m, 2)).toString();
        }
        if ((m = YEAR_END.matcher(text)).matches()) {
            return LocalDate.of(num(m, 1), 12, 31).toString();
        }
        if ((m = HALF_YEAR.matcher(text)).matches()) {
            return LocalDate.of(num(m, 1), 6, 30).toString();
        }
        return "unparseable";
    }

    private static int num(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }

}
