package org.rectification.ledger.check;

import java.time.LocalDate;
import java.time.YearMonth;

import org.rectification.ledger.sheet.TaskStatus;

/**
 * A task's state as the ledger last had it before this month, for the cross-month checks.
 *
 * @param taskKey identity (see {@link org.rectification.ledger.sheet.TaskKey})
 * @param month the month it was last reported
 */
public record PreviousTask(String taskKey, YearMonth month, String taskCode, String problem, String measure,
        TaskStatus status, LocalDate deadline, String deadlineText) {
}
