package org.rectification.ledger.report;

import org.rectification.ledger.check.RuleCode;
import org.rectification.ledger.check.Severity;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.sheet.Deadline;
import org.rectification.ledger.sheet.TaskStatus;
import org.rectification.ledger.system.Messages;

/** How ledger codes read in a workbook: status words, deadlines, file outcomes, rule names. */
final class ReportWording {

    private ReportWording() {
    }

    static String status(TaskStatus status) {
        return (status != null) ? status.label() : null;
    }

    /** The deadline as a date cell when there is one; otherwise the words the department wrote (长期坚持). */
    static Object deadline(TaskState task) {
        if (task.deadline() != null) {
            return task.deadline();
        }
        if (task.deadlineText() != null && !task.deadlineText().isBlank()) {
            return task.deadlineText();
        }
        return task.deadlineKind() == Deadline.Kind.ONGOING ? Messages.get("report.ongoing-deadline") : null;
    }

    static String outcome(Outcome outcome) {
        return (outcome != null) ? Messages.get("report.outcome." + outcome.name()) : null;
    }

    /** A rule's Chinese name (summary.json keeps the code). */
    static String rule(RuleCode rule) {
        if (rule == null) {
            return null;
        }
        try {
            return Messages.get("report.rule." + rule.name());
        }
        catch (IllegalStateException ex) {
            return rule.name();
        }
    }

    static String department(String department) {
        return (department != null) ? department : Messages.get("report.unknown-department");
    }

    static String severity(Severity severity) {
        return (severity != null) ? severity.label() : null;
    }

}
