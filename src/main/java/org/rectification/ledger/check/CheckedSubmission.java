package org.rectification.ledger.check;

import java.util.List;

import org.rectification.ledger.sheet.ReadSubmission;
import org.rectification.ledger.sheet.TaskRow;

/**
 * A submission after all rules ran.
 *
 * @param fileName the file name as submitted
 * @param read what was read; null when the file could not be read at all
 * @param department the roster name of the department it comes from, or null when unknown
 * @param findings every finding, in sheet and row order, submission findings first
 * @param mergeable the rows to merge into the ledger: none when rejected, otherwise every row without an error
 * @param rejected true when a submission error rejects the whole file
 */
public record CheckedSubmission(String fileName, ReadSubmission read, String department, List<Finding> findings,
        List<TaskRow> mergeable, boolean rejected) {

    public boolean hasFindings() {
        return !this.findings.isEmpty();
    }

    /** True for a workbook this product wrote: it is set aside, neither merged nor returned to anyone. */
    public boolean setAside() {
        return this.findings.stream().anyMatch((finding) -> finding.rule() == RuleCode.OWN_OUTPUT);
    }

    /** "SIGNATURE_MISSING: 审核人" style reasons for the submission errors, for summary.json. */
    public List<String> reasons() {
        return this.findings.stream()
            .filter((finding) -> (finding.isError() || finding.rule() == RuleCode.OWN_OUTPUT)
                    && finding.rule().scope() == Scope.SUBMISSION)
            .map((finding) -> finding.rule().name()
                    + ((finding.column() != null) ? ": " + finding.column() : ((finding.value() != null && !finding.value().isEmpty()) ? ": " + finding.value() : "")))
            .distinct()
            .toList();
    }

}
