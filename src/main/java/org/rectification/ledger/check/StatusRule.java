package org.rectification.ledger.check;

import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.SheetTable;
import org.rectification.ledger.sheet.TaskRow;
import org.rectification.ledger.sheet.TaskStatus;

/**
 * STATUS_MISSING (the ledger takes it as not started), STATUS_UNRECOGNISED (a status that is not one of the
 * known words), COMPLETED_WITHOUT_EVIDENCE and COMPLETED_WITHOUT_PROGRESS (解决一项、销号一项 needs both).
 */
final class StatusRule {

    void check(SheetTable table, TaskRow row, Findings findings) {
        String header = Findings.header(table, Field.STATUS);
        if (table.column(Field.STATUS) == null || !row.has(Field.STATUS)) {
            findings.addCell(RuleCode.STATUS_MISSING, table, row, Field.STATUS, row.seen(Field.STATUS),
                    Findings.message(RuleCode.STATUS_MISSING, Findings.row(row), header,
                            Findings.missingDetail(table, row, Field.STATUS)));
            return;
        }
        if (row.status() == null) {
            findings.addCell(RuleCode.STATUS_UNRECOGNISED, table, row, Field.STATUS, row.seen(Field.STATUS),
                    Findings.message(RuleCode.STATUS_UNRECOGNISED, Findings.row(row), header,
                            row.seen(Field.STATUS)));
            return;
        }
        if (row.status() == TaskStatus.COMPLETED) {
            completedNeeds(table, row, Field.EVIDENCE, RuleCode.COMPLETED_WITHOUT_EVIDENCE, findings);
            completedNeeds(table, row, Field.PROGRESS, RuleCode.COMPLETED_WITHOUT_PROGRESS, findings);
        }
    }

    private void completedNeeds(SheetTable table, TaskRow row, Field field, RuleCode rule, Findings findings) {
        if (table.column(field) == null || !row.has(field)) {
            findings.addCell(rule, table, row, field, row.seen(field),
                    Findings.message(rule, Findings.row(row), row.seen(Field.STATUS), Findings.header(table, field),
                            Findings.missingDetail(table, row, field)));
        }
    }

}
