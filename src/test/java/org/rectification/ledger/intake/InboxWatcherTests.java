package org.rectification.ledger.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InboxWatcherTests {

    @TempDir
    Path inbox;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        this.scheduler.shutdownNow();
    }

    @Test
    void aDepartmentCopyingThirtyFilesCausesOneRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (InboxWatcher watcher = new InboxWatcher(this.inbox, Duration.ofMillis(800), runs::incrementAndGet,
                this.scheduler)) {
            watcher.start();
            for (int i = 0; i < 30; i++) {
                Files.writeString(this.inbox.resolve("单位" + i + ".xlsx"), "x");
                Thread.sleep(20);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
            // still one run well after the quiet period
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);

            Files.writeString(this.inbox.resolve("迟到单位.xls"), "x");
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
        }
    }

    @Test
    void lockFilesAndOtherFilesDoNotTriggerARun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (InboxWatcher watcher = new InboxWatcher(this.inbox, Duration.ofMillis(300), runs::incrementAndGet,
                this.scheduler)) {
            watcher.start();
            Files.writeString(this.inbox.resolve("~$民政局.xlsx"), "x");
            Files.writeString(this.inbox.resolve("说明.pdf"), "x");
            // no run for several quiet periods
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 0);
        }
    }

    @Test
    void aSheetCopiedIntoASubfolderCausesARunButTheJobsOwnFoldersDoNot() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Path archive = Files.createDirectories(this.inbox.resolve("archive/2026-11"));
        Path department = Files.createDirectories(this.inbox.resolve("民政局"));
        try (InboxWatcher watcher = new InboxWatcher(this.inbox, Duration.ofMillis(300), runs::incrementAndGet,
                this.scheduler, List.of(this.inbox.resolve("archive")), new Arrivals())) {
            watcher.start();
            Files.writeString(archive.resolve("已归档.xlsx"), "x");
            // a file moved to the archive: no run for several quiet periods
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 0);

            Files.writeString(department.resolve("民政局-11月.xlsx"), "x");
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);

            Files.createDirectories(this.inbox.resolve("财政局/2026年11月"));
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
            Files.writeString(this.inbox.resolve("财政局/2026年11月/财政局-11月.xlsx"), "x");
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 3);
        }
    }

}
