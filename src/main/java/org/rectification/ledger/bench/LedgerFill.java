package org.rectification.ledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.report.MonthBoard;
import org.rectification.ledger.report.MonthlyReports;
import org.rectification.ledger.report.ReportRequest;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.office.LedgerContext;
import org.rectification.ledger.office.RosterLoader;
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

    private static final String[] STATUSES = { "COMPLETED", "IN_PROGRESS", "NOT_STARTED", "ONGOING" };

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
            Random random = new Random(7);
            Timestamp received = Timestamp.valueOf(LocalDateTime.of(2026, 11, 5, 9, 30));
            List<Object[]> submissions = new ArrayList<>();
            for (int d = 1; d <= departments; d++) {
                submissions.add(new Object[] { d, String.format("%064d", d), department(d) + ".xlsx", "inbox/x.xlsx",
                        10_000L, received, MONTH, department(d), "ACCEPTED", received, received });
            }
            jdbc.batchUpdate("insert into submission (id, sha256, file_name, inbox_path, file_size, file_modified, "
                    + "report_month, department, outcome, received_at, checked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    submissions);
            List<Object[]> taskRows = new ArrayList<>(BATCH);
            List<Object[]> monthRows = new ArrayList<>(BATCH);
            int perDepartment = Math.max(1, tasks / departments);
            for (int t = 1; t <= tasks; t++) {
                int d = Math.min(departments, 1 + (t - 1) / perDepartment);
                int inDepartment = t - (d - 1) * perDepartment;
                String problem = "问题" + (1 + inDepartment / 3) + "：民生资金监管不严，发放审核把关不细";
                String measure = "措施" + inDepartment + "：开展专项检查，建立问题台账";
                String status = STATUSES[random.nextInt(STATUSES.length)];
                LocalDate deadline = LocalDate.of(2026, 10, 1).plusDays(random.nextInt(120));
                String owner = "张" + (char) ('伟' + random.nextInt(20));
                taskRows.add(new Object[] { t, String.format("k%063d", t), department(d), problem, measure, "李明",
                        owner, Date.valueOf(deadline), deadline.toString(), "DATE", status, "已按计划推进，完成阶段性任务",
                        "工作台账", MONTH, MONTH, "COMPLETED".equals(status) ? MONTH : null, d, "整改任务分解表",
                        inDepartment + 3 });
                monthRows.add(new Object[] { t, MONTH, d, department(d), problem, measure, "李明", owner,
                        Date.valueOf(deadline), deadline.toString(), "DATE", status, "已按计划推进，完成阶段性任务", "工作台账",
                        "整改任务分解表", inDepartment + 3 });
                if (taskRows.size() == BATCH || t == tasks) {
                    jdbc.batchUpdate("insert into task (id, task_key, department, problem, measure, leader, owner, "
                            + "deadline, deadline_text, deadline_kind, status, progress, evidence, first_month, "
                            + "last_month, completed_month, submission_id, source_sheet, source_row) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", taskRows);
                    jdbc.batchUpdate("insert into task_month (task_id, report_month, submission_id, department, problem, "
                            + "measure, leader, owner, deadline, deadline_text, deadline_kind, status, progress, "
                            + "evidence, source_sheet, source_row) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            monthRows);
                    taskRows.clear();
                    monthRows.clear();
                }
            }
            return jdbc.queryForObject("select count(*) from task", Long.class);
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
            return jdbc.queryForObject("select count(*) from task", Long.class);
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
            return new Board(jdbc.queryForObject("select count(*) from task", Long.class), first, warm);
        }
    }

}
