package org.rectification.ledger.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.ReadSubmission;
import org.rectification.ledger.sheet.SheetTable;
import org.rectification.ledger.sheet.TaskRow;
import org.rectification.ledger.sheet.TextForms;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;

/**
 * Works out which roster department a submission comes from: the 填报单位 line, else the most frequent
 * 责任单位 of its rows, else the file name. UNKNOWN_DEPARTMENT when none of them is on the roster;
 * DEPARTMENT_CONFLICT when the file name names another department than the sheet does. The 责任单位 column
 * may name other departments row by row (a county-wide sheet), so it only counts when no 填报单位 is given.
 */
final class DepartmentRule {

    private final Roster roster;

    DepartmentRule(Roster roster) {
        this.roster = roster;
    }

    /** The department's roster name, or null when unknown (then a finding says so). */
    String identify(String fileName, ReadSubmission read, Findings findings) {
        String declared = (read.declaredUnit() != null) ? TextForms.clean(read.declaredUnit()) : "";
        String fromDeclared = resolve(declared).orElse(null);
        ColumnMajority column = columnMajority(read.tables());
        String fromFile = (fileName != null) ? this.roster.findIn(stripExtension(fileName)).orElse(null) : null;

        String department = (fromDeclared != null) ? fromDeclared
                : (column.resolved() != null) ? column.resolved() : fromFile;
        if (department == null) {
            List<String> seen = new ArrayList<>();
            if (!declared.isEmpty()) {
                seen.add(Messages.get("check.detail.source-declared", declared));
            }
            if (column.written() != null) {
                seen.add(Messages.get("check.detail.source-column", column.written()));
            }
            seen.add(Messages.get("check.detail.source-file", (fileName != null) ? fileName : ""));
            String quoted = String.join("、", seen);
            findings.add(RuleCode.UNKNOWN_DEPARTMENT, null, null, null, null, quoted,
                    Findings.message(RuleCode.UNKNOWN_DEPARTMENT, quoted));
            return null;
        }
        if (fromFile != null && fromDeclared != null && !fromFile.equals(fromDeclared)) {
            conflict(findings, Messages.get("check.detail.source-declared", declared), fileName, fromFile,
                    department);
        }
        else if (fromFile != null && fromDeclared == null && column.resolved() != null
                && !fromFile.equals(column.resolved())) {
            conflict(findings, Messages.get("check.detail.source-column", column.written()), fileName, fromFile,
                    department);
        }
        return department;
    }

    private void conflict(Findings findings, String sheetSays, String fileName, String fileSays, String taken) {
        findings.add(RuleCode.DEPARTMENT_CONFLICT, null, null, null, null, sheetSays + " / " + fileName,
                Findings.message(RuleCode.DEPARTMENT_CONFLICT, sheetSays,
                        Messages.get("check.detail.source-file", fileName), fileSays, taken));
    }

    private Optional<String> resolve(String written) {
        if (written == null || TextForms.key(written).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> exact = this.roster.find(written);
        return exact.isPresent() ? exact : this.roster.findIn(written);
    }

    /**
     * @param resolved the roster department named most often in the 责任单位 column, or null
     * @param written the value written most often in that column, or null when it is empty throughout
     */
    private record ColumnMajority(String resolved, String written) {
    }

    private ColumnMajority columnMajority(List<SheetTable> tables) {
        Map<String, Integer> resolvedCounts = new LinkedHashMap<>();
        Map<String, Integer> writtenCounts = new LinkedHashMap<>();
        for (SheetTable table : tables) {
            for (TaskRow row : table.rows()) {
                String value = row.value(Field.DEPARTMENT);
                if (value == null || TextForms.key(value).isEmpty()) {
                    continue;
                }
                writtenCounts.merge(TextForms.clean(value), 1, Integer::sum);
                resolve(value).ifPresent((name) -> resolvedCounts.merge(name, 1, Integer::sum));
            }
        }
        return new ColumnMajority(mostFrequent(resolvedCounts), mostFrequent(writtenCounts));
    }

    private static String mostFrequent(Map<String, Integer> counts) {
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return (dot > 0) ? fileName.substring(0, dot) : fileName;
    }

}
