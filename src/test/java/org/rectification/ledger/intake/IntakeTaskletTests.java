package org.rectification.ledger.intake;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Intake on a real inbox and an in-memory ledger: whatever one file does (too large, unreadable, a link to
 * nothing) is registered as that file's outcome with its reason, and the others are taken in.
 */
class IntakeTaskletTests {

    private static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    @TempDir
    Path inbox;

    private JdbcTemplate jdbc;

    private JdbcSubmissionDao submissions;

    private final Clock clock = Clock.fixed(Instant.now().plusSeconds(60), ZoneOffset.UTC);

    /** The files whose bytes intake read. */
    private final List<String> hashed = new ArrayList<>();

    @BeforeEach
    void migrate() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.submissions = new JdbcSubmissionDao(this.jdbc);
    }

    private IntakeTasklet intake(IntakeTasklet.Hasher hasher) {
        return new IntakeTasklet(new InboxScanner(Duration.ZERO, MAX_FILE_BYTES, List.of(), new Arrivals()), this.submissions,
                this.inbox, YearMonth.of(2026, 11), this.clock, (file) -> {
                    this.hashed.add(file.getFileName().toString());
                    return hasher.hash(file);
                });
    }

    private Path sheet(String name) throws IOException {
        return Files.writeString(this.inbox.resolve(name), "bytes of " + name);
    }

    private List<Map<String, Object>> registered() {
        return this.jdbc.queryForList("select file_name, sha256, outcome, set_aside, set_aside_reason from submission "
                + "order by file_name");
    }

    @Test
    void setsAFileLargerThanTheLimitAsideBeforeReadingIt() throws IOException {
        sheet("民政局.xlsx");
        try (RandomAccessFile sparse = new RandomAccessFile(this.inbox.resolve("超大文件.xlsx").toFile(), "rw")) {
            sparse.setLength(20L * 1024 * 1024 * 1024);
        }

        int taken = intake(ContentHash::of).takeIn(1);

        assertThat(taken).isEqualTo(1);
        assertThat(this.hashed).containsExactly("民政局.xlsx");
        assertThat(registered()).filteredOn((row) -> row.get("file_name").equals("超大文件.xlsx"))
            .singleElement()
            .satisfies((row) -> {
                assertThat(row.get("sha256")).isNull();
                assertThat(row.get("outcome")).isEqualTo("PENDING");
                assertThat(row.get("set_aside")).isEqualTo("TOO_LARGE");
                assertThat(row.get("set_aside_reason"))
                    .isEqualTo("文件过大：“超大文件.xlsx”大小为 20.0 GB，超过上限 50.0 MB，未读取");
            });
    }

    @Test
    void aFileItMayNotReadIsSetAsideAndTheOthersAreTakenIn() throws IOException {
        sheet("民政局.xlsx");
        sheet("无权限.xlsx");
        sheet("财政局.xlsx");
        // What the JDK throws when open(2) fails with EACCES; a test run as root is never refused by chmod 000.
        IntakeTasklet intake = intake((file) -> {
            if (file.getFileName().toString().equals("无权限.xlsx")) {
                throw new AccessDeniedException(file.toString());
            }
            return ContentHash.of(file);
        });

        int taken = intake.takeIn(1);

        assertThat(taken).isEqualTo(2);
        assertThat(registered()).extracting((row) -> row.get("file_name"), (row) -> row.get("set_aside"))
            .containsExactly(tuple("无权限.xlsx", "NO_PERMISSION"),
                    tuple("民政局.xlsx", null),
                    tuple("财政局.xlsx", null));
        assertThat(registered().get(0).get("set_aside_reason"))
            .isEqualTo("无法读取文件：没有读取权限（“无权限.xlsx”不允许台账程序读取）");
    }

    @Test
    void aFileWithoutReadPermissionIsSetAside() throws IOException {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root reads a file whatever its mode: see aFileItMayNotReadIsSetAsideAndTheOthersAreTakenIn");
        sheet("民政局.xlsx");
        Path locked = sheet("无权限.xlsx");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

        assertThat(intake(ContentHash::of).takeIn(1)).isEqualTo(1);

        assertThat(registered()).extracting((row) -> row.get("set_aside")).containsExactly("NO_PERMISSION", null);
    }

    @Test
    void anEntrySetAsideIsRegisteredOnceWhileItStaysInTheInbox() throws IOException {
        sheet("民政局.xlsx");
        Files.createSymbolicLink(this.inbox.resolve("失效.xlsx"), this.inbox.resolve("不存在.xlsx"));

        intake(ContentHash::of).takeIn(1);
        this.jdbc.update("update submission set report_month = '2026-10' where file_name = '失效.xlsx'");
        intake(ContentHash::of).takeIn(2);

        assertThat(registered()).extracting((row) -> row.get("file_name"), (row) -> row.get("set_aside"))
            .containsExactly(tuple("失效.xlsx", "LINK_BROKEN"),
                    tuple("民政局.xlsx", null));
        // left pending by an interrupted run, it is taken up by this run's month
        assertThat(this.submissions.pending(YearMonth.of(2026, 11))).extracting(Submission::fileName).contains("失效.xlsx");
    }

}
