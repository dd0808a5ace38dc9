package org.rectification.ledger.intake;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcSubmissionDaoTests {

    private final JdbcTemplate jdbc;

    private final JdbcSubmissionDao submissions;

    JdbcSubmissionDaoTests() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.submissions = new JdbcSubmissionDao(this.jdbc);
    }

    @Test
    void checksPendingFilesInArrivalOrderWhateverTheirModificationTimes() {
        // the correction was saved later on the department's PC but arrived first; the draft, copied with its old
        // timestamp kept, arrived an hour later: the draft is the later submission and supersedes
        Instant morning = Instant.parse("2026-11-05T01:00:00Z");
        register("财政局-11月（修改版）.xlsx", morning.plusSeconds(600), morning);
        register("财政局-11月.xlsx", morning.minusSeconds(86400), morning.plusSeconds(3600));

        assertThat(this.submissions.pending(YearMonth.of(2026, 11))).extracting(Submission::fileName)
            .containsExactly("财政局-11月（修改版）.xlsx", "财政局-11月.xlsx");
        assertThat(this.jdbc.queryForObject("select arrived_at from submission where file_name = '财政局-11月.xlsx'",
                Timestamp.class).toInstant()).isEqualTo(morning.plusSeconds(3600));
    }

    private void register(String name, Instant modified, Instant arrived) {
        this.submissions.register(new InboxScanner.InboxFile(Path.of("/inbox/" + name), 100, modified, arrived),
                UUID.randomUUID().toString().replace("-", ""), YearMonth.of(2026, 11), Outcome.PENDING, null, null, 1, arrived);
    }

}
