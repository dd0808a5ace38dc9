package org.rectification.ledger.check;

import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>
 * A sheet may have a million codes: a first pass keeps an 8-byte fingerprint of each ({@link TextForms#fingerprint}),
 * and only the codes whose fingerprint repeats (the duplicates, and the odd two codes that share one) are kept as
 * texts with their places, on a second pass.
 */
final class TaskCodeRule {

    private record Use(String sheet, int row) {
    }

    private final Map<String, List<Use>> usesByCode = new LinkedHashMap<>();

    private final boolean severalSheets;

    /** Fingerprints seen more than once, sorted. */
    private final long[] repeated;

    TaskCodeRule(List<SheetTable> tables) {
        this.severalSheets = tables.size() > 1;
        long[] fingerprints = new long[tables.stream().mapToInt((table) -> table.rows().size()).sum()];
        int count = 0;
        for (SheetTable table : tables) {
            for (TaskRow row : table.rows()) {
                String key = key(row);
                if (!key.isEmpty()) {
                    fingerprints[count++] = TextForms.fingerprint(key);
                }
            }
        }
        Arrays.sort(fingerprints, 0, count);
        long[] repeated = new long[16];
        int repeats = 0;
        for (int i = 1; i < count; i++) {
            if (fingerprints[i] == fingerprints[i - 1] && (repeats == 0 || repeated[repeats - 1] != fingerprints[i])) {
                if (repeats == repeated.length) {
                    repeated = Arrays.copyOf(repeated, repeats * 2);
                }
                repeated[repeats++] = fingerprints[i];
            }
        }
        this.repeated = Arrays.copyOf(repeated, repeats);
        if (repeats == 0) {
            return;
        }
        for (SheetTable table : tables) {
            for (TaskRow row : table.rows()) {
                String key = key(row);
                if (!key.isEmpty() && mayRepeat(key)) {
                    this.usesByCode.computeIfAbsent(key, (k) -> new ArrayList<>())
                        .add(new Use(table.sheet(), row.rowNumber()));
                }
            }
        }
    }

    private static String key(TaskRow row) {
        String code = row.value(Field.TASK_CODE);
        return (code != null) ? TextForms.key(code) : "";
    }

    private boolean mayRepeat(String key) {
        return Arrays.binarySearch(this.repeated, TextForms.fingerprint(key)) >= 0;
    }

    /** How many other uses of a duplicated code a finding names. */
    private static final int PLACES_NAMED = 5;

    void check(SheetTable table, TaskRow row, Findings findings) {
        String code = row.value(Field.TASK_CODE);
        if (code == null) {
            return;
        }
        String key = TextForms.key(code);
        if (!mayRepeat(key)) {
            return;
        }
        List<Use> uses = this.usesByCode.getOrDefault(key, List.of());
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
