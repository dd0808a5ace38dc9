package org.rectification.ledger.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.rectification.ledger.check.RuleCode;
import org.rectification.ledger.check.Severity;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.report.ReportStyles.Fill;
import org.rectification.ledger.report.ReportStyles.Kind;
import org.rectification.ledger.report.TableSheet.Column;
import org.rectification.ledger.report.TableSheet.Percent;
import org.rectification.ledger.report.TableSheet.PercentChange;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.sheet.ProductMark;
import org.rectification.ledger.sheet.StreamingWorkbook;

/**
 * The monthly progress workbook (月度整改进展-YYYY-MM.xlsx) for supervisors: overview with charts, figures by
 * department and by category, overdue and due-soon tasks, tasks closed this month, departments that have not
 * submitted, every finding, and all tasks. The task sheets are filled in one streamed pass over the month's task
 * states, which also gathers the figures; the small summary sheets are written at the end.
 */
final class ProgressWorkbookWriter {

    private static final int WINDOW = 200;

    private static final int RATE_WARNING_BELOW_PERCENT = 50;

    private final LedgerRows rows;

    ProgressWorkbookWriter(LedgerRows rows) {
        this.rows = rows;
    }

    MonthFigures write(ReportRequest request, List<String> departments, List<Submission> submissions,
            List<LedgerRows.FindingRow> findings, Path target) throws IOException {
        YearMonth month = request.month();
        String monthText = month.toString();
        LocalDate asOf = request.asOf();
        String asOfText = asOf.format(DateTimeFormatter.ISO_LOCAL_DATE);
        MonthFigures figures = new MonthFigures(departments, month, asOf,
                request.month().minusMonths(1).atEndOfMonth());
        SXSSFWorkbook workbook = new StreamingWorkbook(WINDOW, ProductMark.Kind.PROGRESS);
        try {
            ReportStyles styles = new ReportStyles(workbook);
            String monthTitle = Messages.get("report.progress.title", request.campaign(), monthText);
            TableSheet overview = new TableSheet(workbook, styles, Messages.get("report.overview.sheet"),
                    Messages.get("report.overview.title", request.campaign(), monthText),
                    List.of(new Column(Messages.get("report.col.item"), Kind.TEXT, 26),
                            new Column(Messages.get("report.col.value-figure"), Kind.CENTER, 30)),
                    null, SpreadsheetVersion.EXCEL2007.getMaxRows(), ProgressCharts.LAST_COLUMN + 1);
            TableSheet byDepartment = new TableSheet(workbook, styles, Messages.get("report.departments.sheet"),
                    Messages.get("report.departments.title", monthText), figureColumns("report.col.department", true), null);
            TableSheet byCategory = new TableSheet(workbook, styles, Messages.get("report.categories.sheet"),
                    Messages.get("report.categories.title", monthText), figureColumns("report.col.category", false), null);
            TableSheet overdue = new TableSheet(workbook, styles, Messages.get("report.overdue.sheet"),
                    Messages.get("report.overdue.title", asOfText), overdueColumns(), null);
            TableSheet warnings = new TableSheet(workbook, styles, Messages.get("report.warnings.sheet"),
                    Messages.get("report.warnings.title", asOfText), warningColumns(), null);
            TableSheet closed = new TableSheet(workbook, styles, Messages.get("report.closed.sheet"),
                    Messages.get("report.closed.title", monthText), closedColumns(), null);
            TableSheet missing = new TableSheet(workbook, styles, Messages.get("report.missing.sheet"),
                    Messages.get("report.missing.title", monthText), missingColumns(), null);
            TableSheet returned = new TableSheet(workbook, styles, Messages.get("report.findings.sheet"),
                    Messages.get("report.findings.title", monthText), findingColumns(), null);
            TableSheet details = new TableSheet(workbook, styles, Messages.get("report.details.sheet"),
                    Messages.get("report.details.title", monthText), detailColumns(), null);

            // one pass over the month's tasks fills the task sheets and gathers the figures; the due-soon list is
            // kept aside to be sorted by colour, then deadline
            int[] counters = new int[4];
            List<Warning> dueSoon = new ArrayList<>();
            boolean[] closedUnproven = new boolean[1];
            for (String department : departments) {
                this.rows.monthStates(department, month, task -> {
                    String category = (task.category() == null || task.category().isBlank())
                            ? Messages.get("report.uncategorised") : task.category();
                    figures.add(task, category);
                    boolean isOverdue = task.overdue(asOf);
                    details.row(Fill.NONE, String.valueOf(++counters[0]), task.taskCode(), task.department(),
                            category, task.problem(), task.measure(), task.leader(), task.owner(),
                            task.coDepartments(), ReportWording.deadline(task), ReportWording.status(task.status()),
                            Messages.get(isOverdue ? "report.yes" : "report.no"), task.progress(), task.evidence(),
                            task.remarks(), task.month().toString());
                    if (isOverdue) {
                        overdue.row(Fill.NONE, String.valueOf(++counters[1]), task.taskCode(), task.department(),
                                task.problem(), task.measure(), task.leader(), task.owner(), ReportWording.deadline(task),
                                ChronoUnit.DAYS.between(task.deadline(), asOf), ReportWording.status(task.status()),
                                task.progress());
                    }
                    warning(task, request).ifPresent(fill -> dueSoon.add(new Warning(fill, task.deadline(),
                            new Object[] { warningLabel(fill, request), task.taskCode(), task.department(),
                                    task.problem(), task.measure(), task.leader(), task.owner(), ReportWording.deadline(task),
                                    ChronoUnit.DAYS.between(asOf, task.deadline()), ReportWording.status(task.status()),
                                    task.progress() })));
                    if (task.closedIn(month)) {
                        String unproven = unproven(task);
                        closed.row((unproven != null) ? Fill.YELLOW : Fill.NONE, String.valueOf(++counters[3]),
                                task.taskCode(), task.department(), category, task.problem(), task.measure(),
                                task.leader(), task.owner(), ReportWording.deadline(task), task.progress(), task.evidence(),
                                unproven);
                        closedUnproven[0] |= unproven != null;
                    }
                });
            }
            writeWarnings(warnings, dueSoon, request);
            if (counters[1] == 0) {
                overdue.none();
            }
            if (counters[3] == 0) {
                closed.none();
            }
            else if (closedUnproven[0]) {
                closed.note(Messages.get("report.legend.closed-unproven"));
            }
            figures.settleSubmissions(MonthSubmissions.of(request.roster(), departments, submissions, findings,
                    request.month(), request.dueDay()));

            List<Map.Entry<String, Tally>> departmentRows = sortedDepartments(figures);
            writeFigures(byDepartment, departmentRows, figures, true);
            writeFigures(byCategory, new ArrayList<>(figures.categories.entrySet()), figures, false);
            writeMissing(missing, figures);
            writeFindings(returned, findings, submissions, request);
            int[] statusRows = writeOverview(overview, request, figures, submissions);

            List<TableSheet.StreamedMerges> merges = new ArrayList<>();
            for (TableSheet table : List.of(overview, byDepartment, byCategory, overdue, warnings, closed, missing,
                    returned, details)) {
                merges.addAll(table.finish());
            }
            ProgressCharts.add(workbook.getXSSFWorkbook(), overview.sheet().getSheetName(),
                    byDepartment.sheet().getSheetName(), departmentRows, figures.overall, statusRows);
            ReportFile.fixProperties(workbook.getXSSFWorkbook(), monthTitle, asOf);
            ReportFile.writeWorkbook(workbook, target, merges, asOf);
            return figures;
        }
        finally {
            workbook.close();
        }
    }

