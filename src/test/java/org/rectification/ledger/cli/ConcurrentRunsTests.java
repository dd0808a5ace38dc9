package org.rectification.ledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.job.LedgerProcess;
import org.rectification.ledger.job.LedgerWorkspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One run at a time, whatever the database: three real {@code run} processes started together on one workspace;
 * one runs, every other exits 3 naming it. On H2 the database file itself is the first lock the others meet.
 */
@Tag("process")
class ConcurrentRunsTests {

    private static final String[] NOVEMBER = { "--month", "2026-11", "--as-of", "2026-11-30" };

    @TempDir
    Path temp;

    private final List<LedgerProcess> started = new ArrayList<>();

    private LedgerWorkspace postgres;

    @AfterEach
    void cleanUp() throws Exception {
        for (LedgerProcess process : this.started) {
            process.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (this.postgres != null) {
            this.postgres.dropPostgresSchema();
        }
    }

    @Test
    void ofThreeRunsStartedTogetherOnOneH2WorkspaceOneRunsAndTheOthersExitThreeNamingIt() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp);
        threeAtOnce(workspace);
    }

    @Test
    void ofThreeRunsStartedTogetherOnOnePostgresqlLedgerOneRunsAndTheOthersExitThreeNamingIt() throws Exception {
        this.postgres = LedgerWorkspace.postgresOrSkip(this.temp);
        threeAtOnce(this.postgres);
    }

    @Test
    void anEmbeddedLedgerAnotherProcessHasOpenIsRefusedWithThreeNamingTheDatabase() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp);
        Path database = Files.createDirectories(workspace.root.resolve("work")).resolve("ledger");
        // this JVM opens the ledger alone (no AUTO_SERVER), as a database tool left open would
        try (Connection holder = DriverManager.getConnection("jdbc:h2:file:" + database.toAbsolutePath(), "sa", "")) {
            LedgerProcess run = LedgerProcess.start(workspace, "run",
                    List.of("-Dspring.datasource.hikari.initialization-fail-timeout=1500"), arguments(workspace));
            this.started.add(run);
            assertThat(run.process.waitFor(2, TimeUnit.MINUTES)).isTrue();

            assertThat(run.process.exitValue()).as(run.errors()).isEqualTo(LedgerCommand.LOCKED);
            assertThat(run.errors().lines().toList()).singleElement()
                .satisfies((line) -> assertThat(line)
                    .startsWith("错误：台账数据库 " + database.toAbsolutePath() + ".mv.db 正被另一个进程打开（")
                    .endsWith("），本次未启动"));
        }
    }

    private void threeAtOnce(LedgerWorkspace workspace) throws Exception {
        // enough files that the first run is still going when the others ask
        workspace.dropCopies(150);
        for (int i = 1; i <= 3; i++) {
            this.started.add(LedgerProcess.start(workspace, "run" + i, arguments(workspace)));
        }
        for (LedgerProcess process : this.started) {
            assertThat(process.process.waitFor(5, TimeUnit.MINUTES)).as("run finished").isTrue();
        }

        List<LedgerProcess> ran = this.started.stream().filter((p) -> p.process.exitValue() == 0).toList();
        List<LedgerProcess> refused = this.started.stream()
            .filter((p) -> p.process.exitValue() == LedgerCommand.LOCKED)
            .toList();
        StringBuilder said = new StringBuilder();
        for (LedgerProcess process : this.started) {
            said.append(process.process.exitValue()).append(": ").append(process.errors()).append('\n');
        }
        assertThat(ran).as(said.toString()).hasSize(1);
        assertThat(refused).as(said.toString()).hasSize(2);
        for (LedgerProcess loser : refused) {
            assertThat(loser.errors().lines().toList()).as(said.toString())
                .singleElement()
                .satisfies((line) -> assertThat(line)
                    .startsWith("错误：另一个运行正在使用台账（")
                    .contains("/" + ran.get(0).process.pid() + "，自 ")
                    .endsWith("），本次未启动"));
        }
    }

    private static String[] arguments(LedgerWorkspace workspace) {
        List<String> arguments = new ArrayList<>(List.of("run", "--job", workspace.jobFile.toString()));
        arguments.addAll(List.of(NOVEMBER));
        return arguments.toArray(String[]::new);
    }

}
