package org.rectification.ledger.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.rectification.ledger.check.Finding;
import org.rectification.ledger.check.RuleCode;
import org.rectification.ledger.check.Severity;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.ledger.DepartmentFigures;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.rectification.ledger.ledger.RecordedFinding;
import org.rectification.ledger.ledger.TaskMonth;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the reports read from the ledger, through the DAOs that own its tables: tasks from the ledger's, streamed
 * one department at a time in ledger order (problems in the order they first appear in the department's sheet,
 * measures under their problem), so a large ledger is never held whole; submissions from intake's and findings
 * from the ledger's, one month read whole.
 */
final class LedgerRows {

    private final JdbcLedgerDao ledger;

    private final JdbcSubmissionDao submissions;

    LedgerRows(JdbcTemplate jdbc) {
        this.ledger = new JdbcLedgerDao(jdbc);
        this.submissions = new JdbcSubmissionDao(jdbc);
    }

    /** Departments that have tasks: the roster's first, in roster order, then any others by name. */
    List<String> departments(List<String> roster) {
        Set<String> present = new LinkedHashSet<>(this.ledger.departmentsWithTasks());
        List<String> ordered = new ArrayList<>();
        for (String name : roster) {
            if (present.remove(name)) {
                ordered.add(name);
            }
        }
        ordered.addAll(present);
        return ordered;
    }

    /** Each task of the department as it stood in the month, with its state of the month before. */
    void monthStates(String department, YearMonth month, Consumer<TaskState> each) {
        this.ledger.monthStates(department, month, (task) -> each.accept(state(task)));
    }

    /**
     * The month's figures of every department with tasks, keyed by department, computed by the database in one
     * statement: the office board reads these instead of every task of every department.
     */
    Map<String, Tally> monthFigures(YearMonth month, LocalDate asOf, LocalDate previousMonthEnd) {
        Map<String, Tally> figures = new HashMap<>();
        for (DepartmentFigures counted : this.ledger.monthFigures(month, asOf, previousMonthEnd)
            .values()) {
            Tally tally = new Tally();
            tally.problems = counted.problems();
            tally.tasks = counted.tasks();
            tally.completed = counted.completed();
            tally.inProgress = counted.inProgress();
            tally.ongoing = counted.ongoing();
            // every status other than these three counts as not started, as in Tally.add
            tally.notStarted = tally.tasks - tally.completed - tally.inProgress - tally.ongoing;
            tally.overdue = counted.overdue();
            tally.newlyOverdue = counted.newlyOverdue();
            tally.closed = counted.closed();
            tally.previousTasks = counted.previousTasks();
            tally.previousCompleted = counted.previousCompleted();
            figures.put(counted.department(), tally);
        }
        return figures;
    }

    /** What each department sent last, in any month, whatever became of it; keyed by department. */
    Map<String, Submission> lastSubmissions() {
        return this.submissions.lastByDepartment();
    }

    /** Each task of the department with its latest state. */
    void latestStates(String department, Consumer<TaskState> each) {
        this.ledger.latestStates(department, (task) -> each.accept(state(task)));
    }

    /** Every monthly state of every task of the department, task by task, oldest month first. */
    void history(String department, Consumer<TaskState> each) {
        this.ledger.history(department, (task) -> each.accept(state(task)));
    }

    /** The month's submissions in the order they arrived. */
    List<Submission> submissions(YearMonth month) {
        return this.submissions.submissionsIn(month);
    }

    /** What the department sent last, in any month, whatever became of it. */
    Optional<Submission> lastSubmission(String department) {
        return this.submissions.lastFrom(department);
    }

    /** The month's findings, each with the outcome of the file it was found in. */
    List<FindingRow> findings(YearMonth month) {
        List<RecordedFinding> recorded = this.ledger.findingsIn(month);
        Map<Long, Outcome> outcomes = this.submissions
            .outcomesOf(recorded.stream().map(RecordedFinding::submissionId).distinct().toList());
        List<FindingRow> rows = new ArrayList<>(recorded.size());
        for (RecordedFinding each : recorded) {
            Finding f = each.finding();
            rows.add(new FindingRow(each.id(), each.department(), f.file(), f.sheet(), f.row(), f.column(),
                    f.columnIndex(), f.rule(), f.severity(), f.value(), f.message(), outcomes.get(each.submissionId()),
                    each.submissionId()));
        }
        return rows;
    }

    private static TaskState state(TaskMonth task) {
        TaskMonth.Previous before = task.previous();
        TaskState.Previous previous = (before != null)
                ? new TaskState.Previous(before.status(), before.deadline(), before.deadlineKind()) : null;
        return new TaskState(task.id(), task.taskCode(), task.department(), task.category(), task.problem(),
                task.measure(), task.leader(), task.owner(), task.coDepartments(), task.deadline(), task.deadlineText(),
                task.deadlineKind(), task.status(), task.progress(), task.evidence(), task.remarks(),
                task.month(), task.lastMonth(), previous);
    }

    /** A finding of the month with the outcome of the file it was found in. */
    record FindingRow(long id, String department, String fileName, String sheet, Integer row, String column,
            Integer columnIndex, RuleCode rule, Severity severity, String value, String message, Outcome outcome,
            long submissionId) {
    }

}
