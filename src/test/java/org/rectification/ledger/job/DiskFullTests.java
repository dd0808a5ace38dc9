package org.rectification.ledger.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.cli.LedgerCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full disk under work/ (the embedded ledger and the log): a real run on a small tmpfs that fills up says so in
 * one line and exits 1, and after room is made the same command ends exactly as an uninterrupted run. Mounting
 * needs root; skipped, with the reason, where {@code mount -t tmpfs} is not allowed.
 */
@Tag("process")
class DiskFullTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    /** Room left on the disk when November starts: enough to begin, not enough to finish. */
    private static final long ROOM_KIB = 300;

    @TempDir
    Path temp;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (this.mounted != null) {
            new ProcessBuilder("umount", this.mounted.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunThatFillsTheDiskSaysWhichFolderAndARerunAfterMakingRoomEndsLikeAnUninterruptedRun() throws Exception {
        LedgerWorkspace plain = LedgerWorkspace.h2(Files.createDirectories(this.temp.resolve("uninterrupted")));
        plain.drop(OCTOBER);
        assertThat(run(plain, "october", OCTOBER).process.exitValue()).isZero();
        plain.drop(NOVEMBER);
        assertThat(run(plain, "november", NOVEMBER).process.exitValue()).isZero();
        LedgerSnapshot uninterrupted = LedgerSnapshot.of(plain);

        LedgerWorkspace workspace = LedgerWorkspace.h2(Files.createDirectories(this.temp.resolve("full")));
        Path work = Files.createDirectories(workspace.root.resolve("work"));
        mountSmallDisk(work);
        workspace.drop(OCTOBER);
        assertThat(run(workspace, "october", OCTOBER).process.exitValue()).isZero();
        workspace.drop(NOVEMBER);
        Path filler = work.resolve("filler");
        long free = Files.getFileStore(work).getUsableSpace();
        Files.write(filler, new byte[(int) (free - ROOM_KIB * 1024)]);

        LedgerProcess full = run(workspace, "full", NOVEMBER);
        assertThat(full.process.exitValue()).as(full.errors()).isEqualTo(LedgerCommand.FAILED);
        assertThat(full.errors().lines().toList()).as("one line, no logging errors")
            .singleElement()
            .satisfies((line) -> assertThat(line).startsWith("错误：磁盘已满：" + work.toAbsolutePath())
                .doesNotContain("Exception"));

        Files.delete(filler);
        LedgerProcess rerun = run(workspace, "rerun", NOVEMBER);
        assertThat(rerun.process.exitValue()).as("the same command after room was made: " + rerun.errors())
            .isZero();
        LedgerSnapshot afterFull = LedgerSnapshot.of(workspace);
        assertThat(afterFull.tasks()).containsExactlyElementsOf(uninterrupted.tasks());
        assertThat(afterFull.history()).containsExactlyElementsOf(uninterrupted.history());
        assertThat(afterFull.submissions()).containsExactlyElementsOf(uninterrupted.submissions());
        assertThat(afterFull.findings()).containsExactlyElementsOf(uninterrupted.findings());
        assertThat(afterFull.files()).containsExactlyElementsOf(uninterrupted.files());
        assertThat(afterFull.summary()).isEqualTo(uninterrupted.summary());
        assertThat(afterFull.noticeSheets()).containsExactlyElementsOf(uninterrupted.noticeSheets());
    }

    private void mountSmallDisk(Path folder) throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", folder.toString())
            .redirectErrorStream(true)
            .start();
        boolean done = mount.waitFor(30, TimeUnit.SECONDS);
        String said = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(done && mount.exitValue() == 0,
                "Skipped: cannot mount a small tmpfs here (needs root): " + said);
        this.mounted = folder;
    }

    /** A run whose output goes beside the workspace: on the full disk its one line would be lost. */
    private LedgerProcess run(LedgerWorkspace workspace, String name, YearMonth month) throws Exception {
        LedgerProcess process = LedgerProcess.start(workspace, this.temp.resolve("output-" + name), name, List.of(),
                workspace.runArguments(month));
        if (!process.process.waitFor(3, TimeUnit.MINUTES)) {
            process.process.destroyForcibly();
            throw new AssertionError(name + " did not finish in 3 minutes");
        }
        return process;
    }

}
