package org.rectification.ledger.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import org.rectification.ledger.report.ReportStyles.Fill;
import org.rectification.ledger.system.Messages;

/**
 * The month's figures as the web console shows them, computed by the same code as the progress workbook
 * ({@link MonthFigures}, {@link SubmissionState}, the 三色预警 of 临期预警), so the board and 总体情况 /
 * 未报送单位 never disagree. Read in one pass over the month's task states, like the workbook.
 */
public final class MonthBoard {

    /** The rows of 总体情况. */
    public record Overview(String campaign, String month, LocalDate asOf, int problems, Totals totals, int closed,
            int newlyOverdue, SubmissionCounts submissions) {
    }

    /** One line of 分单位统计; {@code submission} is the label of its submission state (按时报送, 被退回, ...). */
    public record DepartmentLine(String department, int problems, Totals totals, String submission,
            String submissionCode) {
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
        String month = request.month().toString();
        List<LedgerRows.Submission> submissions = rows.submissions(month);
        MonthFigures figures = figures(rows, request, reported, submissions, null);

        Tally overall = figures.overall;
        Overview overview = new Overview(request.campaign(), month, request.asOf(), overall.problems,
                overall.totals(), overall.closed, overall.newlyOverdue, figures.submissionCounts(submissions));
        List<DepartmentLine> departments = new ArrayList<>();
        figures.departments.forEach((name, tally) -> departments.add(line(figures, name)));
        List<MissingLine> missing = new ArrayList<>();
        for (MonthSubmissions.Standing standing : figures.submissions().notSubmitted()) {
            String name = standing.department();
            Tally tally = figures.departments.get(name);
            Optional<LedgerRows.Submission> last = rows.lastSubmission(name);
            missing.add(new MissingLine(name, (tally != null) ? tally.tasks : 0, standing.state().label(),
                    last.map(LedgerRows.Submission::month).orElse(null),
                    last.map(LedgerRows.Submission::fileName).orElse(Messages.get("report.submission.never")),
                    last.map(s -> Labels.outcome(s.outcome())).orElse(null),
                    last.map(LedgerRows.Submission::receivedAt).orElse(null)));
        }
        List<FindingLine> findings = ProgressWorkbookWriter.sortFindings(rows.findings(month), request)
            .stream()
            .map(MonthBoard::findingLine)
            .toList();
        return new Office(overview, departments, missing, findings);
    }

    /** One department's month and its tasks with their warnings; nothing of any other department is read. */
    public Department department(ReportRequest request, String department) {
        LedgerRows rows = new LedgerRows(this.jdbc);
        List<LedgerRows.Submission> submissions = rows.submissions(request.month().toString())
            .stream()
            .filter(s -> department.equals(s.department()))
            .toList();
        List<TaskLine> tasks = new ArrayList<>();
        MonthFigures figures = figures(rows, request, List.of(department), submissions, tasks);
        List<FindingLine> findings = rows.findings(request.month().toString())
            .stream()
            .filter(f -> department.equals(f.department()))
            .map(MonthBoard::findingLine)
            .toList();
        return new Department(line(figures, department), tasks, findings);
    }

    private static MonthFigures figures(LedgerRows rows, ReportRequest request, List<String> departments,
            List<LedgerRows.Submission> submissions, List<TaskLine> tasks) {
        String month = request.month().toString();
        MonthFigures figures = new MonthFigures(departments, month, request.asOf(),
                request.month().minusMonths(1).atEndOfMonth());
        for (String department : departments) {
            rows.monthStates(department, month, task -> {
                String category = (task.category() == null || task.category().isBlank())
                        ? Messages.get("report.uncategorised") : task.category();
                figures.add(task, category);
                if (tasks != null) {
                    tasks.add(taskLine(task, category, request));
                }
            });
        }
        figures.settleSubmissions(MonthSubmissions.of(request.roster(), departments, submissions,
                rows.findings(month), request.month(), request.dueDay()));
        return figures;
    }

    private static FindingLine findingLine(LedgerRows.FindingRow f) {
        return new FindingLine(Labels.department(f.department()), f.fileName(), Labels.outcome(f.outcome()), f.sheet(),
                f.row(), f.column(), f.rule(), Labels.severity(f.severity()), f.message(), f.value());
    }

    private static DepartmentLine line(MonthFigures figures, String name) {
        Tally tally = figures.departments.get(name);
        SubmissionState state = figures.submissions().of(name).state();
        return new DepartmentLine(name, tally.problems, tally.totals(), state.label(), state.code());
    }

    private static TaskLine taskLine(TaskState task, String category, ReportRequest request) {
        Optional<Fill> warning = ProgressWorkbookWriter.warning(task, request);
        Object deadline = Labels.deadline(task);
        String warningLabel = warning.map(fill -> ProgressWorkbookWriter.warningLabel(fill, request)).orElse(null);
        return new TaskLine(task.taskCode(), category, task.problem(), task.measure(), task.leader(), task.owner(),
                (deadline != null) ? deadline.toString() : null, Labels.status(task.status()),
                task.overdue(request.asOf()), warning.map(Enum::name).orElse(null), warningLabel, task.progress());
    }

}
