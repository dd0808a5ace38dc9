package org.rectification.ledger.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.job.LedgerProcess;
import org.rectification.ledger.job.LedgerWorkspace;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One run at a time across processes: two real {@code run} processes on the same PostgreSQL ledger, the second
 * refused with exit code 3 and the first one's host/pid. Skipped, with the reason, when PostgreSQL does not answer
 * on 127.0.0.1:5432, unless REQUIRE_POSTGRES=true.
 */
@Tag("process")
class RunCommandLockTests {

    @TempDir
    Path temp;

    private LedgerWorkspace workspace;

    private LedgerProcess first;

    @BeforeEach
    void postgres() throws Exception {
        this.workspace = LedgerWorkspace.postgresOrSkip(this.temp);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (this.first != null) {
            this.first.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (this.workspace != null) {
            this.workspace.dropPostgresSchema();
        }
    }

    @Test
    void aSecondRunOnTheSameDatabaseExitsWithThreeAndNamesTheHolder() throws Exception {
        // enough files that the first run is still going when the second has started (it is stopped afterwards)
        this.workspace.dropCopies(600);
        String[] run = { "run", "--job", this.workspace.jobFile.toString(), "--month", "2026-11", "--as-of",
                "2026-11-30" };
        this.first = LedgerProcess.start(this.workspace, "first", run);
        JdbcTemplate jdbc = this.workspace.query();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(this.first.process.isAlive()).as("first run still going: " + this.first.errors()).isTrue();
            return !holders(jdbc).isEmpty();
        });
        String holder = holders(jdbc).get(0);
        assertThat(holder).endsWith("/" + this.first.process.pid());

        LedgerProcess second = LedgerProcess.start(this.workspace, "second", run);
        assertThat(second.process.waitFor(90, TimeUnit.SECONDS)).isTrue();

        assertThat(this.first.process.isAlive()).as("the first run still held the lock").isTrue();
        assertThat(second.process.exitValue()).isEqualTo(LedgerCommand.LOCKED);
        assertThat(second.errors()).contains("错误：另一个运行正在使用台账（" + holder + "，自 ");
        assertThat(jdbc.queryForObject("select count(*) from BATCH_JOB_EXECUTION", Integer.class))
            .as("the second process started no run").isEqualTo(1);
    }

    private static List<String> holders(JdbcTemplate jdbc) {
        try {
            return jdbc.queryForList("select locked_by from shedlock where name = 'consolidation' and lock_until > "
                    + "timezone('utc', current_timestamp)", String.class);
        }
        catch (org.springframework.dao.DataAccessException ex) {
            // the first process has not created the table yet
            return List.of();
        }
    }

}
