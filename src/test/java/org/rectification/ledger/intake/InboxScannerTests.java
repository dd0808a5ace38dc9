package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InboxScannerTests {

    @TempDir
    Path inbox;

    private final Instant now = Instant.parse("2026-11-27T02:00:00Z");

    private Path file(String name, Instant modified) throws IOException {
        // the inode change time of every file here is now; only the modification time is set
        Path file = this.inbox.resolve(name);
        Files.writeString(file, name);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void takesSpreadsheetsInArrivalOrderAndSkipsLockTemporaryAndOtherFiles() throws IOException {
        Arrivals watcher = new Arrivals();
        // arrival is when the watcher saw each file appear, whatever their modification times say
        watcher.appeared(file("民政局.XLS", this.now.minusSeconds(600)), this.now.minusSeconds(3600));
        watcher.appeared(file("财政局.xlsm", this.now.minusSeconds(3600)), this.now.minusSeconds(1200));
        watcher.appeared(file("教育局.xlsx", this.now.minusSeconds(1200)), this.now.minusSeconds(600));
        file("~$教育局.xlsx", this.now.minusSeconds(600));
        file(".hidden.xlsx", this.now.minusSeconds(600));
        file("下载中.xlsx.crdownload", this.now.minusSeconds(600));
        file("说明.pdf", this.now.minusSeconds(600));
        InboxScanner.Scan scan = new InboxScanner(Duration.ofSeconds(5), watcher).scan(this.inbox, this.now);
        assertThat(scan.ready()).extracting((f) -> f.path().getFileName().toString())
            .containsExactly("民政局.XLS", "财政局.xlsm", "教育局.xlsx");
        assertThat(scan.ignored()).hasSize(4);
    }

    @Test
    void aCopyKeepingAnOldModificationTimeArrivesWhenItAppeared() throws IOException {
        Instant before = Instant.now().minusSeconds(2);
        // as cp --preserve=timestamps leaves it: the department's own time of last month
        file("民政局.xlsx", Instant.parse("2026-10-03T08:00:00Z"));
        InboxScanner.Scan scan = new InboxScanner(Duration.ZERO).scan(this.inbox, Instant.now().plusSeconds(1));
        assertThat(scan.ready()).hasSize(1);
        assertThat(scan.ready().get(0).modified()).isEqualTo(Instant.parse("2026-10-03T08:00:00Z"));
        assertThat(scan.ready().get(0).arrived()).isAfter(before);
    }

    @Test
    void aFutureModificationTimeNeitherBackdatesNorHoldsTheFile() throws IOException {
        Instant before = Instant.now().minusSeconds(2);
        // touch -d "next year": neither on time by it, nor "still being written" for ever
        file("民政局.xlsx", Instant.now().plus(Duration.ofDays(365)));
        InboxScanner.Scan scan = new InboxScanner(Duration.ofSeconds(5)).scan(this.inbox,
                Instant.now().plusSeconds(60));
        assertThat(scan.settling()).isEmpty();
        assertThat(scan.ready()).hasSize(1);
        assertThat(scan.ready().get(0).arrived()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void leavesAFileStillBeingWrittenForTheNextRun() throws IOException {
        file("民政局.xlsx", this.now.minusSeconds(2));
        InboxScanner.Scan scan = new InboxScanner(Duration.ofSeconds(5)).scan(this.inbox, this.now);
        assertThat(scan.ready()).isEmpty();
        assertThat(scan.settling()).hasSize(1);
    }

    @Test
    void aMissingInboxIsEmpty() throws IOException {
        InboxScanner.Scan scan = new InboxScanner(Duration.ZERO).scan(this.inbox.resolve("none"), this.now);
        assertThat(scan.ready()).isEmpty();
    }

}
