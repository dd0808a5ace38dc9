package org.rectification.ledger.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rectification.ledger.report.OfficialDocument.Part;
import org.rectification.ledger.system.Messages;

/**
 * The rectification report (整改情况报告) for a month: a Word draft for the leading group, with the headings such
 * reports use (一、总体情况 二、整改进展 三、存在问题 四、下一步工作), every fact filled in from the ledger and the
 * narrative left as highlighted 【待填写：…】 placeholders. Its figures are the monthly progress workbook's: the same
 * pass over the month's task states into {@link MonthFigures}, the same submission states; last month's are
 * gathered the same way as of the last day of last month.
 */
final class RectificationReportWriter {

    private final LedgerRows rows;

    RectificationReportWriter(LedgerRows rows) {
        this.rows = rows;
    }

    /** The month's figures plus the overdue and closed tasks, in ledger order. */
    private record Month(MonthFigures figures, List<TaskState> overdue, List<TaskState> closed) {
    }

    void write(ReportRequest request, List<String> departments, Path target) throws IOException {
        YearMonth month = request.month();
        Month now = gather(request, departments, month, request.asOf());
        Month before = gather(request, departments, month.minusMonths(1), month.minusMonths(1).atEndOfMonth());
        String title = Messages.get("report.docx.title", request.campaign());
        OfficialDocument document = new OfficialDocument(title, request.asOf());
        try {
            document.title(title);
            document.centred(Messages.get("report.docx.period", String.valueOf(month.getYear()),
                    String.valueOf(month.getMonthValue()), chinese(request.asOf())));
            document.blank();
            document.flush(List.of(Part.placeholder(Messages.get("report.docx.addressee")), Part.fact("：")));
            document.paragraph(List.of(Part.fact(Messages.get("report.docx.intro", request.campaign(),
                    chinese(request.asOf())))));
            overall(document, request, now, before);
            progress(document, request, now);
            problems(document, request, now);
            nextSteps(document);
            document.blank();
            document.right(List.of(Part.placeholder(Messages.get("report.docx.signer"))));
            document.right(List.of(Part.placeholder(Messages.get("report.docx.date"))));
            ReportFile.writeAtomically(target, document::write);
        }
        finally {
            document.close();
        }
    }

    /** One pass over a month's task states, as the progress workbook makes it. */
    private Month gather(ReportRequest request, List<String> departments, YearMonth month, LocalDate asOf) {
        MonthFigures figures = new MonthFigures(departments, month, asOf, month.minusMonths(1).atEndOfMonth());
        List<TaskState> overdue = new ArrayList<>();
        List<TaskState> closed = new ArrayList<>();
        for (String department : departments) {
            this.rows.monthStates(department, month, (task) -> {
                figures.add(task, (task.category() == null || task.category().isBlank())
                        ? Messages.get("report.uncategorised") : task.category());
                if (task.overdue(asOf)) {
                    overdue.add(task);
                }
                if (task.closedIn(month)) {
                    closed.add(task);
                }
            });
        }
        figures.settleSubmissions(MonthSubmissions.of(request.roster(), departments, this.rows.submissions(month),
                this.rows.findings(month), month, request.dueDay()));
        return new Month(figures, overdue, closed);
    }

    // --- 一、总体情况

