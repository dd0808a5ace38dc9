package org.rectification.ledger.check;

import java.time.LocalDate;

import org.rectification.ledger.sheet.Deadline;
import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.SheetTable;
import org.rectification.ledger.sheet.TaskRow;

/**
 * DEADLINE_MISSING, DEADLINE_UNPARSEABLE (quoting the text) and DEADLINE_BEFORE_FEEDBACK (a date earlier than
 * the campaign's feedback date). The reader has already resolved the text; this rule judges the result.
 */
final class DeadlineRule {

    void check(SheetTable table, TaskRow row, Findings findings) {
        Deadline deadline = row.deadline();
        String header = Findings.header(table, Field.DEADLINE);
        if (table.column(Field.DEADLINE) == null || row.missing().contains(Field.DEADLINE) || deadline == null
                || deadline.kind() == Deadline.Kind.MISSING) {
            findings.addCell(RuleCode.DEADLINE_MISSING, table, row, Field.DEADLINE, row.seen(Field.DEADLINE),
                    Findings.message(RuleCode.DEADLINE_MISSING, Findings.row(row), header,
                            Findings.missingDetail(table, row, Field.DEADLINE)));
            return;
        }
        String text = (deadline.text() != null && !deadline.text().isEmpty()) ? deadline.text()
                : row.seen(Field.DEADLINE);
        if (deadline.kind() == Deadline.Kind.UNPARSEABLE) {
            findings.addCell(RuleCode.DEADLINE_UNPARSEABLE, table, row, Field.DEADLINE, text,
                    Findings.message(RuleCode.DEADLINE_UNPARSEABLE, Findings.row(row), header, text));
            return;
        }
        LocalDate feedback = findings.settings().feedbackDate();
        if (deadline.kind() == Deadline.Kind.DATE && deadline.hasDate() && feedback != null
                && deadline.date().isBefore(feedback)) {
            findings.addCell(RuleCode.DEADLINE_BEFORE_FEEDBACK, table, row, Field.DEADLINE, text,
                    Findings.message(RuleCode.DEADLINE_BEFORE_FEEDBACK, Findings.row(row), header, text,
                            Findings.date(feedback)));
        }
    }

}