    /** A due-soon task's row, kept aside to be written in colour and deadline order. */
    private record Warning(Fill fill, LocalDate deadline, Object[] values) {
    }

    /** Red first, then yellow, then green, each by deadline; a legend for each colour used. */
    private static void writeWarnings(TableSheet table, List<Warning> dueSoon, ReportRequest request) {
        dueSoon.sort(Comparator.comparing(Warning::fill).thenComparing(Warning::deadline));
        int seq = 0;
        for (Warning warning : dueSoon) {
            Object[] values = new Object[warning.values().length + 1];
            values[0] = String.valueOf(++seq);
            System.arraycopy(warning.values(), 0, values, 1, warning.values().length);
            table.row(warning.fill(), values);
        }
        if (dueSoon.isEmpty()) {
            table.none();
            return;
        }
        List<String> legend = new ArrayList<>();
        dueSoon.stream().map(Warning::fill).distinct().forEach(fill -> legend.add(warningLabel(fill, request)));
        table.note(Messages.get("report.legend.warnings", String.join("；", legend)));
    }

    /** Why a task closed this month deserves a second look: no evidence, no progress, or both; null when proven. */
    private static String unproven(TaskState task) {
        boolean noEvidence = task.evidence() == null || task.evidence().isBlank();
        boolean noProgress = task.progress() == null || task.progress().isBlank();
        if (noEvidence && noProgress) {
            return Messages.get("report.closed.no-evidence-no-progress");
        }
        if (noEvidence) {
            return Messages.get("report.closed.no-evidence");
        }
        return noProgress ? Messages.get("report.closed.no-progress") : null;
    }

