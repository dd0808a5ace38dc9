package org.rectification.ledger.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Two "processes" (separate RunLock instances with their own connections) sharing one H2 file database. */
@Tag("process")
class RunLockTests {

    private static final String NAME = "consolidation:minzheng-2026";

    private static final Duration HOLD = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private String url;

    private RunLock first;

    private RunLock second;

    @BeforeEach
    void setUp() {
        this.url = "jdbc:h2:file:" + this.folder.resolve("ledger").toAbsolutePath();
        Flyway.configure().dataSource(this.url, "sa", "").load().migrate();
        this.first = new RunLock(new DriverManagerDataSource(this.url, "sa", ""), "office-pc/101");
        this.second = new RunLock(new DriverManagerDataSource(this.url, "sa", ""), "server-room/202");
    }

    @Test
    void takesOverALockWhoseHolderOnThisHostNoLongerRuns() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = RunLock.processName().substring(0, RunLock.processName().lastIndexOf('/'));
        RunLock killed = new RunLock(new DriverManagerDataSource(this.url, "sa", ""), host + "/" + gone.pid());
        RunLock.Held abandoned = killed.tryAcquire(NAME, HOLD).orElseThrow();
        RunLock rerun = new RunLock(new DriverManagerDataSource(this.url, "sa", ""));

