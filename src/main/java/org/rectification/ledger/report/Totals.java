package org.rectification.ledger.report;

/**
 * Task figures for the reporting month, overall or for one department or category.
 *
 * @param completionRate completed / tasks, 0 when there are no tasks
 */
public record Totals(int tasks, int completed, int inProgress, int notStarted, int ongoing, int overdue,
        double completionRate) {
}
