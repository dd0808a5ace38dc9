package org.rectification.ledger.report;

import org.rectification.ledger.sheet.TaskStatus;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.check.Severity;

/** How ledger codes read in a workbook: status words, deadlines, file outcomes, rule names. */
final class ReportWording {

    private ReportWording() {
    }

    static String status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return TaskStatus.valueOf(status).label();
        }
        catch (IllegalArgumentException ex) {
            return status;
        }
    }

    /** The deadline as a date cell when there is one; otherwise the words the department wrote (长期坚持). */
    static Object deadline(TaskState task) {
        if (task.deadline() != null) {
            return task.deadline();
        }
        if (task.deadlineText() != null && !task.deadlineText().isBlank()) {
            return task.deadlineText();
        }
        return TaskState.ONGOING.equals(task.deadlineKind()) ? Messages.get("report.ongoing-deadline") : null;
    }

    static String outcome(String outcome) {
        return (outcome != null) ? Messages.get("report.outcome." + outcome) : null;
    }

    /** A rule's Chinese name (summary.json keeps the code). */
    static String rule(String code) {
        if (code == null) {
            return null;
        }
        try {
            return Messages.get("report.rule." + code);
        }
        catch (IllegalStateException ex) {
            return code;
        }
    }

    static String department(String department) {
        return (department != null) ? department : Messages.get("report.unknown-department");
    }

    static String severity(String severity) {
        if (severity == null) {
            return null;
        }
        try {
            return org.rectification.ledger.check.Severity.valueOf(severity.toUpperCase(java.util.Locale.ROOT)).label();
        }
        catch (IllegalArgumentException ex) {
            return severity;
        }
    }

}
