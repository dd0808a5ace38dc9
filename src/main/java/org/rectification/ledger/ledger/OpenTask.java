package org.rectification.ledger.ledger;

import java.time.LocalDate;
import java.time.YearMonth;

import org.rectification.ledger.sheet.Deadline;
import org.rectification.ledger.sheet.TaskStatus;

/**
 * A task not yet completed, as its department last reported it: what next month's pre-filled sheet carries.
 * Problem and measure are the texts as written, so the task keeps its identity when it comes back.
 *
 * @param deadline the resolved deadline, null for 长期坚持 and the like
 * @param deadlineText the deadline as the department wrote it
 * @param month the month it was last reported
 */
public record OpenTask(String taskCode, String category, String problem, String measure, String leader,
        String department, String coDepartments, String owner, LocalDate deadline, String deadlineText,
        Deadline.Kind deadlineKind, TaskStatus status, String progress, String evidence, String remarks,
        YearMonth month) {
}
