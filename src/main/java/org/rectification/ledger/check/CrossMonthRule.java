package org.rectification.ledger.check;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rectification.ledger.sheet.Deadline;
import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.SheetTable;
import org.rectification.ledger.sheet.TaskKey;
import org.rectification.ledger.sheet.TaskRow;
import org.rectification.ledger.sheet.TaskStatus;
import org.rectification.ledger.sheet.TextForms;
import org.rectification.ledger.system.Messages;

/**
 * The checks against last month's ledger: TASK_DROPPED (an unfinished task no longer reported), STATUS_REGRESSED
 * (a completed task reopened) and DEADLINE_POSTPONED (a deadline moved later without a word of explanation in
 * 备注 or 整改进展).
 */
final class CrossMonthRule {

    private static final List<String> POSTPONE_WORDS = List.of("延期", "调整", "推迟", "延长");

    private static final int SHORT_TEXT = 30;

    private final String department;

    private final Map<String, PreviousTask> previous;

    private final Set<String> reported = new HashSet<>();

    /**
     * @param department the submission's department (roster name)
     * @param previous the ledger's last state of the department's tasks, by task key
     * @param tables every table of the submission
     */
    CrossMonthRule(String department, Map<String, PreviousTask> previous, List<SheetTable> tables) {
        this.department = department;
        this.previous = (previous != null) ? previous : Map.of();
        for (SheetTable table : tables) {
            for (TaskRow row : table.rows()) {
                this.reported.add(TaskKey.of(department, row));
            }
        }
    }

    void check(SheetTable table, TaskRow row, Findings findings) {
        PreviousTask before = this.previous.get(TaskKey.of(this.department, row));
        if (before == null) {
            return;
        }
        if (before.status() == TaskStatus.COMPLETED && row.status() != TaskStatus.COMPLETED) {
            String seen = row.seen(Field.STATUS);
            findings.addCell(RuleCode.STATUS_REGRESSED, table, row, Field.STATUS, seen,
                    Findings.message(RuleCode.STATUS_REGRESSED, Findings.row(row), Findings.header(table, Field.STATUS),
                            seen.isEmpty() ? Messages.get("check.detail.blank") : seen));
        }
        Deadline deadline = row.deadline();
        if (deadline != null && deadline.hasDate() && before.deadline() != null
                && deadline.date().isAfter(before.deadline()) && !explainsPostponement(row)) {
            String text = (deadline.text() != null && !deadline.text().isEmpty()) ? deadline.text()
                    : Findings.date(deadline.date());
            findings.addCell(RuleCode.DEADLINE_POSTPONED, table, row, Field.DEADLINE, text,
                    Findings.message(RuleCode.DEADLINE_POSTPONED, Findings.row(row),
                            Findings.date(before.deadline()), Findings.date(deadline.date())));
        }
    }

    /** After every row: the unfinished tasks of last month that this submission no longer reports. */
    void checkDropped(Findings findings) {
        for (Map.Entry<String, PreviousTask> entry : this.previous.entrySet()) {
            PreviousTask task = entry.getValue();
            if (task.status() == TaskStatus.COMPLETED || this.reported.contains(entry.getKey())) {
                continue;
            }
            String problem = TextForms.clean(task.problem());
            String measure = TextForms.clean(task.measure());
            String value = problem.isEmpty() ? measure : (measure.isEmpty() ? problem : problem + " / " + measure);
            String name = (task.taskCode() != null && !task.taskCode().isBlank()) ? task.taskCode().trim()
                    : shorten(measure.isEmpty() ? problem : measure);
            String status = (task.status() != null) ? task.status().label() : TaskStatus.NOT_STARTED.label();
            findings.add(RuleCode.TASK_DROPPED, null, null, null, null, value,
                    Findings.message(RuleCode.TASK_DROPPED, name, status));
        }
    }

    private static boolean explainsPostponement(TaskRow row) {
        String said = TextForms.key(row.seen(Field.REMARKS)) + TextForms.key(row.seen(Field.PROGRESS));
        return POSTPONE_WORDS.stream().anyMatch(said::contains);
    }

    private static String shorten(String text) {
        return (text.length() <= SHORT_TEXT) ? text : text.substring(0, SHORT_TEXT) + "…";
    }

}
