package org.rectification.ledger.check;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.SheetTable;
import org.rectification.ledger.sheet.TaskRow;

/**
 * PROBLEM_MISSING, MEASURE_MISSING, LEADER_MISSING, DEPARTMENT_MISSING, OWNER_MISSING: a task line without its
 * problem, measure, leader, department or person. A placeholder such as 待定 counts as missing, and so does a
 * column the sheet does not have at all.
 */
final class RequiredFieldsRule {

    private static final Map<Field, RuleCode> CODES = new LinkedHashMap<>();

    static {
        CODES.put(Field.PROBLEM, RuleCode.PROBLEM_MISSING);
        CODES.put(Field.MEASURE, RuleCode.MEASURE_MISSING);
        CODES.put(Field.LEADER, RuleCode.LEADER_MISSING);
        CODES.put(Field.DEPARTMENT, RuleCode.DEPARTMENT_MISSING);
        CODES.put(Field.OWNER, RuleCode.OWNER_MISSING);
    }

    void check(SheetTable table, TaskRow row, Findings findings) {
        for (Map.Entry<Field, RuleCode> entry : CODES.entrySet()) {
            Field field = entry.getKey();
            if (table.column(field) == null || !row.has(field)) {
                findings.addCell(entry.getValue(), table, row, field, row.seen(field),
                        Findings.message(entry.getValue(), Findings.row(row), Findings.header(table, field),
                                Findings.missingDetail(table, row, field)));
            }
        }
    }

}
