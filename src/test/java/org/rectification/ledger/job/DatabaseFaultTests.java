package org.rectification.ledger.job;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rectification.ledger.cli.LedgerCommand;
import org.rectification.ledger.intake.CrashPoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away under a real run on PostgreSQL (its sessions terminated, as a restart or a failover does):
 * the run says so in one line and exits 1, and the same command run again ends exactly as an uninterrupted run.
 * And a server that does not answer at start is named. Skipped, with the reason, when PostgreSQL does not answer
 * on 127.0.0.1:5432, unless REQUIRE_POSTGRES=true.
 */
@Tag("process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseFaultTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @TempDir
    static Path temp;

    private final List<LedgerWorkspace> workspaces = new ArrayList<>();

    private LedgerSnapshot uninterrupted;

    @BeforeAll
    void runWithoutInterruption() throws Exception {
        LedgerWorkspace workspace = postgresWorkspace("uninterrupted");
        if (workspace == null) {
            return;
        }
        workspace.drop(OCTOBER);
        assertThat(run(workspace, "october", List.of(), OCTOBER).process.exitValue()).isZero();
        workspace.drop(NOVEMBER);
        assertThat(run(workspace, "november", List.of(), NOVEMBER).process.exitValue()).isZero();
        this.uninterrupted = LedgerSnapshot.of(workspace);
        assertThat(this.uninterrupted.tasks()).hasSize(58);
    }

    @AfterAll
    void dropSchemas() {
        this.workspaces.forEach(LedgerWorkspace::dropPostgresSchema);
    }

    @ParameterizedTest(name = "sessions terminated at {0}")
    @ValueSource(strings = { "archiveStep:moved-1", "checkStep:2", "before:reportStep" })
    void aRunWhoseDatabaseSessionsAreTerminatedSaysSoAndAPlainRerunEndsLikeAnUninterruptedRun(String point)
            throws Exception {
        Assumptions.assumeTrue(this.uninterrupted != null, "Skipped: PostgreSQL not reachable");
        LedgerWorkspace workspace = postgresWorkspace(point.replace(':', '-'));
        workspace.drop(OCTOBER);
        assertThat(run(workspace, "october", List.of(), OCTOBER).process.exitValue()).isZero();
        workspace.drop(NOVEMBER);

        Path flag = workspace.root.resolve("paused");
        LedgerProcess faulted = LedgerProcess.start(workspace, "faulted",
                List.of("-D" + CrashPoint.PAUSE_PROPERTY + "=" + point + "=" + flag), workspace.runArguments(NOVEMBER));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(faulted.process.isAlive()).as("run still going: " + faulted.errors()).isTrue();
            return Files.exists(flag);
        });
        int terminated = terminateSessions(workspace);
        assertThat(terminated).as("the run's database sessions").isPositive();
        Files.delete(flag);
        assertThat(faulted.process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(faulted.process.exitValue()).as(faulted.errors()).isEqualTo(LedgerCommand.FAILED);
        assertThat(faulted.errors().lines().toList()).as("one line, no stack trace")
            .singleElement()
            .satisfies((line) -> assertThat(line).startsWith("错误：数据库连接中断").doesNotContain("Exception"));

        LedgerProcess rerun = run(workspace, "rerun", List.of(), NOVEMBER);
        assertThat(rerun.process.exitValue()).as("the same command again: " + rerun.errors()).isZero();
        LedgerSnapshot afterFault = LedgerSnapshot.of(workspace);
        assertThat(afterFault.tasks()).containsExactlyElementsOf(this.uninterrupted.tasks());
        assertThat(afterFault.history()).containsExactlyElementsOf(this.uninterrupted.history());
        assertThat(afterFault.submissions()).containsExactlyElementsOf(this.uninterrupted.submissions());
        assertThat(afterFault.findings()).containsExactlyElementsOf(this.uninterrupted.findings());
        assertThat(afterFault.files()).containsExactlyElementsOf(this.uninterrupted.files());
        assertThat(afterFault.summary()).isEqualTo(this.uninterrupted.summary());
    }

    @Test
    void aDatabaseServerThatDoesNotAnswerAtStartIsNamedInOneLine() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LedgerWorkspace workspace = LedgerWorkspace.h2(Files.createDirectories(temp.resolve("no-server")));
        String jobText = Files.readString(workspace.jobFile)
            .replace("database: { url: ~ }", "database: { url: \"jdbc:postgresql://127.0.0.1:" + port
                    + "/test\", user: postgres }");
        Files.writeString(workspace.jobFile, jobText);

        LedgerProcess process = run(workspace, "no-server", List.of(), NOVEMBER);

        assertThat(process.process.exitValue()).isEqualTo(LedgerCommand.FAILED);
        assertThat(process.errors().lines().toList()).singleElement()
            .isEqualTo("错误：无法连接数据库 127.0.0.1:" + port + "（连接被拒绝，数据库服务未启动或端口不对）");
    }

    private LedgerWorkspace postgresWorkspace(String name) throws IOException {
        LedgerWorkspace workspace = LedgerWorkspace.postgres(Files.createDirectories(temp.resolve(name)));
        if (workspace == null && LedgerWorkspace.postgresRequired()) {
            fail("REQUIRE_POSTGRES=true but PostgreSQL is not reachable at " + LedgerWorkspace.POSTGRES_URL);
        }
        if (workspace != null) {
            this.workspaces.add(workspace);
        }
        return workspace;
    }

    /** Ends every session of this workspace's run, as a database restart would (other schemas' runs untouched). */
    private static int terminateSessions(LedgerWorkspace workspace) {
        Integer count = workspace.query().queryForObject("select count(pg_terminate_backend(pid)) from "
                + "pg_stat_activity where application_name = ? and pid <> pg_backend_pid()", Integer.class,
                workspace.schema);
        return (count != null) ? count : 0;
    }

    private static LedgerProcess run(LedgerWorkspace workspace, String name, List<String> jvmOptions,
            YearMonth month) throws Exception {
        LedgerProcess process = LedgerProcess.start(workspace, name, jvmOptions, workspace.runArguments(month));
        if (!process.process.waitFor(3, TimeUnit.MINUTES)) {
            process.process.destroyForcibly();
            throw new AssertionError(name + " did not finish in 3 minutes");
        }
        return process;
    }

}
