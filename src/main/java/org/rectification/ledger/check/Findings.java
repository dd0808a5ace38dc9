package org.rectification.ledger.check;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.SheetColumn;
import org.rectification.ledger.sheet.SheetTable;
import org.rectification.ledger.sheet.TaskRow;
import org.rectification.ledger.system.Messages;

/**
 * Collects the findings of one submission, giving each its effective severity and leaving out the rules
 * the job file switched off. Also the one place that knows the message keys (check.rule-name and
 * check.rule-name.expected).
 */
final class Findings {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.ROOT);

    private final String file;

    private final CheckSettings settings;

    private final List<Finding> list = new ArrayList<>();

    Findings(String file, CheckSettings settings) {
        this.file = file;
        this.settings = settings;
    }

    boolean enabled(RuleCode rule) {
        return this.settings.enabled(rule);
    }

    CheckSettings settings() {
        return this.settings;
    }

    /** A finding anywhere; the expected text is the rule's standard 整改要求. */
    void add(RuleCode rule, String sheet, Integer row, String column, Integer columnIndex, String value,
            String message) {
        add(rule, sheet, row, column, columnIndex, value, message, expected(rule));
    }

    void add(RuleCode rule, String sheet, Integer row, String column, Integer columnIndex, String value,
            String message, String expected) {
        if (!enabled(rule)) {
            return;
        }
        this.list.add(new Finding(this.file, sheet, row, column, columnIndex, rule, this.settings.severity(rule),
                (value != null) ? value : "", message, expected));
    }

    /** A finding about one cell of a task row; an absent column is named by the field's standard label. */
    void addCell(RuleCode rule, SheetTable table, TaskRow row, Field field, String value, String message) {
        SheetColumn column = table.column(field);
        add(rule, table.sheet(), row.rowNumber(), header(table, field), (column != null) ? column.index() : null,
                value, message);
    }

    List<Finding> list() {
        return this.list;
    }

    /** The column's header as written in the sheet, or the field's standard label when the column is absent. */
    static String header(SheetTable table, Field field) {
        SheetColumn column = table.column(field);
        return (column != null && column.header() != null && !column.header().isBlank()) ? column.header()
                : field.label();
    }

    /** Message key for a rule: check.owner-missing for OWNER_MISSING. */
    static String key(RuleCode rule) {
        return "check." + rule.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String message(RuleCode rule, Object... arguments) {
        return Messages.get(key(rule), arguments);
    }

    static String expected(RuleCode rule) {
        return Messages.get(key(rule) + ".expected");
    }

    /** "为空", "填写为“待定”，视同未填写" or "为空（表中没有此列）": why a required value counts as missing. */
    static String missingDetail(SheetTable table, TaskRow row, Field field) {
        if (table.column(field) == null) {
            return Messages.get("check.detail.no-column");
        }
        String seen = row.seen(field);
        return seen.isEmpty() ? Messages.get("check.detail.empty") : Messages.get("check.detail.placeholder", seen);
    }

    static String row(TaskRow row) {
        return String.valueOf(row.rowNumber());
    }

    static String date(LocalDate date) {
        return (date != null) ? DATE.format(date) : "";
    }

}
