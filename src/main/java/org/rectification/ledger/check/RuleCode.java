package org.rectification.ledger.check;

/**
 * The stable rule codes, with their default severity. summary.json, the database, the job
 * file and the tests all use these names.
 */
public enum RuleCode {

    PROBLEM_MISSING(Scope.ROW, Severity.ERROR),
    MEASURE_MISSING(Scope.ROW, Severity.ERROR),
    LEADER_MISSING(Scope.ROW, Severity.ERROR),
    DEPARTMENT_MISSING(Scope.ROW, Severity.ERROR),
    OWNER_MISSING(Scope.ROW, Severity.ERROR),
    DEADLINE_MISSING(Scope.ROW, Severity.ERROR),
    DEADLINE_UNPARSEABLE(Scope.ROW, Severity.ERROR),
    DEADLINE_BEFORE_FEEDBACK(Scope.ROW, Severity.ERROR),
    TASK_CODE_DUPLICATE(Scope.ROW, Severity.ERROR),
    STATUS_MISSING(Scope.ROW, Severity.WARNING),
    STATUS_UNRECOGNISED(Scope.ROW, Severity.WARNING),
    COMPLETED_WITHOUT_EVIDENCE(Scope.ROW, Severity.WARNING),
    COMPLETED_WITHOUT_PROGRESS(Scope.ROW, Severity.WARNING),
    TASK_DROPPED(Scope.ROW, Severity.WARNING),
    STATUS_REGRESSED(Scope.ROW, Severity.WARNING),
    DEADLINE_POSTPONED(Scope.ROW, Severity.WARNING),
    SIGNATURE_MISSING(Scope.SUBMISSION, Severity.ERROR),
    UNKNOWN_DEPARTMENT(Scope.SUBMISSION, Severity.ERROR),
    DEPARTMENT_CONFLICT(Scope.SUBMISSION, Severity.WARNING),
    NO_HEADER(Scope.SUBMISSION, Severity.ERROR),
    NOT_A_SPREADSHEET(Scope.SUBMISSION, Severity.ERROR),
    UNREADABLE(Scope.SUBMISSION, Severity.ERROR),
    ENCRYPTED(Scope.SUBMISSION, Severity.ERROR),
    TOO_LARGE(Scope.SUBMISSION, Severity.ERROR),
    DUPLICATE_FILE(Scope.SUBMISSION, Severity.NOTICE),
    SUPERSEDED(Scope.SUBMISSION, Severity.NOTICE),
    /** A workbook this product wrote (a return notice, a monthly workbook) found in the inbox: set aside, never merged. */
    OWN_OUTPUT(Scope.SUBMISSION, Severity.NOTICE);

    private final Scope scope;

    private final Severity defaultSeverity;

    RuleCode(Scope scope, Severity defaultSeverity) {
        this.scope = scope;
        this.defaultSeverity = defaultSeverity;
    }

    public Scope scope() {
        return this.scope;
    }

    public Severity defaultSeverity() {
        return this.defaultSeverity;
    }

}
