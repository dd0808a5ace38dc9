package org.rectification.ledger.check;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rectification.ledger.sheet.Deadline;
import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.ReadSettings;
import org.rectification.ledger.sheet.ReadSubmission;
import org.rectification.ledger.sheet.SheetColumn;
import org.rectification.ledger.sheet.SheetTable;
import org.rectification.ledger.sheet.SignatureMark;
import org.rectification.ledger.sheet.SpreadsheetFormat;
import org.rectification.ledger.sheet.TaskRow;
import org.rectification.ledger.sheet.TaskStatus;
import org.rectification.ledger.sheet.TextForms;
import org.rectification.ledger.roster.Roster;

/**
 * Builds the reader's records the way the sheet reader would, so the rules can be tested without workbooks:
 * a valid baseline task line that each test spoils in one place.
 */
final class TestSubmissions {

    static final LocalDate FEEDBACK = LocalDate.of(2026, 9, 30);

    /** The standard columns, in the order of the template. */
    static final List<Field> STANDARD = List.of(Field.TASK_CODE, Field.PROBLEM, Field.MEASURE, Field.LEADER,
            Field.DEPARTMENT, Field.OWNER, Field.DEADLINE, Field.STATUS, Field.PROGRESS, Field.EVIDENCE,
            Field.REMARKS);

    static final Roster ROSTER = new Roster(List.of(new Roster.Department("县民政局", List.of("民政局")),
            new Roster.Department("县教育局", List.of("教育局")), new Roster.Department("县财政局", List.of("财政局"))));

    private TestSubmissions() {
    }

    /** A valid, in-progress task line; pairs of (Field, value) override it, a null value leaves the field out. */
    static TaskRow row(String sheet, int rowNumber, Object... overrides) {
        Map<Field, String> values = new LinkedHashMap<>();
        values.put(Field.TASK_CODE, "");
        values.put(Field.PROBLEM, "“三重一大”决策制度落实不到位");
        values.put(Field.MEASURE, "修订党组议事规则");
        values.put(Field.LEADER, "王副局长");
        values.put(Field.DEPARTMENT, "县民政局");
        values.put(Field.OWNER, "张三");
        values.put(Field.DEADLINE, "2026-12-31");
        values.put(Field.STATUS, "正在整改");
        values.put(Field.PROGRESS, "已起草规则初稿");
        values.put(Field.EVIDENCE, "");
        values.put(Field.REMARKS, "");
        for (int i = 0; i < overrides.length; i += 2) {
            Field field = (Field) overrides[i];
            if (overrides[i + 1] == null) {
                values.remove(field);
            }
            else {
                values.put(field, TextForms.clean((String) overrides[i + 1]));
            }
        }
        Set<Field> missing = EnumSet.noneOf(Field.class);
        values.forEach((field, value) -> {
            if (value.isEmpty() || ReadSettings.DEFAULT_PLACEHOLDERS.contains(TextForms.key(value))) {
                missing.add(field);
            }
        });
        return new TaskRow(sheet, rowNumber, values, missing, deadline(values.get(Field.DEADLINE)),
                status(missing.contains(Field.STATUS) ? null : values.get(Field.STATUS)), Map.of());
    }

    /** A completed task line with progress and evidence. */
    static TaskRow completedRow(String sheet, int rowNumber, Object... overrides) {
        List<Object> all = new ArrayList<>(List.of(Field.STATUS, "已完成", Field.PROGRESS, "规则已印发",
                Field.EVIDENCE, "民党发〔2026〕3号"));
        all.addAll(List.of(overrides));
        return row(sheet, rowNumber, all.toArray());
    }

    static SheetTable table(String sheet, TaskRow... rows) {
        return table(sheet, STANDARD, Map.of(), rows);
    }

    /** A table with the given columns; headers as written may differ from the standard labels. */
    static SheetTable table(String sheet, List<Field> fields, Map<Field, String> headers, TaskRow... rows) {
        Map<Field, SheetColumn> columns = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            columns.put(field, new SheetColumn(i, headers.getOrDefault(field, field.label()), field));
        }
        return new SheetTable(sheet, 3, 3, columns, List.of(), List.of(rows));
    }

    static List<SignatureMark> allSigned(String sheet, int row) {
        return List.of(new SignatureMark("填报人", "李四", false, sheet, row, 0),
                new SignatureMark("审核人", "赵六", false, sheet, row, 3),
                new SignatureMark("单位负责人", null, true, sheet, row, 6));
    }

    static ReadSubmission submission(String declaredUnit, List<SignatureMark> signatures, SheetTable... tables) {
        return new ReadSubmission(Path.of("inbox/民政局-10月.xlsx"), SpreadsheetFormat.OOXML, List.of(tables),
                List.of(), "县民政局巡察反馈问题整改任务分解表", declaredUnit, LocalDate.of(2026, 11, 5), signatures);
    }

    /** A signed submission of 县民政局 with the given tables. */
    static ReadSubmission signed(SheetTable... tables) {
        return submission("县民政局", allSigned(tables[0].sheet(), 20), tables);
    }

    static Deadline deadline(String text) {
        if (text == null) {
            return Deadline.missing("");
        }
        if (text.isEmpty() || ReadSettings.DEFAULT_PLACEHOLDERS.contains(TextForms.key(text))) {
            return Deadline.missing(text);
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return new Deadline(Deadline.Kind.DATE, LocalDate.parse(text), text);
        }
        if (text.equals("立行立改")) {
            return new Deadline(Deadline.Kind.IMMEDIATE, FEEDBACK.plusDays(30), text);
        }
        if (text.equals("长期坚持")) {
            return new Deadline(Deadline.Kind.ONGOING, null, text);
        }
        return new Deadline(Deadline.Kind.UNPARSEABLE, null, text);
    }

    static TaskStatus status(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "已完成", "已整改", "完成", "已销号" -> TaskStatus.COMPLETED;
            case "正在整改", "整改中", "推进中", "持续推进", "部分完成" -> TaskStatus.IN_PROGRESS;
            case "未启动", "未开始" -> TaskStatus.NOT_STARTED;
            case "长期坚持" -> TaskStatus.ONGOING;
            default -> null;
        };
    }

}