        try (RunLock.Held held = rerun.tryAcquire(NAME, HOLD).orElseThrow()) {
            assertThat(rerun.holder(NAME).orElseThrow().lockedBy()).isEqualTo(RunLock.processName());
        }
        abandoned.close();
    }

    @Test
    void leavesALockAloneWhoseHolderOnThisHostStillRuns() {
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        String host = RunLock.processName().substring(0, RunLock.processName().lastIndexOf('/'));
        RunLock running = new RunLock(new DriverManagerDataSource(this.url, "sa", ""), host + "/" + alive);
        try (RunLock.Held held = running.tryAcquire(NAME, HOLD).orElseThrow()) {
            assertThat(new RunLock(new DriverManagerDataSource(this.url, "sa", "")).tryAcquire(NAME, HOLD)).isEmpty();
        }
    }

    @Test
    void onlyOneOfTwoInstancesGetsTheLockAndTheOtherSeesWhoHoldsIt() {
        Instant before = Instant.now();
        try (RunLock.Held held = this.first.tryAcquire(NAME, HOLD).orElseThrow()) {
            assertThat(held).isNotNull();

            assertThat(this.second.tryAcquire(NAME, HOLD)).isEmpty();

            RunLock.Holder holder = this.second.holder(NAME).orElseThrow();
            assertThat(holder.lockedBy()).isEqualTo("office-pc/101");
            assertThat(holder.lockedAt()).isCloseTo(before, within(Duration.ofSeconds(5)));
            assertThat(holder.lockUntil()).isCloseTo(before.plus(HOLD), within(Duration.ofSeconds(5)));
        }
    }

    @Test
    void onlyOneOfTwoRacingThreadsGetsTheLock() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                CountDownLatch start = new CountDownLatch(1);
                Future<Optional<RunLock.Held>> a = threads.submit(() -> {
                    start.await();
                    return this.first.tryAcquire(NAME, HOLD);
                });
                Future<Optional<RunLock.Held>> b = threads.submit(() -> {
                    start.await();
                    return this.second.tryAcquire(NAME, HOLD);
                });
                start.countDown();
                List<RunLock.Held> winners = new ArrayList<>();
                a.get(10, TimeUnit.SECONDS).ifPresent(winners::add);
                b.get(10, TimeUnit.SECONDS).ifPresent(winners::add);

                assertThat(winners).as("round %d", round).hasSize(1);
                winners.get(0).close();
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theOtherInstanceGetsTheLockOnceItIsReleased() {
        this.first.tryAcquire(NAME, HOLD).orElseThrow().close();

        assertThat(this.first.holder(NAME)).isEmpty();
        try (RunLock.Held held = this.second.tryAcquire(NAME, HOLD).orElseThrow()) {
            assertThat(this.first.holder(NAME)).map(RunLock.Holder::lockedBy).contains("server-room/202");
        }
    }

    @Test
    void heartbeatKeepsTheLockWhileTheRunLastsLongerThanMaxHold() throws InterruptedException {
        try (RunLock.Held held = this.first.tryAcquire(NAME, Duration.ofSeconds(2)).orElseThrow()) {
            Instant firstUntil = this.second.holder(NAME).orElseThrow().lockUntil();
            // held for more than twice its max hold past the first expiry: only beats can have done that
            await().atMost(Duration.ofSeconds(30))
                .until(() -> Instant.now().isAfter(firstUntil.plusSeconds(2)) && this.second.holder(NAME)
                    .map((holder) -> holder.lockUntil().isAfter(firstUntil.plusSeconds(2)))
                    .orElse(false));

            assertThat(this.second.tryAcquire(NAME, HOLD)).isEmpty();
            assertThat(this.second.holder(NAME).orElseThrow().lockUntil()).isAfter(Instant.now());
        }
    }

    @Test
    void aLockWhoseHolderStoppedBeatingExpiresAfterMaxHold() throws InterruptedException {
        // a holder that died: its row says held for one more second, and nobody extends it
        new JdbcTemplate(new DriverManagerDataSource(this.url, "sa", "")).update(
                "insert into shedlock (name, lock_until, locked_at, locked_by) values (?, "
                        + "dateadd(second, 1, localtimestamp), localtimestamp, 'crashed-pc/303')",
                NAME);

        assertThat(this.second.tryAcquire(NAME, HOLD)).isEmpty();
        assertThat(this.second.holder(NAME)).map(RunLock.Holder::lockedBy).contains("crashed-pc/303");
        await().atMost(Duration.ofSeconds(30)).until(() -> this.second.holder(NAME).isEmpty());

        try (RunLock.Held held = this.second.tryAcquire(NAME, HOLD).orElseThrow()) {
            assertThat(this.first.holder(NAME)).map(RunLock.Holder::lockedBy).contains("server-room/202");
        }
    }

    @Test
    void locksWithDifferentNamesAreIndependent() {
        try (RunLock.Held a = this.first.tryAcquire(NAME, HOLD).orElseThrow();
                RunLock.Held b = this.second.tryAcquire("consolidation:jiaoyu-2026", HOLD).orElseThrow()) {
            assertThat(this.first.holder("consolidation:jiaoyu-2026")).map(RunLock.Holder::lockedBy)
                .contains("server-room/202");
        }
    }

    @Test
    void namesLongerThanTheColumnStayDistinct() {
        String prefix = "consolidation:" + "县委第三巡察组反馈问题整改".repeat(4);
        String one = prefix + "-2026";
        String two = prefix + "-2027";

        assertThat(RunLock.storedName(one)).hasSizeLessThanOrEqualTo(RunLock.MAX_NAME)
            .isNotEqualTo(RunLock.storedName(two));
        try (RunLock.Held held = this.first.tryAcquire(one, HOLD).orElseThrow()) {
            assertThat(this.second.tryAcquire(one, HOLD)).isEmpty();
            assertThat(this.second.holder(one)).isPresent();
            assertThat(this.second.holder(two)).isEmpty();
        }
    }

    @Test
    void closingTwiceReleasesOnceAndLeavesTheNextHolderAlone() {
        RunLock.Held held = this.first.tryAcquire(NAME, HOLD).orElseThrow();
        held.close();
        try (RunLock.Held next = this.second.tryAcquire(NAME, HOLD).orElseThrow()) {
            held.close();

            assertThat(this.first.holder(NAME)).map(RunLock.Holder::lockedBy).contains("server-room/202");
        }
    }

    @Test
    void namesThisProcessAsHostSlashPid() {
        assertThat(RunLock.processName()).endsWith("/" + ProcessHandle.current().pid()).doesNotStartWith("/");
    }

    @Nested
    class Rejects {

        @Test
        void aMaxHoldShorterThanOneSecond() {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> RunLockTests.this.first.tryAcquire(NAME, Duration.ofMillis(500)));
        }

    }

}
