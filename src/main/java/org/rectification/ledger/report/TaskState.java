package org.rectification.ledger.report;

import java.time.LocalDate;
import java.time.YearMonth;

import org.rectification.ledger.sheet.Deadline;
import org.rectification.ledger.sheet.TaskStatus;

/**
 * One task as a report shows it: its state for a month (or its latest state, for the master ledger) and,
 * for the monthly report, what it was the month before.
 *
 * @param month the month the state was reported in
 * @param lastMonth the latest month the task was reported at all
 * @param previous the state before the reporting month, null when the task did not exist yet
 */
record TaskState(long id, String taskCode, String department, String category, String problem, String measure,
        String leader, String owner, String coDepartments, LocalDate deadline, String deadlineText,
        Deadline.Kind deadlineKind, TaskStatus status, String progress, String evidence, String remarks, YearMonth month,
        YearMonth lastMonth, Previous previous) {

    /** The state the month before: enough to tell what changed. */
    record Previous(TaskStatus status, LocalDate deadline, Deadline.Kind deadlineKind) {
    }

    boolean completed() {
        return this.status == TaskStatus.COMPLETED;
    }

    /** Open and measured against a deadline: not completed and not a long-term (长期坚持) task. */
    boolean open() {
        return !completed() && this.status != TaskStatus.ONGOING && this.deadlineKind != Deadline.Kind.ONGOING;
    }

    boolean overdue(LocalDate asOf) {
        return overdue(this.status, this.deadline, this.deadlineKind, asOf);
    }

    /** Overdue as of the day before the reporting month began, judged on the state of that time. */
    boolean overdueBefore(LocalDate previousMonthEnd) {
        return this.previous != null && overdue(this.previous.status(), this.previous.deadline(),
                this.previous.deadlineKind(), previousMonthEnd);
    }

    /** Completed in the reporting month: reported completed now, not completed (or not there) before. */
    boolean closedIn(YearMonth reportMonth) {
        return completed() && reportMonth.equals(this.month)
                && (this.previous == null || this.previous.status() != TaskStatus.COMPLETED);
    }

    static boolean overdue(TaskStatus status, LocalDate deadline, Deadline.Kind deadlineKind, LocalDate asOf) {
        return deadline != null && deadline.isBefore(asOf) && status != TaskStatus.COMPLETED
                && status != TaskStatus.ONGOING && deadlineKind != Deadline.Kind.ONGOING;
    }

}
