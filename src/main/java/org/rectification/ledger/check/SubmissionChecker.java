package org.rectification.ledger.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectification.ledger.sheet.ReadFailure;
import org.rectification.ledger.sheet.ReadSubmission;
import org.rectification.ledger.sheet.SheetReadException;
import org.rectification.ledger.sheet.SheetTable;
import org.rectification.ledger.sheet.TaskRow;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;

/**
 * Applies every rule to a read submission and decides what may be merged: nothing when a submission error
 * rejects the file, otherwise every row without an error. Collects findings; never throws for bad data.
 */
public final class SubmissionChecker {

    private final CheckSettings settings;

    private final Roster roster;

    private final DepartmentRule departmentRule;

    private final SignatureRule signatureRule = new SignatureRule();

    private final RequiredFieldsRule requiredFieldsRule = new RequiredFieldsRule();

    private final DeadlineRule deadlineRule = new DeadlineRule();

    private final StatusRule statusRule = new StatusRule();

    /**
     * Most findings a submission may have: the notice, summary.json and the progress workbook hold a submission's
     * findings in memory, and a sheet of a million rows with something wrong on each would have millions. Past it
     * the file is set aside as too large, as one whose cells outgrow the heap was before its cells could spill.
     */
    static final int MAX_FINDINGS = 50_000;

    public SubmissionChecker(CheckSettings settings, Roster roster) {
        this.settings = settings;
        this.roster = roster;
        this.departmentRule = new DepartmentRule(roster);
    }

    /**
     * @param fileName the file name as submitted
     * @param read what the reader found in it
     * @param previousByDepartment the ledger's last state before this month of a department's tasks, keyed by
     * {@link org.rectification.ledger.sheet.TaskKey} (may be empty); asked only for the identified department
     */
    public CheckedSubmission check(String fileName, ReadSubmission read,
            Function<String, Map<String, PreviousTask>> previousByDepartment) {
        Findings submission = new Findings(fileName, this.settings);
        Findings rows = new Findings(fileName, this.settings);
        List<SheetTable> tables = (read.tables() != null) ? read.tables() : List.of();

        if (tables.isEmpty()) {
            String skipped = (read.skipped() != null) ? read.skipped().stream()
                .map((sheet) -> sheet.sheet() + "：" + sheet.reason())
                .collect(Collectors.joining("；")) : "";
            submission.add(RuleCode.NO_HEADER, null, null, null, null, skipped,
                    Findings.message(RuleCode.NO_HEADER, parenthesised(skipped)));
        }
        String department = this.departmentRule.identify(fileName, read, submission);
        this.signatureRule.check(read, submission);

        Map<String, PreviousTask> previous = (department != null) ? previousByDepartment.apply(department) : null;
        TaskCodeRule taskCodeRule = new TaskCodeRule(tables);
        CrossMonthRule crossMonthRule = (previous != null && !previous.isEmpty())
                ? new CrossMonthRule(department, previous, tables) : null;
        for (SheetTable table : tables) {
            for (TaskRow row : table.rows()) {
                if (rows.list().size() > MAX_FINDINGS) {
                    return unreadable(fileName, new SheetReadException(ReadFailure.TOO_LARGE, read.file(),
                            Messages.get("check.too-many-findings", fileName, String.valueOf(MAX_FINDINGS))));
                }
                this.requiredFieldsRule.check(table, row, rows);
                this.deadlineRule.check(table, row, rows);
                taskCodeRule.check(table, row, rows);
                this.statusRule.check(table, row, rows);
                if (crossMonthRule != null) {
                    crossMonthRule.check(table, row, rows);
                }
            }
        }
        if (crossMonthRule != null) {
            crossMonthRule.checkDropped(rows);
        }

        List<Finding> findings = new ArrayList<>(submission.list());
        findings.addAll(rows.list());
        boolean rejected = submission.list().stream().anyMatch(Finding::isError);
        Set<String> rowsWithErrors = new HashSet<>();
        for (Finding finding : rows.list()) {
            if (finding.isError() && finding.row() != null) {
                rowsWithErrors.add(place(finding.sheet(), finding.row()));
            }
        }
        List<TaskRow> mergeable = rejected ? List.of()
                : MergeableRows.of(tables, (row) -> !rowsWithErrors.contains(place(row.sheet(), row.rowNumber())));
        return new CheckedSubmission(fileName, read, department, List.copyOf(findings), mergeable, rejected);
    }

    /**
     * For a file that could not be read at all: one finding whose rule is the read failure's code. The file
     * is always rejected (there is nothing to merge), whatever the job file says about the rule's severity.
     */
    public CheckedSubmission unreadable(String fileName, SheetReadException failure) {
        RuleCode rule = ruleFor(failure.failure());
        String detail = (failure.getMessage() != null) ? failure.getMessage() : "";
        // The product's own output is set aside, not returned: it is nobody's submission, whatever its name says
        // (a notice is named after the department's file).
        boolean ownOutput = rule == RuleCode.OWN_OUTPUT;
        Finding finding = new Finding(fileName, failure.sheet(), failure.row(), failure.column(), null, rule,
                ownOutput ? Severity.NOTICE : Severity.ERROR, detail, Findings.message(rule, parenthesised(detail)),
                Findings.expected(rule));
        String department = (fileName != null && !ownOutput) ? this.roster.findIn(fileName).orElse(null) : null;
        return new CheckedSubmission(fileName, null, department, List.of(finding), List.of(), true);
    }

    /**
     * For an inbox entry intake set aside without reading it (a special file, a link that cannot be followed, a
     * file it may not read or too large): one finding with intake's reason, under the read failure's code. Always
     * rejected, like an unreadable file.
     */
    public CheckedSubmission setAside(String fileName, ReadFailure failure, String reason, String expected) {
        Finding finding = new Finding(fileName, null, null, null, null, ruleFor(failure), Severity.ERROR, "", reason,
                expected);
        String department = this.roster.findIn(fileName).orElse(null);
        return new CheckedSubmission(fileName, null, department, List.of(finding), List.of(), true);
    }

    static RuleCode ruleFor(ReadFailure failure) {
        return switch (failure) {
            case NOT_A_SPREADSHEET -> RuleCode.NOT_A_SPREADSHEET;
            case UNREADABLE -> RuleCode.UNREADABLE;
            case ENCRYPTED -> RuleCode.ENCRYPTED;
            case TOO_LARGE -> RuleCode.TOO_LARGE;
            case NO_HEADER -> RuleCode.NO_HEADER;
            case OWN_OUTPUT -> RuleCode.OWN_OUTPUT;
        };
    }

    private static String parenthesised(String detail) {
        return detail.isEmpty() ? "" : Messages.get("check.detail.parenthesised", detail);
    }

    private static String place(String sheet, int row) {
        return sheet + "\u0000" + row;
    }

}
