package org.rectification.ledger.delivery;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.rectification.ledger.check.Finding;
import org.rectification.ledger.intake.JdbcSubmissionDao.NoticeFile;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.ledger.JdbcLedgerDao.OverdueTask;
import org.rectification.ledger.system.Messages;

/**
 * The subjects and plain-text bodies of the mails to departments and leaders, from messages.properties: what a
 * clerk needs to act without opening anything else.
 */
final class DepartmentLetters {

    private final String campaign;

    DepartmentLetters(String campaign) {
        this.campaign = (campaign != null) ? campaign : "";
    }

    String noticeSubject(NoticeFile notice) {
        return Messages.get("delivery.notice.subject", this.campaign, notice.fileName(), outcome(notice));
    }

    /** The findings one by one: where, what is wrong, the value seen and what to do; then the date to resubmit. */
    String noticeBody(NoticeFile notice, String addressee, List<Finding> findings, LocalDate resubmitBy) {
        StringBuilder items = new StringBuilder();
        int number = 0;
        for (Finding finding : findings) {
            String value = (finding.value() == null || finding.value().isBlank())
                    ? Messages.get("delivery.notice.value-empty") : finding.value();
            String expected = (finding.expected() != null) ? finding.expected() : "";
            items.append(Messages.get("delivery.notice.item", String.valueOf(++number), where(finding),
                    finding.message(), value, expected));
        }
        if (findings.isEmpty()) {
            items.append(Messages.get("delivery.notice.none"));
        }
        String resubmit = (resubmitBy != null) ? Messages.get("delivery.notice.resubmit", date(resubmitBy)) : "";
        String result = Messages.get((notice.outcome() == Outcome.REJECTED) ? "delivery.notice.result.rejected"
                : "delivery.notice.result.accepted");
        return Messages.get("delivery.notice.body", addressee, this.campaign, notice.fileName(), result,
                String.valueOf(findings.size()), items.toString(), resubmit, notice.notice().getFileName().toString())
                + closing();
    }

    String reminderSubject(YearMonth month, LocalDate due) {
        return Messages.get("delivery.reminder.subject", this.campaign, WorkbookDelivery.monthText(month), date(due));
    }

    /** @param template the pre-filled sheet attached, or null */
    String reminderBody(String department, YearMonth month, LocalDate due, LocalDate asOf, boolean returned,
            Path template) {
        return Messages.get("delivery.reminder.body", department, this.campaign, WorkbookDelivery.monthText(month),
                String.valueOf(due.getDayOfMonth()), date(due), date(asOf), state(returned)) + templateNote(template)
                + closing();
    }

    /** The line a reminder gets when it carries the department's pre-filled sheet. */
    private static String templateNote(Path template) {
        return (template != null) ? Messages.get("delivery.reminder.template", template.getFileName().toString()) : "";
    }

    String overdueSubject(YearMonth month) {
        return Messages.get("delivery.overdue.subject", this.campaign, WorkbookDelivery.monthText(month));
    }

    /** @param template the pre-filled sheet attached, or null */
    String overdueBody(String department, YearMonth month, LocalDate due, LocalDate asOf, boolean returned,
            Path template) {
        return Messages.get("delivery.overdue.body", department, this.campaign, WorkbookDelivery.monthText(month),
                date(due), date(asOf), state(returned)) + templateNote(template) + closing();
    }

    String supervisionSubject(String leader, YearMonth month, int tasks) {
        return Messages.get("delivery.supervision.subject", leader, WorkbookDelivery.monthText(month),
                String.valueOf(tasks));
    }

    /** To the leader, or to the office to pass on when the leader's address is not known. */
    String supervisionBody(String leader, List<OverdueTask> tasks, LocalDate asOf, boolean toOffice) {
        StringBuilder items = new StringBuilder();
        int number = 0;
        for (OverdueTask task : tasks) {
            String code = (task.taskCode() != null && !task.taskCode().isBlank())
                    ? Messages.get("delivery.supervision.code", task.taskCode()) : "";
            items.append(Messages.get("delivery.supervision.item", String.valueOf(++number), task.department(), code,
                    date(task.deadline()), String.valueOf(ChronoUnit.DAYS.between(task.deadline(), asOf)),
                    task.status().label(), orNone(task.problem()), orNone(task.measure()), orNone(task.owner()),
                    orNone(task.progress())));
        }
        return Messages.get(toOffice ? "delivery.supervision.office-body" : "delivery.supervision.body", leader,
                date(asOf), String.valueOf(tasks.size()), items.toString()) + closing();
    }

    static String date(LocalDate date) {
        return Messages.get("delivery.date", String.valueOf(date.getYear()), String.valueOf(date.getMonthValue()),
                String.valueOf(date.getDayOfMonth()));
    }

    private static String outcome(NoticeFile notice) {
        return Messages.get((notice.outcome() == Outcome.REJECTED) ? "delivery.notice.outcome.rejected"
                : "delivery.notice.outcome.accepted");
    }

    private static String where(Finding finding) {
        String place;
        if (finding.row() != null) {
            place = (finding.sheet() != null)
                    ? Messages.get("delivery.notice.where.sheet-row", finding.sheet(), String.valueOf(finding.row()))
                    : Messages.get("delivery.notice.where.row", String.valueOf(finding.row()));
        }
        else if (finding.sheet() != null) {
            place = Messages.get("delivery.notice.where.sheet", finding.sheet());
        }
        else {
            place = Messages.get("delivery.notice.where.file");
        }
        if (finding.column() != null && !finding.column().isBlank()) {
            // without a row the "column" is a place in the sheet, such as a signer's label
            return Messages.get((finding.row() != null) ? "delivery.notice.where.column" : "delivery.notice.where.label",
                    place + "，", finding.column());
        }
        return place;
    }

    private static String state(boolean returned) {
        return Messages.get(returned ? "delivery.reminder.state.returned" : "delivery.reminder.state.none");
    }

    private static String orNone(String text) {
        return (text == null || text.isBlank()) ? Messages.get("delivery.supervision.none") : text;
    }

    private static String closing() {
        return Messages.get("delivery.closing");
    }

}
