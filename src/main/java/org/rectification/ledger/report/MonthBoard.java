package org.rectification.ledger.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.report.ReportStyles.Fill;
import org.rectification.ledger.system.Messages;

/**
 * The month's figures as the web console shows them, computed by the same code as the progress workbook
 * ({@link MonthFigures}, {@link SubmissionState}, the 三色预警 of 临期预警), so the board and 总体情况 /
 * 未报送单位 never disagree. The office's figures are counted by the database, grouped by department ({@link
 * LedgerRows#monthFigures}, the rules of {@link Tally} in SQL); a department's page reads its tasks one by one.
 */
public final class MonthBoard {

    /** The rows of 总体情况. */
    public record Overview(String campaign, YearMonth month, LocalDate asOf, int problems, Totals totals, int closed,
            int newlyOverdue, SubmissionCounts submissions) {
    }

    /**
     * One line of 分单位统计; {@code submission} is the label of its submission state (按时报送, 被退回, ...), {@code
     * closed} and {@code newlyOverdue} its 本月销号 and 本月新增逾期.
     */
    public record DepartmentLine(String department, int problems, Totals totals, String submission,
            String submissionCode, int closed, int newlyOverdue) {
    }

    /** One line of 未报送单位: the state, and what the department sent last (any month), if anything. */
    public record MissingLine(String department, int tasks, String state, String lastMonth, String lastFile,
            String lastOutcome, LocalDateTime lastReceived) {
    }

    /** A finding of the month as 退回及问题 lists it. */
    public record FindingLine(String department, String fileName, String outcome, String sheet, Integer row,
            String column, String rule, String severity, String message, String value) {
    }

    /**
     * A task of a department for the month with its 三色预警: {@code warning} is RED (overdue), YELLOW (due within
     * yellow-days), GREEN (within green-days) or null, {@code warningLabel} its wording.
     */
    public record TaskLine(String taskCode, String category, String problem, String measure, String leader,
            String owner, String deadline, String status, boolean overdue, String warning, String warningLabel,
            String progress) {
    }

    /** The whole office's board. */
    public record Office(Overview overview, List<DepartmentLine> departments, List<MissingLine> missing,
            List<FindingLine> findings) {
    }

    /** One department's month: its line (with its submission state), its tasks and the findings in its files. */
    public record Department(DepartmentLine line, List<TaskLine> tasks, List<FindingLine> findings) {
    }

    private final JdbcTemplate jdbc;

    public MonthBoard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every roster department (and any other with tasks), as the progress workbook reports them. */
    public Office office(ReportRequest request) {
        LedgerRows rows = new LedgerRows(this.jdbc);
        List<String> reported = new ArrayList<>(request.roster().names());
        rows.departments(request.roster().names()).stream().filter(d -> !reported.contains(d)).forEach(reported::add);
        YearMonth month = request.month();
        List<Submission> submissions = rows.submissions(month);
        List<LedgerRows.FindingRow> monthFindings = rows.findings(month);
        // the figures of every department in one statement: a query per department took seconds for 2,000 of them
        MonthFigures figures = new MonthFigures(reported, month, request.asOf(),
                request.month().minusMonths(1).atEndOfMonth());
        Map<String, Tally> byDepartment = rows.monthFigures(month, request.asOf(),
                request.month().minusMonths(1).atEndOfMonth());
        for (String department : reported) {
            Tally tally = byDepartment.get(department);
            if (tally != null) {
                figures.addDepartment(department, tally);
            }
        }
        figures.settleSubmissions(MonthSubmissions.of(request.roster(), reported, submissions, monthFindings,
                request.month(), request.dueDay()));

        Tally overall = figures.overall;
        Overview overview = new Overview(request.campaign(), month, request.asOf(), overall.problems,
                overall.totals(), overall.closed, overall.newlyOverdue, figures.submissionCounts(submissions));
        List<DepartmentLine> departments = new ArrayList<>();
        figures.departments.forEach((name, tally) -> departments.add(line(figures, name)));
        List<MissingLine> missing = new ArrayList<>();
        Map<String, Submission> lastSent = rows.lastSubmissions();
        for (MonthSubmissions.Standing standing : figures.submissions().notSubmitted()) {
            String name = standing.department();
            Tally tally = figures.departments.get(name);
            Optional<Submission> last = Optional.ofNullable(lastSent.get(name));
            missing.add(new MissingLine(name, (tally != null) ? tally.tasks : 0, standing.state().label(),
                    last.map((s) -> s.month().toString()).orElse(null),
                    last.map(Submission::fileName).orElse(Messages.get("report.submission.never")),
                    last.map(s -> ReportWording.outcome(s.outcome())).orElse(null),
                    last.map(Submission::arrived).orElse(null)));
        }
        List<FindingLine> findings = ProgressWorkbookWriter.sortFindings(monthFindings, request)
            .stream()
            .map(MonthBoard::findingLine)
            .toList();
        return new Office(overview, departments, missing, findings);
    }

    /** One department's month and its tasks with their warnings; nothing of any other department is read. */
    public Department department(ReportRequest request, String department) {
        LedgerRows rows = new LedgerRows(this.jdbc);
        YearMonth month = request.month();
        List<Submission> submissions = rows.submissions(month)
            .stream()
            .filter(s -> department.equals(s.department()))
            .toList();
        List<LedgerRows.FindingRow> findings = rows.findings(month)
            .stream()
            .filter(f -> department.equals(f.department()))
            .toList();
        List<TaskLine> tasks = new ArrayList<>();
        MonthFigures figures = new MonthFigures(List.of(department), month, request.asOf(),
                request.month().minusMonths(1).atEndOfMonth());
        rows.monthStates(department, month, task -> {
            String category = (task.category() == null || task.category().isBlank())
                    ? Messages.get("report.uncategorised") : task.category();
            figures.add(task, category);
            tasks.add(taskLine(task, category, request));
        });
        figures.settleSubmissions(MonthSubmissions.of(request.roster(), List.of(department), submissions, findings,
                request.month(), request.dueDay()));
        return new Department(line(figures, department), tasks,
                findings.stream().map(MonthBoard::findingLine).toList());
    }

    private static FindingLine findingLine(LedgerRows.FindingRow f) {
        return new FindingLine(ReportWording.department(f.department()), f.fileName(), ReportWording.outcome(f.outcome()), f.sheet(),
                f.row(), f.column(), (f.rule() != null) ? f.rule().name() : null, ReportWording.severity(f.severity()), f.message(), f.value());
    }

    private static DepartmentLine line(MonthFigures figures, String name) {
        Tally tally = figures.departments.get(name);
        SubmissionState state = figures.submissions().of(name).state();
        return new DepartmentLine(name, tally.problems, tally.totals(), state.label(), state.code(), tally.closed,
                tally.newlyOverdue);
    }

    private static TaskLine taskLine(TaskState task, String category, ReportRequest request) {
        Optional<Fill> warning = ProgressWorkbookWriter.warning(task, request);
        Object deadline = ReportWording.deadline(task);
        String warningLabel = warning.map(fill -> ProgressWorkbookWriter.warningLabel(fill, request)).orElse(null);
        return new TaskLine(task.taskCode(), category, task.problem(), task.measure(), task.leader(), task.owner(),
                (deadline != null) ? deadline.toString() : null, ReportWording.status(task.status()),
                task.overdue(request.asOf()), warning.map(Enum::name).orElse(null), warningLabel, task.progress());
    }

}
