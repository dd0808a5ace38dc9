package org.rectification.ledger.ledger;

import java.time.LocalDate;
import java.time.YearMonth;

import org.rectification.ledger.sheet.Deadline;
import org.rectification.ledger.sheet.TaskStatus;

/**
 * A task as it stood in a month (or at its latest, or in one month of its history), as the reports show it.
 *
 * @param deadline the resolved deadline, null for 长期坚持 and the like
 * @param deadlineText the deadline as the department wrote it
 * @param month the month this state was reported in
 * @param lastMonth the latest month the task was reported at all
 * @param previous its state before the month asked for, null when the task did not exist yet or it was not asked
 * for
 */
public record TaskMonth(long id, String taskCode, String department, String category, String problem,
        String measure, String leader, String owner, String coDepartments, LocalDate deadline, String deadlineText,
        Deadline.Kind deadlineKind, TaskStatus status, String progress, String evidence, String remarks,
        YearMonth month, YearMonth lastMonth, Previous previous) {

    /** The state the month before: enough to tell what changed. */
    public record Previous(TaskStatus status, LocalDate deadline, Deadline.Kind deadlineKind) {
    }

}
