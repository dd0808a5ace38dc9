package org.rectification.ledger.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.cli.LedgerCommand;
import org.rectification.ledger.intake.CrashPoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real child JVM running the November consolidation at several points (as kill -9 would), reruns
 * it with the same parameters, and proves the ledger, the outputs and the folders end exactly as after an
 * uninterrupted run: no lost file, no task counted twice.
 */
@Tag("process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolidationCrashTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @TempDir
    static Path temp;

    private LedgerWorkspace october;

    private LedgerSnapshot uninterrupted;

    @BeforeAll
    void runWithoutInterruption() throws Exception {
        this.october = LedgerWorkspace.h2(newRoot("october"));
        this.october.drop(OCTOBER);
        assertThat(LedgerCommand.execute(this.october.runArguments(OCTOBER))).isZero();

        LedgerWorkspace workspace = this.october.copyTo(newRoot("uninterrupted"));
        workspace.drop(NOVEMBER);
        assertThat(LedgerCommand.execute(workspace.runArguments(NOVEMBER))).isZero();
        this.uninterrupted = LedgerSnapshot.of(workspace);
        assertThat(this.uninterrupted.tasks()).hasSize(58);
        assertThat(this.uninterrupted.noticeSheets()).as("notices with the department's own sheets")
            .anySatisfy((notice) -> assertThat(notice).contains("退回意见(", ","));
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = { "checkStep:2", "before:noticeStep", "noticeStep:2", "before:reportStep",
            "before:archiveStep",
            "archiveStep:moved-1", "archiveStep:moved-3", "before:deliveryStep" })
    void aRunKilledAndRerunEndsLikeAnUninterruptedRun(String crashPoint) throws Exception {
        LedgerWorkspace workspace = this.october.copyTo(newRoot(crashPoint.replace(':', '-')));
        workspace.drop(NOVEMBER);

        assertThat(runChild(workspace, crashPoint)).as("the run was killed at " + crashPoint).isEqualTo(137);
        // what a run killed while writing a workbook or a notice leaves beside it
        Files.createDirectories(workspace.out());
        Files.writeString(workspace.out().resolve(".整改总台账.xlsx8150.tmp"), "half a workbook");
        Files.createDirectories(workspace.root.resolve("rejected"));
        Files.writeString(workspace.root.resolve("rejected/.损坏文件-退回意见.xlsx-8151.tmp"), "half a notice");
        assertThat(runChild(workspace, null)).as("the rerun completes").isZero();

        LedgerSnapshot afterCrash = LedgerSnapshot.of(workspace);
        assertThat(afterCrash.tasks()).containsExactlyElementsOf(this.uninterrupted.tasks());
        assertThat(afterCrash.history()).containsExactlyElementsOf(this.uninterrupted.history());
        assertThat(afterCrash.submissions()).containsExactlyElementsOf(this.uninterrupted.submissions());
        assertThat(afterCrash.findings()).containsExactlyElementsOf(this.uninterrupted.findings());
        assertThat(afterCrash.files()).containsExactlyElementsOf(this.uninterrupted.files());
        assertThat(afterCrash.summary()).isEqualTo(this.uninterrupted.summary());
        assertThat(afterCrash.noticeSheets()).as("every notice keeps the department's marked sheets")
            .containsExactlyElementsOf(this.uninterrupted.noticeSheets());
    }

    private Path newRoot(String name) throws IOException {
        return java.nio.file.Files.createDirectories(temp.resolve(name));
    }

    private static int runChild(LedgerWorkspace workspace, String crashPoint) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-DLEDGER_LOG_DIR=" + workspace.root.resolve("work/logs"));
        if (crashPoint != null) {
            command.add("-D" + CrashPoint.PROPERTY + "=" + crashPoint);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RectificationLedgerApplication.class.getName());
        command.addAll(List.of(workspace.runArguments(NOVEMBER)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(workspace.root.resolve("work/child-" + System.nanoTime() + ".log").toFile())
            .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("child run did not finish in 3 minutes");
        }
        return process.exitValue();
    }


}
