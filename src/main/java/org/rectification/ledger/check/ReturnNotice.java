package org.rectification.ledger.check;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.rectification.ledger.sheet.SheetTable;

/**
 * What one return notice says and which of the department's sheets it copies. Built from a fresh check (the web
 * upload, {@code ledger check}), which knows the sheets read as data, or from the findings stored in the ledger (the
 * nightly notice step), which copies every visible sheet instead, since the file is not read again.
 *
 * @param fileName the file name as submitted
 * @param department the roster name of the department, or null when unknown
 * @param findings every finding, in sheet and row order
 * @param rejected true when the whole file is returned, false when it is accepted with corrections
 * @param sheets the sheets to copy (besides those {@code allVisible} adds)
 * @param allVisible true to copy every visible sheet as well
 */
public record ReturnNotice(String fileName, String department, List<Finding> findings, boolean rejected,
        Set<String> sheets, boolean allVisible) {

    public ReturnNotice {
        findings = List.copyOf(findings);
        sheets = Set.copyOf(sheets);
    }

    /** The notice of a file just checked: it copies the sheets read as data and those the findings point at. */
    public static ReturnNotice of(CheckedSubmission checked) {
        Set<String> sheets = new LinkedHashSet<>();
        if (checked.read() != null) {
            checked.read().tables().stream().map(SheetTable::sheet).forEach(sheets::add);
        }
        sheets.addAll(findingSheets(checked.findings()));
        return new ReturnNotice(checked.fileName(), checked.department(), checked.findings(), checked.rejected(),
                sheets, checked.read() == null);
    }

    /**
     * The notice written later from the stored findings alone: every visible sheet and those the findings point at.
     */
    public static ReturnNotice ofStoredFindings(String fileName, String department, List<Finding> findings,
            boolean rejected) {
        return new ReturnNotice(fileName, department, findings, rejected, findingSheets(findings), true);
    }

    /** True when the sheet of this name is copied into the notice. */
    boolean copies(String sheet, boolean visible) {
        return this.sheets.contains(sheet) || (this.allVisible && visible);
    }

    private static Set<String> findingSheets(List<Finding> findings) {
        Set<String> sheets = new LinkedHashSet<>();
        findings.stream().filter((finding) -> finding.sheet() != null).forEach((finding) -> sheets.add(finding.sheet()));
        return sheets;
    }

}