    private static void overall(OfficialDocument document, ReportRequest request, Month now, Month before) {
        document.heading(Messages.get("report.docx.h1"));
        Tally t = now.figures().overall;
        Tally p = before.figures().overall;
        boolean comparable = p.tasks > 0;
        document.paragraph(List.of(Part.fact(Messages.get("report.docx.overall", n(t.problems), n(t.tasks),
                chinese(request.asOf()), n(t.completed), percent(t.rate()),
                comparable ? pointsChange(t.rate() - p.rate()) : Messages.get("report.docx.no-comparison"),
                n(t.inProgress), n(t.notStarted), n(t.ongoing), n(t.overdue),
                comparable ? countChange(t.overdue - p.overdue) : Messages.get("report.docx.no-comparison"),
                n(t.closed)))));
        MonthFigures figures = now.figures();
        // the month's buckets as every other output has them: 应报送 = 已采纳 + 已退回待重报 + 未报送
        MonthSubmissions buckets = figures.submissions();
        document.paragraph(List.of(Part.fact(Messages.get("report.docx.submissions", n(buckets.expected()),
                n(buckets.accepted()), n(buckets.onTime()), n(buckets.returned()), n(buckets.missing())))));
        document.paragraph(List.of(Part.placeholder(Messages.get("report.docx.placeholder.overall"))));
        document.caption(Messages.get("report.docx.table.figures"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(compare("problems", t.problems, p.problems, comparable));
        rows.add(compare("tasks", t.tasks, p.tasks, comparable));
        rows.add(compare("completed", t.completed, p.completed, comparable));
        rows.add(compare("in-progress", t.inProgress, p.inProgress, comparable));
        rows.add(compare("not-started", t.notStarted, p.notStarted, comparable));
        rows.add(compare("ongoing", t.ongoing, p.ongoing, comparable));
        rows.add(compare("overdue", t.overdue, p.overdue, comparable));
        rows.add(List.of(Messages.get("report.overview.rate"), percent(t.rate()),
                comparable ? percent(p.rate()) : "—", comparable ? pointsChange(t.rate() - p.rate()) : "—"));
        rows.add(compare("closed", t.closed, p.closed, p.tasks > 0));
        document.table(List.of(Messages.get("report.docx.col.item"), Messages.get("report.docx.col.this-month"),
                Messages.get("report.docx.col.last-month"), Messages.get("report.docx.col.change")),
                new int[] { 3, 2, 2, 3 }, new boolean[] { false, true, true, true }, rows);
    }

    private static List<String> compare(String key, int now, int before, boolean comparable) {
        return List.of(Messages.get("report.overview." + key), String.valueOf(now),
                comparable ? String.valueOf(before) : "—", comparable ? countChange(now - before) : "—");
    }

    // --- 二、整改进展

    private static void progress(OfficialDocument document, ReportRequest request, Month now) {
        document.heading(Messages.get("report.docx.h2"));
        MonthFigures figures = now.figures();
        document.paragraph(List.of(Part.fact(Messages.get("report.docx.progress.intro"))));
        document.caption(Messages.get("report.docx.table.departments"));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Tally> entry : figures.departments.entrySet()) {
            Tally t = entry.getValue();
            rows.add(List.of(entry.getKey(), String.valueOf(t.tasks), String.valueOf(t.completed),
                    String.valueOf(t.inProgress), String.valueOf(t.notStarted), String.valueOf(t.ongoing),
                    String.valueOf(t.overdue), (t.tasks > 0) ? percent(t.rate()) : "—",
                    figures.submissions().of(entry.getKey()).state().label()));
        }
        Tally total = figures.overall;
        rows.add(List.of(Messages.get("report.total"), String.valueOf(total.tasks), String.valueOf(total.completed),
                String.valueOf(total.inProgress), String.valueOf(total.notStarted), String.valueOf(total.ongoing),
                String.valueOf(total.overdue), percent(total.rate()), ""));
        document.table(List.of(Messages.get("report.col.department"), Messages.get("report.col.tasks"),
                Messages.get("report.col.completed"), Messages.get("report.col.in-progress"),
                Messages.get("report.col.not-started"), Messages.get("report.col.ongoing"),
                Messages.get("report.col.overdue-count"), Messages.get("report.col.rate"),
                Messages.get("report.col.submission")), new int[] { 80, 43, 43, 53, 43, 53, 33, 43, 53 },
                new boolean[] { false, true, true, true, true, true, true, true, true }, rows);

        int index = 0;
        for (Map.Entry<String, Tally> entry : figures.departments.entrySet()) {
            Tally t = entry.getValue();
            if (t.tasks == 0) {
                continue;
            }
            document.subheading(Messages.get("report.docx.department.heading", ordinal(++index), entry.getKey()));
            document.paragraph(List.of(Part.fact(Messages.get("report.docx.department.facts", n(t.tasks),
                    n(t.completed), percent(t.rate()), n(t.inProgress), n(t.notStarted), n(t.ongoing), n(t.overdue),
                    n(t.closed),
                    figures.submissions().of(entry.getKey()).state().label())),
                    Part.placeholder(Messages.get("report.docx.placeholder.department", entry.getKey()))));
        }

        if (now.closed().isEmpty()) {
            document.paragraph(List.of(Part.fact(Messages.get("report.docx.closed.none"))));
        }
        else {
            document.paragraph(List.of(Part.fact(Messages.get("report.docx.closed", n(now.closed().size())))));
            document.caption(Messages.get("report.docx.table.closed"));
            List<List<String>> closed = new ArrayList<>();
            int seq = 0;
            for (TaskState task : now.closed()) {
                closed.add(List.of(String.valueOf(++seq), task.department(), text(task.taskCode()), text(task.measure()),
                        text(task.evidence())));
            }
            document.table(List.of(Messages.get("report.col.seq"), Messages.get("report.col.department"),
                    Messages.get("report.col.task-code"), Messages.get("report.col.measure"),
                    Messages.get("report.col.evidence")), new int[] { 32, 80, 53, 170, 107 },
                    new boolean[] { true, false, true, false, false }, closed);
        }
    }

    // --- 三、存在问题

    private void problems(OfficialDocument document, ReportRequest request, Month now) {
        document.heading(Messages.get("report.docx.h3"));
        if (now.overdue().isEmpty()) {
            document.paragraph(List.of(Part.fact(Messages.get("report.docx.overdue.none", chinese(request.asOf())))));
        }
        else {
            document.paragraph(List.of(Part.fact(Messages.get("report.docx.overdue", chinese(request.asOf()),
                    n(now.overdue().size())))));
            document.caption(Messages.get("report.docx.table.overdue"));
            List<List<String>> overdue = new ArrayList<>();
            int seq = 0;
            for (TaskState task : now.overdue()) {
                overdue.add(List.of(String.valueOf(++seq), task.department(), text(task.taskCode()),
                        text(task.measure()), text(task.leader()), chinese(task.deadline()),
                        String.valueOf(ChronoUnit.DAYS.between(task.deadline(), request.asOf()))));
            }
            document.table(List.of(Messages.get("report.col.seq"), Messages.get("report.col.department"),
                    Messages.get("report.col.task-code"), Messages.get("report.col.measure"),
                    Messages.get("report.col.leader"), Messages.get("report.col.deadline"),
                    Messages.get("report.col.days-overdue")), new int[] { 32, 64, 53, 102, 53, 85, 53 },
                    new boolean[] { true, false, true, false, true, true, true }, overdue);
        }
        MonthFigures figures = now.figures();
        List<MonthSubmissions.Standing> missing = figures.submissions().notSubmitted();
        if (missing.isEmpty()) {
            document.paragraph(List.of(Part.fact(Messages.get("report.docx.missing.none"))));
        }
        else {
            List<String> named = new ArrayList<>();
            for (MonthSubmissions.Standing standing : missing) {
                named.add(Messages.get("report.docx.missing.item", standing.department(), standing.state().label()));
            }
            document.paragraph(List.of(Part.fact(Messages.get("report.docx.missing", n(missing.size()),
                    String.join("、", named)))));
        }
        document.paragraph(List.of(Part.placeholder(Messages.get("report.docx.placeholder.problems"))));
    }

    // --- 四、下一步工作

    private static void nextSteps(OfficialDocument document) {
        document.heading(Messages.get("report.docx.h4"));
        document.paragraph(List.of(Part.placeholder(Messages.get("report.docx.placeholder.next-steps"))));
    }

    /** A count as text: MessageFormat would group thousands (1,234), which Chinese documents do not. */
    private static String n(long value) {
        return String.valueOf(value);
    }

    private static String text(String value) {
        return (value != null) ? value : "";
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** A change of a count, in words: 增加3项, 减少2项, 持平. */
    private static String countChange(int change) {
        if (change == 0) {
            return Messages.get("report.docx.change.same");
        }
        return Messages.get((change > 0) ? "report.docx.change.more" : "report.docx.change.fewer",
                String.valueOf(Math.abs(change)));
    }

    /** A change of a rate, in percentage points. */
    private static String pointsChange(double change) {
        double points = Math.round(change * 1000) / 10.0;
        if (points == 0) {
            return Messages.get("report.docx.change.same");
        }
        return Messages.get((points > 0) ? "report.docx.change.up" : "report.docx.change.down",
                String.format(Locale.ROOT, "%.1f", Math.abs(points)));
    }

    private static String chinese(LocalDate date) {
        if (date == null) {
            return "";
        }
        return Messages.get("report.docx.date-format", String.valueOf(date.getYear()),
                String.valueOf(date.getMonthValue()), String.valueOf(date.getDayOfMonth()));
    }

    private static final String[] NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

    /** 一 … 九十九, for the （一） headings. */
    static String ordinal(int n) {
        if (n <= 10) {
            return NUMERALS[n - 1];
        }
        int tens = n / 10;
        int units = n % 10;
        return ((tens > 1) ? NUMERALS[tens - 1] : "") + "十" + ((units > 0) ? NUMERALS[units - 1] : "");
    }

}
