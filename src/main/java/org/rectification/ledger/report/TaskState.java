package org.rectification.ledger.report;

import java.time.LocalDate;

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
        String deadlineKind, String status, String progress, String evidence, String remarks, String month,
        String lastMonth, Previous previous) {

    /** The state the month before: enough to tell what changed. */
    record Previous(String status, LocalDate deadline, String deadlineKind) {
    }

    static final String COMPLETED = "COMPLETED";

    static final String ONGOING = "ONGOING";

    boolean completed() {
        return COMPLETED.equals(this.status);
    }

    /** Open and measured against a deadline: not completed and not a long-term (长期坚持) task. */
    boolean open() {
        return !completed() && !ONGOING.equals(this.status) && !ONGOING.equals(this.deadlineKind);
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
    boolean closedIn(String reportMonth) {
        return completed() && reportMonth.equals(this.month)
                && (this.previous == null || !COMPLETED.equals(this.previous.status()));
    }

    static boolean overdue(String status, LocalDate deadline, String deadlineKind, LocalDate asOf) {
        return deadline != null && deadline.isBefore(asOf) && !COMPLETED.equals(status) && !ONGOING.equals(status)
                && !ONGOING.equals(deadlineKind);
    }

}