    /** Red when overdue, yellow when due within yellowDays, green within greenDays; nothing for the rest. */
    static Optional<Fill> warning(TaskState task, ReportRequest request) {
        if (!task.open() || task.deadline() == null) {
            return Optional.empty();
        }
        long daysLeft = ChronoUnit.DAYS.between(request.asOf(), task.deadline());
        if (daysLeft < 0) {
            return Optional.of(Fill.RED);
        }
        if (daysLeft <= request.yellowDays()) {
            return Optional.of(Fill.YELLOW);
        }
        if (daysLeft <= request.greenDays()) {
            return Optional.of(Fill.GREEN);
        }
        return Optional.empty();
    }

    static String warningLabel(Fill fill, ReportRequest request) {
        return switch (fill) {
            case RED -> Messages.get("report.warning.red");
            case YELLOW -> Messages.get("report.warning.yellow", String.valueOf(request.yellowDays()));
            default -> Messages.get("report.warning.green", String.valueOf(request.greenDays()));
        };
    }

    /** Laggards first: departments with tasks by completion rate (lowest first), then most overdue. */
    private static List<Map.Entry<String, Tally>> sortedDepartments(MonthFigures figures) {
        List<String> order = new ArrayList<>(figures.departments.keySet());
        List<Map.Entry<String, Tally>> entries = new ArrayList<>(figures.departments.entrySet());
        entries.sort(Comparator.<Map.Entry<String, Tally>, Boolean>comparing(e -> e.getValue().tasks == 0)
                .thenComparingDouble(e -> e.getValue().rate())
                .thenComparing(e -> -e.getValue().overdue)
                .thenComparingInt(e -> order.indexOf(e.getKey())));
        return entries;
    }

    /** Writes one figures table and its total; returns the number of department or category rows. */
    private static int writeFigures(TableSheet table, List<Map.Entry<String, Tally>> entries, MonthFigures figures,
            boolean withSubmission) {
        for (Map.Entry<String, Tally> entry : entries) {
            Tally t = entry.getValue();
            String submission = withSubmission ? figures.submissions().of(entry.getKey()).state().label() : null;
            table.row(Fill.NONE, figureValues(entry.getKey(), t, submission));
        }
        Tally total = figures.overall;
        table.row(Fill.TOTAL, figureValues(Messages.get("report.total"), total, null));
        Sheet sheet = table.sheet();
        int first = TableSheet.FIRST_DATA_ROW;
        // departments without tasks (sorted last) have nothing to flag
        int last = first + (int) entries.stream().filter(e -> e.getValue().tasks > 0).count() - 1;
        if (last >= first) {
            SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
            ConditionalFormattingRule lowRate = formatting.createConditionalFormattingRule(ComparisonOperator.LT,
                    "0." + RATE_WARNING_BELOW_PERCENT);
            lowRate.createPatternFormatting().setFillBackgroundColor(IndexedColors.ROSE.getIndex());
            lowRate.createFontFormatting().setFontColorIndex(IndexedColors.DARK_RED.getIndex());
            formatting.addConditionalFormatting(
                    new CellRangeAddress[] { new CellRangeAddress(first, last, FigureColumn.RATE, FigureColumn.RATE) },
                    lowRate);
            ConditionalFormattingRule anyOverdue = formatting.createConditionalFormattingRule(ComparisonOperator.GT,
                    "0");
            anyOverdue.createPatternFormatting().setFillBackgroundColor(IndexedColors.ROSE.getIndex());
            anyOverdue.createFontFormatting().setFontColorIndex(IndexedColors.DARK_RED.getIndex());
            formatting.addConditionalFormatting(new CellRangeAddress[] {
                    new CellRangeAddress(first, last, FigureColumn.OVERDUE, FigureColumn.OVERDUE) }, anyOverdue);
            table.note(Messages.get("report.legend.figures", String.valueOf(RATE_WARNING_BELOW_PERCENT)));
        }
        return entries.size();
    }

