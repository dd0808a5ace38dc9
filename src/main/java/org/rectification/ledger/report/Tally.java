package org.rectification.ledger.report;

import java.time.LocalDate;
import java.time.YearMonth;

import org.rectification.ledger.sheet.TaskStatus;

/** Running task figures for a department, a problem category or the whole ledger, for the reporting month. */
final class Tally {

    int problems;

    int tasks;

    int completed;

    int inProgress;

    int notStarted;

    int ongoing;

    int overdue;

    int closed;

    int newlyOverdue;

    int previousTasks;

    int previousCompleted;

    void add(TaskState task, YearMonth month, LocalDate asOf, LocalDate previousMonthEnd) {
        this.tasks++;
        switch (task.status()) {
            case COMPLETED -> this.completed++;
            case IN_PROGRESS -> this.inProgress++;
            case ONGOING -> this.ongoing++;
            default -> this.notStarted++;
        }
        boolean overdueNow = task.overdue(asOf);
        if (overdueNow) {
            this.overdue++;
            if (!task.overdueBefore(previousMonthEnd)) {
                this.newlyOverdue++;
            }
        }
        if (task.closedIn(month)) {
            this.closed++;
        }
        if (task.previous() != null) {
            this.previousTasks++;
            if (task.previous().status() == TaskStatus.COMPLETED) {
                this.previousCompleted++;
            }
        }
    }

    /** Adds another tally's figures to this one: a department's to the overall, say. */
    void add(Tally other) {
        this.problems += other.problems;
        this.tasks += other.tasks;
        this.completed += other.completed;
        this.inProgress += other.inProgress;
        this.notStarted += other.notStarted;
        this.ongoing += other.ongoing;
        this.overdue += other.overdue;
        this.closed += other.closed;
        this.newlyOverdue += other.newlyOverdue;
        this.previousTasks += other.previousTasks;
        this.previousCompleted += other.previousCompleted;
    }

    double rate() {
        return (this.tasks == 0) ? 0 : (double) this.completed / this.tasks;
    }

    /** The change of the completion rate since last month, null when there was nothing last month. */
    Double rateChange() {
        if (this.previousTasks == 0) {
            return null;
        }
        return rate() - (double) this.previousCompleted / this.previousTasks;
    }

    Totals totals() {
        return new Totals(this.tasks, this.completed, this.inProgress, this.notStarted, this.ongoing, this.overdue,
                rate());
    }

}
