package org.rectification.ledger.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.SheetTable;
import org.rectification.ledger.sheet.TaskRow;
import org.rectification.ledger.sheet.TextForms;
import org.rectification.ledger.system.Messages;

/**
 * TASK_CODE_DUPLICATE: a task code used more than once in one submission (on any of its sheets). Every use
 * fires, since the office cannot tell which line is the real task.
 */
final class TaskCodeRule {

    private record Use(String sheet, int row) {
    }

    private final Map<String, List<Use>> usesByCode = new LinkedHashMap<>();

    private final boolean severalSheets;

    TaskCodeRule(List<SheetTable> tables) {
        this.severalSheets = tables.size() > 1;
        for (SheetTable table : tables) {
            for (TaskRow row : table.rows()) {
                String code = row.value(Field.TASK_CODE);
                if (code != null && !TextForms.key(code).isEmpty()) {
                    this.usesByCode.computeIfAbsent(TextForms.key(code), (key) -> new ArrayList<>())
                        .add(new Use(table.sheet(), row.rowNumber()));
                }
            }
        }
    }

    /** How many other uses of a duplicated code a finding names. */
    private static final int PLACES_NAMED = 5;

    void check(SheetTable table, TaskRow row, Findings findings) {
        String code = row.value(Field.TASK_CODE);
        if (code == null) {
            return;
        }
        List<Use> uses = this.usesByCode.getOrDefault(TextForms.key(code), List.of());
        if (uses.size() < 2) {
            return;
        }
        List<Use> otherUses = uses.stream()
            .filter((use) -> !(use.sheet().equals(table.sheet()) && use.row() == row.rowNumber()))
            .toList();
        // a code reused hundreds of times names a few places, not all: the notice lists every row anyway
        String others = otherUses.stream()
            .limit(PLACES_NAMED)
            .map((use) -> (this.severalSheets && !use.sheet().equals(table.sheet()))
                    ? Messages.get("check.detail.sheet-row", use.sheet(), String.valueOf(use.row()))
                    : Messages.get("check.detail.row", String.valueOf(use.row())))
            .collect(Collectors.joining("、"));
        if (otherUses.size() > PLACES_NAMED) {
            others = Messages.get("check.detail.and-more", others, String.valueOf(otherUses.size()));
        }
        findings.addCell(RuleCode.TASK_CODE_DUPLICATE, table, row, Field.TASK_CODE, code,
                Findings.message(RuleCode.TASK_CODE_DUPLICATE, Findings.row(row),
                        Findings.header(table, Field.TASK_CODE), code, others));
    }

}