    private static Object[] figureValues(String name, Tally t, String submission) {
        Double change = t.rateChange();
        return new Object[] { name, t.problems, t.tasks, t.completed, t.inProgress, t.notStarted, t.ongoing,
                t.overdue, new Percent(t.rate()), (change != null) ? new PercentChange(change) : null, t.closed,
                t.newlyOverdue, submission };
    }

    /** Column positions of the figures tables, which the charts and conditional formats refer to. */
    static final class FigureColumn {

        static final int NAME = 0;

        static final int COMPLETED = 3;

        static final int ONGOING = 6;

        static final int OVERDUE = 7;

        static final int RATE = 8;

        private FigureColumn() {
        }

    }

    private static List<Column> figureColumns(String nameKey, boolean withSubmission) {
        List<Column> columns = new ArrayList<>(List.of(new Column(Messages.get(nameKey), Kind.TEXT, 26),
                new Column(Messages.get("report.col.problems"), Kind.INTEGER, 8),
                new Column(Messages.get("report.col.tasks"), Kind.INTEGER, 8),
                new Column(Messages.get("report.col.completed"), Kind.INTEGER, 8),
                new Column(Messages.get("report.col.in-progress"), Kind.INTEGER, 8),
                new Column(Messages.get("report.col.not-started"), Kind.INTEGER, 8),
                new Column(Messages.get("report.col.ongoing"), Kind.INTEGER, 8),
                new Column(Messages.get("report.col.overdue-count"), Kind.INTEGER, 8),
                new Column(Messages.get("report.col.rate"), Kind.PERCENT, 8),
                new Column(Messages.get("report.col.rate-change"), Kind.DECIMAL, 10),
                new Column(Messages.get("report.col.closed"), Kind.INTEGER, 8),
                new Column(Messages.get("report.col.newly-overdue"), Kind.INTEGER, 8)));
        if (withSubmission) {
            columns.add(new Column(Messages.get("report.col.submission"), Kind.CENTER, 14));
        }
        return columns;
    }

    /**
     * Expected departments with nothing accepted this month, each with its reason (returned: why; or nothing
     * received), and what they sent last (any month).
     */
    private void writeMissing(TableSheet table, MonthFigures figures) {
        int seq = 0;
        for (MonthSubmissions.Standing standing : figures.submissions().notSubmitted()) {
            String department = standing.department();
            Optional<Submission> last = this.rows.lastSubmission(department);
            Tally tally = figures.departments.get(department);
            table.row(Fill.NONE, String.valueOf(++seq), department, (tally != null) ? tally.tasks : 0,
                    standing.state().label(), standing.reason(),
                    last.map((s) -> s.month().toString()).orElse(null),
                    last.map(Submission::fileName).orElse(Messages.get("report.submission.never")),
                    last.map(s -> ReportWording.outcome(s.outcome())).orElse(null),
                    last.map(s -> (s.arrived() != null) ? s.arrived().withNano(0).toString().replace('T', ' ')
                            : null).orElse(null));
        }
        if (seq == 0) {
            table.none();
        }
    }

