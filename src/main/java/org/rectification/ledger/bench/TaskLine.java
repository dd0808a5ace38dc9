package org.rectification.ledger.bench;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.rectification.ledger.check.RuleCode;
import org.rectification.ledger.sheet.Field;

/**
 * One task line as a department writes it into its sheet, with the row findings the checks are expected
 * to raise on it.
 *
 * @param deadline a {@link LocalDate} (written as a real date cell) or a String (written as text)
 * @param extra the value of the sheet's unrecognised extra column (e.g. 督办科室), or null
 * @param expected row rule codes expected on this line in its month's run
 */
public record TaskLine(String code, String category, String problem, String measure, String leader, String department,
        String coDepartments, String owner, Object deadline, String status, String progress, String evidence,
        String remarks, String extra, Set<RuleCode> expected) {

    public Object value(Field field) {
        return switch (field) {
            case TASK_CODE -> this.code;
            case SEQUENCE -> null;
            case CATEGORY -> this.category;
            case PROBLEM -> this.problem;
            case MEASURE -> this.measure;
            case LEADER -> this.leader;
            case DEPARTMENT -> this.department;
            case CO_DEPARTMENTS -> this.coDepartments;
            case OWNER -> this.owner;
            case DEADLINE -> this.deadline;
            case STATUS -> this.status;
            case PROGRESS -> this.progress;
            case EVIDENCE -> this.evidence;
            case REMARKS -> this.remarks;
        };
    }

    public TaskLine withCoDepartments(String value) {
        return new TaskLine(this.code, this.category, this.problem, this.measure, this.leader, this.department,
                value, this.owner, this.deadline, this.status, this.progress, this.evidence, this.remarks,
                this.extra, this.expected);
    }

    public TaskLine withExtra(String value) {
        return new TaskLine(this.code, this.category, this.problem, this.measure, this.leader, this.department,
                this.coDepartments, this.owner, this.deadline, this.status, this.progress, this.evidence, this.remarks,
                value, this.expected);
    }

    public TaskLine withMeasure(String value) {
        return new TaskLine(this.code, this.category, this.problem, value, this.leader, this.department,
                this.coDepartments, this.owner, this.deadline, this.status, this.progress, this.evidence, this.remarks,
                this.extra, Set.of());
    }

    public TaskLine withCode(String value) {
        return new TaskLine(value, this.category, this.problem, this.measure, this.leader, this.department,
                this.coDepartments, this.owner, this.deadline, this.status, this.progress, this.evidence, this.remarks,
                this.extra, Set.of());
    }

    public TaskLine withOwner(String value) {
        return new TaskLine(this.code, this.category, this.problem, this.measure, this.leader, this.department,
                this.coDepartments, value, this.deadline, this.status, this.progress, this.evidence, this.remarks,
                this.extra, Set.of());
    }

    public TaskLine withDeadline(Object value) {
        return new TaskLine(this.code, this.category, this.problem, this.measure, this.leader, this.department,
                this.coDepartments, this.owner, value, this.status, this.progress, this.evidence, this.remarks,
                this.extra, Set.of());
    }

    public TaskLine withRemarks(String value) {
        return new TaskLine(this.code, this.category, this.problem, this.measure, this.leader, this.department,
                this.coDepartments, this.owner, this.deadline, this.status, this.progress, this.evidence, value,
                this.extra, Set.of());
    }

    /** A new month's state: status, progress and evidence as reported then; expected findings cleared. */
    public TaskLine report(String status, String progress, String evidence) {
        return new TaskLine(this.code, this.category, this.problem, this.measure, this.leader, this.department,
                this.coDepartments, this.owner, this.deadline, status, progress, evidence, this.remarks, this.extra,
                Set.of());
    }

    /** The same line, carried into the next month unchanged (expected findings cleared). */
    public TaskLine carried() {
        return report(this.status, this.progress, this.evidence);
    }

    public TaskLine expect(RuleCode... codes) {
        Set<RuleCode> all = EnumSet.noneOf(RuleCode.class);
        all.addAll(this.expected);
        all.addAll(Set.of(codes));
        return new TaskLine(this.code, this.category, this.problem, this.measure, this.leader, this.department,
                this.coDepartments, this.owner, this.deadline, this.status, this.progress, this.evidence, this.remarks,
                this.extra, Set.copyOf(all));
    }

    /** The identity the ledger uses: the code when there is one, else problem and measure. */
    public String identity() {
        return (this.code != null && !this.code.isBlank()) ? "code|" + this.code
                : "text|" + this.problem + "|" + this.measure;
    }

}
