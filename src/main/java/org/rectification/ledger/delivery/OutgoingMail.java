package org.rectification.ledger.delivery;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One mail to a department or a leader that is due now: new, or recorded before and not yet sent.
 *
 * @param key what the mail is about within its month and kind (a submission, a department, a leader)
 * @param addressee the department or leader, as the office reads it
 * @param to the addresses; empty when nobody is known to send it to
 * @param noAddress why {@code to} is empty, or null
 * @param attachment the file attached (a return notice), or null
 * @param dueDate the resubmission date a notice asks for, or null
 * @param previous the status recorded by an earlier run (FAILED, NO_ADDRESS, ...), or null when new
 */
public record OutgoingMail(YearMonth month, MailKind kind, String key, String addressee, List<String> to,
        String noAddress, String subject, String body, Path attachment, LocalDate dueDate, String previous) {

    public OutgoingMail {
        to = List.copyOf(to);
    }

}