    /**
     * The findings of the files that stand (accepted or returned), with the rules' Chinese names; a file a later one
     * superseded is one line saying so, since its findings no longer matter.
     */
    private static void writeFindings(TableSheet table, List<LedgerRows.FindingRow> findings,
            List<Submission> submissions, ReportRequest request) {
        List<LedgerRows.FindingRow> shown = new ArrayList<>();
        findings.stream().filter(f -> f.outcome() != Outcome.SUPERSEDED).forEach(shown::add);
        for (Submission submission : submissions) {
            if (submission.outcome() == Outcome.SUPERSEDED) {
                String by = submissions.stream()
                    .filter(s -> s.outcome() == Outcome.ACCEPTED
                            && java.util.Objects.equals(submission.department(), s.department()))
                    .map(Submission::fileName)
                    .reduce((first, second) -> second)
                    .orElse("");
                shown.add(new LedgerRows.FindingRow(-1, submission.department(), submission.fileName(), null, null,
                        null, null, RuleCode.SUPERSEDED, Severity.NOTICE, null,
                        Messages.get("report.findings.superseded", by), Outcome.SUPERSEDED, submission.id()));
            }
        }
        int seq = 0;
        for (LedgerRows.FindingRow finding : sortFindings(shown, request)) {
            table.row(Fill.NONE, String.valueOf(++seq), ReportWording.department(finding.department()), finding.fileName(),
                    ReportWording.outcome(finding.outcome()), finding.sheet(), finding.row(), finding.column(),
                    ReportWording.rule(finding.rule()), ReportWording.severity(finding.severity()), finding.message(),
                    finding.value());
        }
        if (seq == 0) {
            table.none();
        }
    }

