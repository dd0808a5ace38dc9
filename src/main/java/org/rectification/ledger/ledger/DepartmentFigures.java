package org.rectification.ledger.ledger;

/**
 * A department's task figures for a month, counted by the database: a task's state is its latest monthly row up
 * to the month, its previous state the latest row before the month; overdue is past its deadline on the day asked,
 * neither completed nor long-term (长期坚持).
 *
 * @param problems distinct problems
 * @param overdue tasks overdue now
 * @param newlyOverdue tasks overdue now that were not overdue at the end of the month before
 * @param closed tasks reported completed in the month, not completed (or not there) before
 * @param previousTasks tasks that had a state before the month
 * @param previousCompleted of those, the ones completed before the month
 */
public record DepartmentFigures(String department, int problems, int tasks, int completed, int inProgress,
        int ongoing, int overdue, int newlyOverdue, int closed, int previousTasks, int previousCompleted) {
}
