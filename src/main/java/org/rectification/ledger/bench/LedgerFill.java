package org.rectification.ledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.rectification.ledger.report.MonthBoard;
import org.rectification.ledger.report.MonthlyReports;
import org.rectification.ledger.report.ReportRequest;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.office.LedgerContext;
import org.rectification.ledger.office.RosterLoader;
import org.rectification.ledger.sheet.Deadline;
import org.rectification.ledger.sheet.TaskStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A large ledger for the report-writing scenario: a job folder whose embedded database is filled by batch
 * insert with one accepted submission per department and its tasks (task and task_month rows for November
 * 2026, a realistic mix of statuses and deadlines), then the month's reports written from it.
 */
final class LedgerFill {

    static final String MONTH = "2026-11";

    private static final int BATCH = 2_000;

    private static final TaskStatus[] STATUSES = { TaskStatus.COMPLETED, TaskStatus.IN_PROGRESS, TaskStatus.NOT_STARTED,
            TaskStatus.ONGOING };

    private LedgerFill() {
    }

    /** Writes job.yml and roster.csv for {@code departments} departments into {@code folder}. */
    static Path writeJob(Path folder, int departments) throws IOException {
        Files.createDirectories(folder);
        StringBuilder roster = new StringBuilder("单位名称,别名\r\n");
        for (int d = 1; d <= departments; d++) {
            roster.append(department(d)).append("\r\n");
        }
        Files.writeString(folder.resolve("roster.csv"), roster, StandardCharsets.UTF_8);
        Path job = folder.resolve("job.yml");
        Files.writeString(job, """
                campaign:
                  name: 县委第三轮巡察
                  feedback-date: 2026-09-15
                roster: roster.csv
                folders: { inbox: inbox, archive: archive, rejected: rejected, out: out, work: work }
                database: { url: ~ }
                """, StandardCharsets.UTF_8);
        return job;
    }

    private static String department(int d) {
        return "县报表单位" + String.format("%04d", d);
    }

    /** Fills the job's ledger with {@code tasks} tasks spread evenly over {@code departments}; returns tasks. */
    static long fill(Path jobFile, int tasks, int departments) {
        JobFile job = JobFileParser.parse(jobFile);
        try (ConfigurableApplicationContext context = LedgerContext.open(RectificationLedgerApplication.class, job,
                RosterLoader.load(job.roster()), Map.of())) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            JdbcSubmissionDao submissionDao = new JdbcSubmissionDao(jdbc);
            JdbcLedgerDao ledger = new JdbcLedgerDao(jdbc);
            Random random = new Random(7);
            YearMonth month = YearMonth.parse(MONTH);
            Instant received = LocalDateTime.of(2026, 11, 5, 9, 30).atZone(ZoneId.systemDefault()).toInstant();
            List<JdbcSubmissionDao.Loaded> submissions = new ArrayList<>();
            for (int d = 1; d <= departments; d++) {
                submissions.add(new JdbcSubmissionDao.Loaded(d, String.format("%064d", d), department(d) + ".xlsx",
                        "inbox/x.xlsx", 10_000L, month, department(d), Outcome.ACCEPTED, received));
            }
            submissionDao.load(submissions);
            List<JdbcLedgerDao.LoadedTask> taskRows = new ArrayList<>(BATCH);
            int perDepartment = Math.max(1, tasks / departments);
            for (int t = 1; t <= tasks; t++) {
                int d = Math.min(departments, 1 + (t - 1) / perDepartment);
                int inDepartment = t - (d - 1) * perDepartment;
                String problem = "问题" + (1 + inDepartment / 3) + "：民生资金监管不严，发放审核把关不细";
                String measure = "措施" + inDepartment + "：开展专项检查，建立问题台账";
                TaskStatus status = STATUSES[random.nextInt(STATUSES.length)];
                LocalDate deadline = LocalDate.of(2026, 10, 1).plusDays(random.nextInt(120));
                String owner = "张" + (char) ('伟' + random.nextInt(20));
                taskRows.add(new JdbcLedgerDao.LoadedTask(t, String.format("k%063d", t), department(d), problem,
                        measure, "李明", owner, deadline, deadline.toString(), Deadline.Kind.DATE, status,
                        "已按计划推进，完成阶段性任务", "工作台账", month, d, "整改任务分解表", inDepartment + 3));
                if (taskRows.size() == BATCH || t == tasks) {
                    ledger.load(taskRows);
                    taskRows.clear();
                }
            }
            return ledger.taskCount();
        }
    }

    /** Writes the month's master ledger, progress workbook and summary.json; returns the tasks reported. */
    static long writeReports(Path jobFile, String month, String asOf) throws IOException {
        JobFile job = JobFileParser.parse(jobFile);
        try (ConfigurableApplicationContext context = LedgerContext.open(RectificationLedgerApplication.class, job,
                RosterLoader.load(job.roster()), Map.of())) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long started = System.nanoTime();
            JobFile.Reports settings = job.reports();
            new MonthlyReports(jdbc).write(new ReportRequest(job.campaign().name(), RosterLoader.load(job.roster()),
                    YearMonth.parse(month), LocalDate.parse(asOf), job.folders().out(), settings.dueDay(),
                    settings.greenDays(), settings.yellowDays()));
            System.out.println("BENCH-REPORTS write_ms=" + (System.nanoTime() - started) / 1_000_000);
            return new JdbcLedgerDao(jdbc).taskCount();
        }
    }

    /** @param warmNanos the slowest of the computations after the first */
    record Board(long tasks, long firstNanos, long warmNanos) {
    }

    /** Computes the web console's office board four times on a filled ledger; the first warms the JVM up. */
    static Board board(Path jobFile, String month, String asOf) throws IOException {
        JobFile job = JobFileParser.parse(jobFile);
        try (ConfigurableApplicationContext context = LedgerContext.open(RectificationLedgerApplication.class, job,
                RosterLoader.load(job.roster()), Map.of())) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            JobFile.Reports settings = job.reports();
            ReportRequest request = new ReportRequest(job.campaign().name(), RosterLoader.load(job.roster()),
                    YearMonth.parse(month), LocalDate.parse(asOf), job.folders().out(), settings.dueDay(),
                    settings.greenDays(), settings.yellowDays());
            MonthBoard board = new MonthBoard(jdbc);
            long first = 0;
            long warm = 0;
            for (int i = 0; i < 4; i++) {
                long started = System.nanoTime();
                MonthBoard.Office office = board.office(request);
                long took = System.nanoTime() - started;
                System.out.println("BENCH-BOARD run=" + i + " ms=" + took / 1_000_000 + " tasks="
                        + office.overview().totals().tasks() + " departments=" + office.departments().size());
                if (i == 0) {
                    first = took;
                }
                else {
                    warm = Math.max(warm, took);
                }
            }
            return new Board(new JdbcLedgerDao(jdbc).taskCount(), first, warm);
        }
    }

}