    /** Findings by department in roster order (unknown departments last), then file, sheet, row and column. */
    static List<LedgerRows.FindingRow> sortFindings(List<LedgerRows.FindingRow> findings, ReportRequest request) {
        List<String> roster = request.roster().names();
        List<LedgerRows.FindingRow> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.<LedgerRows.FindingRow>comparingInt(f -> {
            int index = (f.department() != null) ? roster.indexOf(f.department()) : -1;
            return (index >= 0) ? index : Integer.MAX_VALUE;
        }));
        return sorted;
    }

    private static int[] writeOverview(TableSheet table, ReportRequest request, MonthFigures figures,
            List<Submission> submissions) {
        Tally t = figures.overall;
        MonthSubmissions buckets = figures.submissions();
        table.row(Fill.NONE, label("campaign"), request.campaign());
        table.row(Fill.NONE, label("month"), request.month().toString());
        table.row(Fill.NONE, label("as-of"), request.asOf());
        table.row(Fill.NONE, label("problems"), t.problems);
        table.row(Fill.NONE, label("tasks"), t.tasks);
        int firstStatus = table.row(Fill.NONE, label("completed"), t.completed);
        table.row(Fill.NONE, label("in-progress"), t.inProgress);
        table.row(Fill.NONE, label("not-started"), t.notStarted);
        int lastStatus = table.row(Fill.NONE, label("ongoing"), t.ongoing);
        table.row(Fill.NONE, label("overdue"), t.overdue);
        table.row(Fill.NONE, label("rate"), new Percent(t.rate()));
        table.row(Fill.NONE, label("closed"), t.closed);
        table.row(Fill.NONE, label("newly-overdue"), t.newlyOverdue);
        // 应报送 = 已采纳 + 已退回待重报 + 未报送, the same buckets as every other output
        table.row(Fill.NONE, label("expected"), buckets.expected());
        table.row(Fill.NONE, label("accepted"), buckets.accepted());
        table.row(Fill.NONE, label("on-time"), buckets.onTime());
        table.row(Fill.NONE, label("returned"), buckets.returned());
        table.row(Fill.NONE, label("missing"), buckets.missing());
        table.row(Fill.NONE, label("files"), submissions.size());
        // return notices and reminders cannot reach these: the office writes to them by hand
        List<String> withoutMail = request.roster().expected().stream().filter(d -> d.mails().isEmpty())
                .map(d -> d.name()).toList();
        table.row(Fill.NONE, label("no-mail"),
                withoutMail.isEmpty() ? label("no-mail.none") : String.join("、", withoutMail));
        return new int[] { firstStatus, lastStatus };
    }

    private static String label(String key) {
        return Messages.get("report.overview." + key);
    }

    private static List<Column> overdueColumns() {
        return List.of(Column.of("seq", Kind.CENTER, 6), Column.of("task-code", Kind.CENTER, 14), Column.of("department", Kind.CENTER, 14),
                Column.of("problem", Kind.TEXT, 30), Column.of("measure", Kind.TEXT, 30), Column.of("leader", Kind.CENTER, 10),
                Column.of("owner", Kind.CENTER, 10), Column.of("deadline", Kind.DATE, 12), Column.of("days-overdue", Kind.INTEGER, 8),
                Column.of("status", Kind.CENTER, 10), Column.of("latest-progress", Kind.TEXT, 30));
    }

    private static List<Column> warningColumns() {
        return List.of(Column.of("seq", Kind.CENTER, 6), Column.of("warning", Kind.CENTER, 16), Column.of("task-code", Kind.CENTER, 14),
                Column.of("department", Kind.CENTER, 14), Column.of("problem", Kind.TEXT, 28), Column.of("measure", Kind.TEXT, 28),
                Column.of("leader", Kind.CENTER, 10), Column.of("owner", Kind.CENTER, 10), Column.of("deadline", Kind.DATE, 12),
                Column.of("days-left", Kind.INTEGER, 8), Column.of("status", Kind.CENTER, 10),
                Column.of("latest-progress", Kind.TEXT, 28));
    }

    private static List<Column> closedColumns() {
        return List.of(Column.of("seq", Kind.CENTER, 6), Column.of("task-code", Kind.CENTER, 14), Column.of("department", Kind.CENTER, 14),
                Column.of("category", Kind.CENTER, 12), Column.of("problem", Kind.TEXT, 28), Column.of("measure", Kind.TEXT, 28),
                Column.of("leader", Kind.CENTER, 10), Column.of("owner", Kind.CENTER, 10), Column.of("deadline", Kind.DATE, 12),
                Column.of("progress", Kind.TEXT, 28), Column.of("evidence", Kind.TEXT, 24),
                Column.of("closed-check", Kind.CENTER, 12));
    }

    private static List<Column> missingColumns() {
        return List.of(Column.of("seq", Kind.CENTER, 6), Column.of("department", Kind.TEXT, 20), Column.of("tasks", Kind.INTEGER, 8),
                Column.of("this-month", Kind.CENTER, 14), Column.of("reason", Kind.TEXT, 40),
                Column.of("last-submission-month", Kind.CENTER, 10),
                Column.of("last-submission-file", Kind.TEXT, 36), Column.of("last-submission-outcome", Kind.CENTER, 10),
                Column.of("last-submission-received", Kind.CENTER, 18));
    }

    private static List<Column> findingColumns() {
        return List.of(Column.of("seq", Kind.CENTER, 6), Column.of("department", Kind.TEXT, 14), Column.of("file", Kind.TEXT, 28),
                Column.of("outcome", Kind.CENTER, 10), Column.of("sheet", Kind.TEXT, 12), Column.of("row", Kind.INTEGER, 6),
                Column.of("column", Kind.CENTER, 10), Column.of("rule", Kind.CENTER, 14), Column.of("severity", Kind.CENTER, 6),
                Column.of("message", Kind.TEXT, 36), Column.of("value", Kind.TEXT, 20));
    }

    private static List<Column> detailColumns() {
        return List.of(Column.of("seq", Kind.CENTER, 7), Column.of("task-code", Kind.CENTER, 14), Column.of("department", Kind.CENTER, 14),
                Column.of("category", Kind.CENTER, 12), Column.of("problem", Kind.TEXT, 30), Column.of("measure", Kind.TEXT, 30),
                Column.of("leader", Kind.CENTER, 10), Column.of("owner", Kind.CENTER, 10), Column.of("co-departments", Kind.TEXT, 12),
                Column.of("deadline", Kind.DATE, 12), Column.of("status", Kind.CENTER, 10), Column.of("overdue", Kind.CENTER, 8),
                Column.of("progress", Kind.TEXT, 30), Column.of("evidence", Kind.TEXT, 20), Column.of("remarks", Kind.TEXT, 12),
                Column.of("state-month", Kind.CENTER, 10));
    }

}
