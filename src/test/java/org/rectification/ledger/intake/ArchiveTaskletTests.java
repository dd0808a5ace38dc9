package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive step on real folders and an in-memory ledger: a name already taken gets a number within the
 * file-name limit, an earlier file is never replaced, and a file a killed run had moved is found where it went.
 */
class ArchiveTaskletTests {

    /** 255 bytes, the longest name a department's file can have. */
    private static final String LONGEST = "民政局-" + "整改".repeat(40) + ".xlsx";

    @TempDir
    Path root;

    private JdbcTemplate jdbc;

    private JdbcSubmissionDao submissions;

    private Path inbox;

    @BeforeEach
    void migrate() throws IOException {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.submissions = new JdbcSubmissionDao(this.jdbc);
        this.inbox = Files.createDirectories(this.root.resolve("inbox"));
    }

    private long decided(Path file, String sha256, Outcome outcome, SetAside setAside) {
        return this.submissions.register(new InboxScanner.InboxFile(file, 10, Instant.now(), Instant.now(), setAside), sha256,
                YearMonth.of(2026, 10), outcome, null, null, 1, Instant.now());
    }

    private void archive() throws IOException {
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        new ArchiveTasklet(this.submissions, this.root.resolve("archive"), this.root.resolve("rejected"))
            .execute(new StepContribution(step), new ChunkContext(new StepContext(step)));
    }

    private String movedTo(long id) {
        return this.jdbc.queryForObject("select moved_to from submission where id = ?", String.class, id);
    }

    @Test
    void keepsAnEarlierFileAndGivesTheLongestNameANumberWithinTheLimit() throws IOException {
        assertThat(FileNames.bytes(LONGEST)).isEqualTo(255);
        Path file = Files.writeString(this.inbox.resolve(LONGEST), "November");
        Path earlier = Files.createDirectories(this.root.resolve("archive/2026-10")).resolve(LONGEST);
        Files.writeString(earlier, "an earlier file of the same name");
        long id = decided(file, ContentHash.of(file), Outcome.ACCEPTED, null);

        archive();

        Path moved = Path.of(movedTo(id));
        assertThat(moved.getFileName().toString()).endsWith("…(2).xlsx").startsWith("民政局-整改");
        assertThat(moved).hasContent("November");
        assertThat(earlier).hasContent("an earlier file of the same name");
        assertThat(file).doesNotExist();
    }

    @Test
    void findsTheFileARunKilledAfterTheMoveHadMovedAmongNamesClaimedByOthers() throws IOException {
        Path rejected = Files.createDirectories(this.root.resolve("rejected"));
        Path other = Files.writeString(rejected.resolve(LONGEST), "another department's file");
        long otherId = decided(this.inbox.resolve(LONGEST), "0".repeat(64), Outcome.REJECTED, null);
        this.submissions.markMoved(otherId, other);
        Path file = Files.writeString(this.inbox.resolve(LONGEST), "this one");
        long id = decided(file, ContentHash.of(file), Outcome.REJECTED, null);
        // killed after the move, before its record
        Path wentTo = rejected.resolve(FileNames.numbered(LONGEST, 2));
        Files.move(file, wentTo);

        archive();

        assertThat(movedTo(id)).isEqualTo(wentTo.toAbsolutePath().toString());
        assertThat(other).hasContent("another department's file");
    }

    @Test
    void movesALinkSetAsideAsTheLinkItselfAndFindsItAfterAKill() throws IOException {
        Path link = Files.createSymbolicLink(this.inbox.resolve("失效链接.xlsx"), this.inbox.resolve("已删除.xlsx"));
        Path second = Files.createSymbolicLink(this.inbox.resolve("外部链接.xlsx"), Path.of("/etc/hostname"));
        SetAside broken = new SetAside(SetAside.Kind.LINK_BROKEN, "“失效链接.xlsx”……");
        long id = decided(link, null, Outcome.REJECTED, broken);
        long secondId = decided(second, null, Outcome.REJECTED, new SetAside(SetAside.Kind.LINK_OUTSIDE, "……"));
        Path rejected = Files.createDirectories(this.root.resolve("rejected"));
        Files.move(link, rejected.resolve("失效链接.xlsx"));

        archive();

        assertThat(movedTo(id)).isEqualTo(rejected.resolve("失效链接.xlsx").toAbsolutePath().toString());
        Path moved = Path.of(movedTo(secondId));
        assertThat(Files.isSymbolicLink(moved)).isTrue();
        assertThat(Files.readSymbolicLink(moved)).isEqualTo(Path.of("/etc/hostname"));
        assertThat(Files.exists(second, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

}
