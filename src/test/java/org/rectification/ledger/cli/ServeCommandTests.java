package org.rectification.ledger.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.job.LedgerProcess;
import org.rectification.ledger.job.LedgerWorkspace;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code serve} as it runs unattended: at start-up and on the job file's cron schedule, once per burst of new
 * inbox files, and stopped by SIGTERM after the running chunk, so the next run resumes where it stopped.
 */
@Tag("process")
class ServeCommandTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    /** A cron that does not fire during a test: at midnight on the first of January. */
    private static final String NEVER_DURING_THE_TEST = "0 0 0 1 1 *";

    @TempDir
    Path temp;

    private final List<LedgerProcess> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        this.children.forEach((child) -> child.process.destroyForcibly());
    }

    @Test
    void runsAtStartUpAndThenOnTheCronSchedule() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp)
            .withJobLines("schedule: { cron: \"*/2 * * * * *\", debounce-seconds: 1 }");

        int exitCode = LedgerCommand.execute("serve", "--job", workspace.jobFile.toString(), "--stop-after-runs", "2");

        assertThat(exitCode).isZero();
        JdbcTemplate jdbc = workspace.query();
        assertThat(jdbc.queryForObject("select count(*) from BATCH_JOB_EXECUTION where STATUS = 'COMPLETED'",
                Integer.class)).as("the start-up run and one scheduled run").isEqualTo(2);
    }

    @Test
    void aBurstOfNewFilesCausesOneRunAndSigtermEndsTheProcessWithZero() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp)
            .withJobLines("schedule: { cron: \"" + NEVER_DURING_THE_TEST + "\", debounce-seconds: 2 }");
        LedgerProcess serve = startServe(workspace);
        JdbcTemplate jdbc = workspace.query();
        await().atMost(Duration.ofSeconds(60)).until(() -> executions(jdbc, "COMPLETED") == 1);

        workspace.drop(OCTOBER);
        await().atMost(Duration.ofSeconds(60)).until(() -> workspace.spreadsheetsUnder("inbox").isEmpty());
        // the start-up run and one run for the whole burst, for longer than the debounce: a second run for the same
        // burst would have started by then
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> executions(jdbc, null) == 2);
        assertThat(executions(jdbc, "COMPLETED")).isEqualTo(2);
        assertThat(workspace.spreadsheetsUnder("archive")).hasSize(11 - workspace.spreadsheetsUnder("rejected").size());
        serve.process.destroy();
        assertThat(serve.process.waitFor(60, TimeUnit.SECONDS)).as("serve stops within 60 s of SIGTERM").isTrue();
        assertThat(serve.process.exitValue()).isZero();
        assertThat(serve.output()).containsOnlyOnce("开始运行：收件箱有新文件").contains("服务已停止");
    }

    @Test
    void sigtermStopsTheRunAfterItsChunkAndTheSameRunResumesLater() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp)
            .withJobLines("schedule: { cron: \"" + NEVER_DURING_THE_TEST + "\", debounce-seconds: 2 }");
        // enough files that the run is still going when SIGTERM arrives
        List<String> dropped = workspace.dropCopies(200);
        LedgerProcess serve = startServe(workspace);
        JdbcTemplate jdbc = workspace.query();
        await().atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> submissions(jdbc, "<> 'PENDING'") >= 2);

        serve.process.destroy();

        assertThat(serve.process.waitFor(60, TimeUnit.SECONDS)).as("serve stops within 60 s of SIGTERM").isTrue();
        assertThat(serve.process.exitValue()).isZero();
        Map<String, Object> stopped = jdbc.queryForMap("select JOB_EXECUTION_ID, JOB_INSTANCE_ID, STATUS from "
                + "BATCH_JOB_EXECUTION order by JOB_EXECUTION_ID desc limit 1");
        assertThat(stopped.get("STATUS")).as("the run's status; serve said:%n%s%n%s", serve.output(), serve.errors())
            .isEqualTo("STOPPED");
        assertThat(submissions(jdbc, "= 'PENDING'")).as("submissions left for the next run").isPositive();
        assertThat(allSpreadsheets(workspace)).as("no file lost").containsExactlyInAnyOrderElementsOf(dropped);

        long executionId = ((Number) stopped.get("JOB_EXECUTION_ID")).longValue();
        String month = parameter(jdbc, executionId, "month");
        String asOf = parameter(jdbc, executionId, "asOf");
        CommandOutput resume = CommandOutput.of("run", "--job", workspace.jobFile.toString(), "--month", month,
                "--as-of", asOf);

        assertThat(resume.exitCode()).isZero();
        assertThat(filesDecided(resume.text())).as("the report counts the whole run, not only the resumed part")
            .isEqualTo(dropped.size());
        List<Map<String, Object>> executions = jdbc.queryForList("select JOB_INSTANCE_ID, STATUS from "
                + "BATCH_JOB_EXECUTION where JOB_EXECUTION_ID > ? order by JOB_EXECUTION_ID", executionId);
        assertThat(executions).singleElement().satisfies((resumed) -> {
            assertThat(resumed.get("JOB_INSTANCE_ID")).as("the same run, restarted")
                .isEqualTo(stopped.get("JOB_INSTANCE_ID"));
            assertThat(resumed.get("STATUS")).isEqualTo("COMPLETED");
        });
        assertThat(submissions(jdbc, "= 'PENDING'")).as("every submission decided").isZero();
        assertThat(submissions(jdbc, "<> 'PENDING'")).isEqualTo(dropped.size());
        assertThat(workspace.spreadsheetsUnder("inbox")).isEmpty();
        assertThat(allSpreadsheets(workspace)).containsExactlyInAnyOrderElementsOf(dropped);
    }

    private LedgerProcess startServe(LedgerWorkspace workspace) throws Exception {
        LedgerProcess serve = LedgerProcess.start(workspace, "serve", "serve", "--job", workspace.jobFile.toString());
        this.children.add(serve);
        // the child opens the database first and serves it to us (H2 AUTO_SERVER)
        await().atMost(Duration.ofSeconds(60)).until(() -> serve.output().contains("服务已启动")
                || !serve.process.isAlive());
        assertThat(serve.process.isAlive()).as("serve started: " + serve.errors()).isTrue();
        return serve;
    }

    /** The sum of accepted, rejected, duplicate and superseded files in the run report. */
    private static int filesDecided(String report) {
        Matcher line = Pattern.compile("接收 (\\d+)，退回 (\\d+)，重复 (\\d+)，被替换 (\\d+)").matcher(report);
        assertThat(line.find()).as(report).isTrue();
        int sum = 0;
        for (int group = 1; group <= 4; group++) {
            sum += Integer.parseInt(line.group(group));
        }
        return sum;
    }

    private static int executions(JdbcTemplate jdbc, String status) {
        return (status != null)
                ? jdbc.queryForObject("select count(*) from BATCH_JOB_EXECUTION where STATUS = ?", Integer.class, status)
                : jdbc.queryForObject("select count(*) from BATCH_JOB_EXECUTION", Integer.class);
    }

    private static int submissions(JdbcTemplate jdbc, String outcomeCondition) {
        return jdbc.queryForObject("select count(*) from submission where outcome " + outcomeCondition, Integer.class);
    }

    private static String parameter(JdbcTemplate jdbc, long executionId, String name) {
        return jdbc.queryForObject("select PARAMETER_VALUE from BATCH_JOB_EXECUTION_PARAMS where JOB_EXECUTION_ID = ? "
                + "and PARAMETER_NAME = ?", String.class, executionId, name);
    }

    private static List<String> allSpreadsheets(LedgerWorkspace workspace) throws Exception {
        List<String> all = new ArrayList<>(workspace.spreadsheetsUnder("inbox"));
        all.addAll(workspace.spreadsheetsUnder("archive"));
        all.addAll(workspace.spreadsheetsUnder("rejected"));
        return all;
    }

}
