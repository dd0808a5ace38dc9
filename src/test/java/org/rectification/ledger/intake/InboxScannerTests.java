package org.rectification.ledger.intake;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class InboxScannerTests {

    @TempDir
    Path inbox;

    private final Instant now = Instant.parse("2026-11-27T02:00:00Z");

    /** After every entry made in the test: links and special files carry the real clock's time. */
    private final Instant later = Instant.now().plusSeconds(60);

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
    void saysInChineseWhichFileIsStillBeingWritten() throws IOException {
        ch.qos.logback.classic.Logger scannerLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
            .getLogger(InboxScanner.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        scannerLog.addAppender(lines);
        try {
            file("民政局.xlsx", this.now.minusSeconds(2));
            new InboxScanner(Duration.ofSeconds(5)).scan(this.inbox, this.now);
        }
        finally {
            scannerLog.detachAppender(lines);
        }
        assertThat(lines.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
            .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
            .startsWith("民政局.xlsx 正在写入（修改于 ")
            .endsWith("），留待下次运行")
            .doesNotContain("still being written", "T", "Z");
    }

    @Test
    void readsSubfoldersAtAnyDepthButNotHiddenOnesOrTheJobsOwnFolders() throws IOException {
        Files.createDirectories(this.inbox.resolve("民政局/11月"));
        Files.createDirectories(this.inbox.resolve(".git"));
        Files.createDirectories(this.inbox.resolve("archive/2026-10"));
        file("民政局/民政局.xlsx", this.now.minusSeconds(600));
        file("民政局/11月/民政局-补报.xlsx", this.now.minusSeconds(500));
        file(".git/旧表.xlsx", this.now.minusSeconds(600));
        file("archive/2026-10/已归档.xlsx", this.now.minusSeconds(600));

        InboxScanner.Scan scan = new InboxScanner(Duration.ZERO, Long.MAX_VALUE, List.of(this.inbox.resolve("archive")), new Arrivals())
            .scan(this.inbox, this.now);

        assertThat(scan.ready()).extracting((f) -> this.inbox.relativize(f.path()).toString())
            .containsExactly("民政局/民政局.xlsx", "民政局/11月/民政局-补报.xlsx");
        assertThat(scan.setAside()).isEmpty();
    }

    @Test
    void setsADanglingLinkAsideAndGoesOn() throws IOException {
        file("民政局.xlsx", this.now.minusSeconds(600));
        Files.createSymbolicLink(this.inbox.resolve("失效.xlsx"), this.inbox.resolve("已删除.xlsx"));

        InboxScanner.Scan scan = new InboxScanner(Duration.ZERO).scan(this.inbox, this.later);

        assertThat(scan.ready()).extracting((f) -> f.path().getFileName().toString())
            .containsExactlyInAnyOrder("民政局.xlsx", "失效.xlsx");
        assertThat(scan.setAside()).singleElement().satisfies((f) -> {
            assertThat(f.setAside().kind()).isEqualTo(SetAside.Kind.LINK_BROKEN);
            assertThat(f.setAside().reason()).contains("“失效.xlsx”").contains("指向的文件不存在");
        });
    }

    @Test
    void setsALinkOutOfTheInboxAsideWithoutFollowingIt(@TempDir Path elsewhere) throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("别处.xlsx"), "not the inbox's");
        Files.createSymbolicLink(this.inbox.resolve("外部.xlsx"), outside);
        Files.createSymbolicLink(this.inbox.resolve("上级.xlsx"), Path.of("..", elsewhere.getFileName().toString()));

        InboxScanner.Scan scan = new InboxScanner(Duration.ZERO).scan(this.inbox, this.later);

        assertThat(scan.setAside()).extracting((f) -> f.setAside().kind())
            .containsExactly(SetAside.Kind.LINK_OUTSIDE, SetAside.Kind.LINK_OUTSIDE);
        assertThat(scan.setAside()).filteredOn((f) -> f.path().getFileName().toString().equals("外部.xlsx"))
            .singleElement()
            .satisfies((f) -> assertThat(f.setAside().reason()).contains("指向收件箱以外"));
        assertThat(scan.ready()).allSatisfy((f) -> assertThat(f.setAside()).isNotNull());
    }

    @Test
    void followsALinkThatStaysInsideTheInbox() throws IOException {
        Files.createDirectories(this.inbox.resolve("财政局"));
        Path real = file("财政局/财政局.xlsx", this.now.minusSeconds(600));
        Files.createSymbolicLink(this.inbox.resolve("财政局-链接.xlsx"), Path.of("财政局", "财政局.xlsx"));

        InboxScanner.Scan scan = new InboxScanner(Duration.ZERO).scan(this.inbox, this.later);

        assertThat(scan.setAside()).isEmpty();
        assertThat(scan.ready()).extracting((f) -> f.path().getFileName().toString())
            .containsExactlyInAnyOrder("财政局.xlsx", "财政局-链接.xlsx");
        assertThat(scan.ready()).allSatisfy((f) -> assertThat(f.size()).isEqualTo(Files.size(real)));
    }

    @Test
    void setsAFifoAndASocketAsideWithoutOpeningThem() throws Exception {
        Path fifo = this.inbox.resolve("管道.xlsx");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        Path socketFile = this.inbox.resolve("套接字");
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(socketFile));

            InboxScanner.Scan scan = new InboxScanner(Duration.ZERO).scan(this.inbox, this.later);

            assertThat(scan.setAside()).extracting((f) -> f.path().getFileName().toString(),
                    (f) -> f.setAside().kind())
                .containsExactlyInAnyOrder(tuple("管道.xlsx", SetAside.Kind.SPECIAL_FILE),
                        tuple("套接字", SetAside.Kind.SPECIAL_FILE));
            assertThat(scan.setAside()).extracting((f) -> f.setAside().reason())
                .containsExactlyInAnyOrder("“管道.xlsx”不是普通文件，而是命名管道（FIFO），不能作为报送文件读取",
                        "“套接字”不是普通文件，而是套接字，不能作为报送文件读取");
        }
    }

    @Test
    void aMissingInboxIsEmpty() throws IOException {
        InboxScanner.Scan scan = new InboxScanner(Duration.ZERO).scan(this.inbox.resolve("none"), this.now);
        assertThat(scan.ready()).isEmpty();
    }

}
