package org.rectification.ledger.job;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.cli.LedgerCommand;
import org.rectification.ledger.intake.FileNames;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The October run with a hostile inbox beside the sample sheets: names of 249 and 255 bytes, a name taken in
 * archive/, links to nothing, out of the inbox and inside it, a FIFO, a socket, a 20 GB sparse file and
 * subfolders. Every entry ends as its own outcome with a reason, the run and its rerun exit 0, and no earlier
 * file is overwritten.
 */
@Tag("process")
class HostileInboxTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    /** 249 bytes: its notice's name, and that name's temporary one, would pass 255 bytes. */
    private static final String LONG_REJECTED = name("审计局-", 249, ".xls");

    /** 255 bytes, already taken in archive/2026-10: "(2)" would make it 258. */
    private static final String LONG_COLLIDING = name("民政局-", 255, ".xlsx");

    @TempDir
    Path root;

    private static String name(String start, int bytes, String extension) {
        StringBuilder name = new StringBuilder(start);
        int room = bytes - FileNames.bytes(start) - extension.length();
        name.append("整改".repeat(room / 6)).append("x".repeat(room % 6));
        String result = name + extension;
        assertThat(FileNames.bytes(result)).isEqualTo(bytes);
        return result;
    }

    @Test
    void everyEntryEndsAsItsOwnOutcomeAndTheRunGoesOn() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.root);
        workspace.drop(OCTOBER);
        Path inbox = workspace.inbox();
        Path samples = LedgerWorkspace.SAMPLES;
        Files.createDirectories(inbox.resolve("卫健局"));
        Files.move(inbox.resolve("卫健局-10月整改任务分解表.xlsx"), inbox.resolve("卫健局/卫健局-10月整改任务分解表.xlsx"));
        Files.createDirectories(inbox.resolve("财政局/2026"));
        Files.move(inbox.resolve("财政局-10月整改任务分解表.xlsx"), inbox.resolve("财政局/2026/财政局-10月整改任务分解表.xlsx"));
        Files.createSymbolicLink(inbox.resolve("财政局-链接.xlsx"), Path.of("财政局/2026/财政局-10月整改任务分解表.xlsx"));
        Files.copy(samples.resolve("2026-11/审计局-11月整改任务分解表.xls"), inbox.resolve(LONG_REJECTED));
        Files.copy(samples.resolve("2026-10/民政局-10月整改任务分解表.xlsx"), inbox.resolve(LONG_COLLIDING));
        Path earlierArchived = Files.createDirectories(this.root.resolve("archive/2026-10")).resolve(LONG_COLLIDING);
        Files.writeString(earlierArchived, "a file archived earlier under the same name");
        Path outside = Files.createDirectories(this.root.resolve("elsewhere")).resolve("别处的表.xlsx");
        Files.copy(samples.resolve("2026-10/住建局-10月整改任务分解表.xlsx"), outside);
        Files.createSymbolicLink(inbox.resolve("外部链接.xlsx"), outside);
        Files.createSymbolicLink(inbox.resolve("失效链接.xlsx"), inbox.resolve("已删除.xlsx"));
        assertThat(new ProcessBuilder("mkfifo", inbox.resolve("管道.xlsx").toString()).start().waitFor()).isZero();
        try (RandomAccessFile sparse = new RandomAccessFile(inbox.resolve("超大文件.xlsx").toFile(), "rw")) {
            sparse.setLength(20L * 1024 * 1024 * 1024);
        }
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(inbox.resolve("套接字")));

            assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).isZero();
        }
        JdbcTemplate jdbc = workspace.jdbc();

        Map<String, String> setAside = Map.of("失效链接.xlsx", "LINK_BROKEN", "外部链接.xlsx", "LINK_OUTSIDE", "管道.xlsx",
                "SPECIAL_FILE", "套接字", "SPECIAL_FILE", "超大文件.xlsx", "TOO_LARGE");
        for (Map.Entry<String, String> entry : setAside.entrySet()) {
            Map<String, Object> row = jdbc.queryForMap("select outcome, set_aside, sha256, reasons, moved_to from submission "
                    + "where file_name = ?", entry.getKey());
            assertThat(row.get("outcome")).as(entry.getKey()).isEqualTo("REJECTED");
            assertThat(row.get("set_aside")).as(entry.getKey()).isEqualTo(entry.getValue());
            assertThat(row.get("sha256")).as("never read: " + entry.getKey()).isNull();
            assertThat(Path.of((String) row.get("moved_to")).getParent()).isEqualTo(this.root.resolve("rejected"));
        }
        assertThat(jdbc.queryForList("select f.rule from finding f join submission s on s.id = f.submission_id "
                + "where s.set_aside is not null order by s.file_name", String.class))
            .containsExactlyInAnyOrder("UNREADABLE", "UNREADABLE", "NOT_A_SPREADSHEET", "NOT_A_SPREADSHEET",
                    "TOO_LARGE");
        assertThat(jdbc.queryForObject("select message from finding where file_name = '超大文件.xlsx'", String.class))
            .isEqualTo("文件过大：“超大文件.xlsx”大小为 20.0 GB，超过上限 50.0 MB，未读取");

        // the links, the FIFO and the socket are moved as they are, never followed or opened
        Path rejected = this.root.resolve("rejected");
        assertThat(attributes(rejected.resolve("外部链接.xlsx")).isSymbolicLink()).isTrue();
        assertThat(attributes(rejected.resolve("失效链接.xlsx")).isSymbolicLink()).isTrue();
        assertThat(attributes(rejected.resolve("管道.xlsx")).isOther()).isTrue();
        assertThat(attributes(rejected.resolve("套接字")).isOther()).isTrue();
        assertThat(outside).hasSameBinaryContentAs(samples.resolve("2026-10/住建局-10月整改任务分解表.xlsx"));
        assertThat(rejected.resolve("外部链接" + "-退回意见.xlsx")).isRegularFile();

        // subfolders are read; a link inside the inbox is followed (same bytes: one of the two is a duplicate)
        assertThat(outcome(jdbc, "卫健局-10月整改任务分解表.xlsx")).containsExactly("ACCEPTED");
        assertThat(outcome(jdbc, "财政局-10月整改任务分解表.xlsx", "财政局-链接.xlsx"))
            .containsExactlyInAnyOrder("ACCEPTED", "DUPLICATE");

        // the 249-byte name: rejected with its notice, whose name is shortened to fit
        assertThat(outcome(jdbc, LONG_REJECTED)).containsExactly("REJECTED");
        Path notice = Path.of(jdbc.queryForObject("select notice_path from submission where file_name = ?", String.class,
                LONG_REJECTED));
        assertThat(notice).isRegularFile().hasParent(rejected);
        assertThat(notice.getFileName().toString()).startsWith("审计局-整改整改").endsWith("…-退回意见.xlsx");
        assertThat(rejected.resolve(LONG_REJECTED)).isRegularFile();

        // the 255-byte name taken in archive/: the earlier file is kept, this one gets a numbered, shortened name
        assertThat(earlierArchived).hasContent("a file archived earlier under the same name");
        Path archived = Path.of(jdbc.queryForObject("select moved_to from submission where file_name = ?", String.class,
                LONG_COLLIDING));
        assertThat(archived.getFileName().toString()).isEqualTo(FileNames.numbered(LONG_COLLIDING, 2)).endsWith("…(2).xlsx");
        assertThat(archived).hasSameBinaryContentAs(samples.resolve("2026-10/民政局-10月整改任务分解表.xlsx"));

        // nothing is left in the inbox but the emptied folders, and every entry is accounted for
        assertThat(entriesUnder(inbox)).allSatisfy((entry) -> assertThat(entry).isDirectory());
        assertThat(jdbc.queryForObject("select count(*) from submission where moved_to is null", Integer.class)).isZero();
        int registered = jdbc.queryForObject("select count(*) from submission", Integer.class);
        assertThat(registered).isEqualTo(11 + 2 + 1 + 5);

        // the rerun finds nothing new and still exits 0
        assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from submission", Integer.class)).isEqualTo(registered);

        // the same name rejected again a month later: the earlier file and notice are kept, the new ones numbered
        byte[] earlierNotice = Files.readAllBytes(notice);
        Files.copy(samples.resolve("2026-11/整改情况说明.xls"), inbox.resolve(LONG_REJECTED));
        assertThat(LedgerCommand.execute(workspace.runArguments(NOVEMBER))).isZero();
        assertThat(notice).hasBinaryContent(earlierNotice);
        Path laterNotice = Path.of(jdbc.queryForObject("select notice_path from submission where file_name = ? and "
                + "report_month = '2026-11'", String.class, LONG_REJECTED));
        assertThat(laterNotice).isRegularFile().hasParent(rejected).isNotEqualTo(notice);
        assertThat(laterNotice.getFileName().toString()).endsWith("…-退回意见(2).xlsx");
        assertThat(rejected.resolve(LONG_REJECTED)).hasSameBinaryContentAs(samples.resolve("2026-11/审计局-11月整改任务分解表.xls"));
        assertThat(rejected.resolve(FileNames.numbered(LONG_REJECTED, 2))).hasSameBinaryContentAs(
                samples.resolve("2026-11/整改情况说明.xls"));
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static List<String> outcome(JdbcTemplate jdbc, String... fileNames) {
        return Stream.of(fileNames)
            .flatMap((name) -> jdbc.queryForList("select outcome from submission where file_name = ?", String.class, name)
                .stream())
            .toList();
    }

    private static List<Path> entriesUnder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter((path) -> !path.equals(folder)).toList();
        }
    }

}
