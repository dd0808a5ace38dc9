package org.rectification.ledger.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The run lock between two real processes on PostgreSQL (127.0.0.1:5432, database {@code test}, user postgres or
 * root, no password), each test run in a schema of its own. Skipped with the reason when the server cannot be
 * reached, unless REQUIRE_POSTGRES=true, which turns the skip into a failure.
 */
@Tag("process")
class RunLockPostgresTests {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    private static final String NAME = "consolidation:minzheng-2026";

    private static final Duration CHILD_HOLD = Duration.ofSeconds(3);

    private static String user;

    private static String schema;

    private static String url;

    /** Why the tests are skipped, or null when the server answered. */
    private static String unreachable;

    private final List<Process> children = new ArrayList<>();

    @BeforeAll
    static void connectAndMigrate() throws SQLException {
        List<String> problems = new ArrayList<>();
        for (String candidate : List.of("postgres", "root")) {
            try (Connection connection = DriverManager.getConnection(SERVER, candidate, "")) {
                user = candidate;
                break;
            }
            catch (SQLException ex) {
                problems.add(candidate + ": " + ex.getMessage());
            }
        }
        if (user == null) {
            unreachable = "PostgreSQL not reachable at " + SERVER + " " + problems;
            if ("true".equalsIgnoreCase(System.getenv("REQUIRE_POSTGRES"))) {
                fail("REQUIRE_POSTGRES=true but " + unreachable);
            }
            return;
        }
        schema = "lock_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        url = SERVER + "?currentSchema=" + schema;
        Flyway.configure().dataSource(url, user, "").schemas(schema).createSchemas(true).load().migrate();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection connection = DriverManager.getConnection(SERVER, user, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @BeforeEach
    void freshLock() throws SQLException {
        // skipped per test, so the count and the reason show in the test report
        Assumptions.assumeTrue(unreachable == null, () -> "Skipped: " + unreachable);
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute("delete from shedlock");
        }
    }

    @AfterEach
    void stopChildren() {
        this.children.forEach(Process::destroyForcibly);
    }

    @Test
    void anotherProcessHoldingTheLockKeepsUsOutUntilItIsKilledThenTheRerunTakesOver() throws Exception {
        Child child = startHolder();
        RunLock ours = new RunLock(new DriverManagerDataSource(url, user, ""));

        assertThat(ours.tryAcquire(NAME, Duration.ofSeconds(30))).isEmpty();
        RunLock.Holder holder = ours.holder(NAME).orElseThrow();
        assertThat(holder.lockedBy()).endsWith("/" + child.process().pid()).isEqualTo(child.lockedBy());
        assertThat(holder.lockedAt()).isBefore(Instant.now().plusSeconds(1));

        // longer than the child's maxHold: its heartbeat keeps the lock
        Instant firstUntil = holder.lockUntil();
        await().atMost(Duration.ofSeconds(60))
            .until(() -> Instant.now().isAfter(firstUntil.plus(CHILD_HOLD)) && ours.holder(NAME)
                .map((beating) -> beating.lockUntil().isAfter(firstUntil.plus(CHILD_HOLD)))
                .orElse(false));
        assertThat(ours.tryAcquire(NAME, Duration.ofSeconds(30))).isEmpty();

        // killed (kill -9): it released nothing, but it was a process of this host that no longer runs, so the
        // rerun takes the lock over at once instead of waiting for lock_until
        child.process().destroyForcibly();
        assertThat(child.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        Optional<RunLock.Held> ourTurn = ours.tryAcquire(NAME, Duration.ofSeconds(30));
        assertThat(ourTurn).as("lock taken over from the killed holder").isPresent();
        try (RunLock.Held held = ourTurn.get()) {
            assertThat(ours.holder(NAME).orElseThrow().lockedBy()).isEqualTo(RunLock.processName());
        }
    }

    @Test
    void aProcessEndingNormallyReleasesTheLockAtOnce() throws Exception {
        Child child = startHolder();
        RunLock ours = new RunLock(new DriverManagerDataSource(url, user, ""));
        assertThat(ours.tryAcquire(NAME, Duration.ofSeconds(30))).isEmpty();

        try (Writer in = new OutputStreamWriter(child.process().getOutputStream(), StandardCharsets.UTF_8)) {
            in.write("release\n");
        }
        assertThat(child.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(child.process().exitValue()).isZero();
        assertThat(child.output().poll(5, TimeUnit.SECONDS)).isEqualTo("RELEASED");

        assertThat(ours.holder(NAME)).isEmpty();
        try (RunLock.Held held = ours.tryAcquire(NAME, Duration.ofSeconds(30)).orElseThrow()) {
            assertThat(held).isNotNull();
        }
    }

    @Test
    void aSecondProcessFindsTheLockBusy() throws Exception {
        RunLock ours = new RunLock(new DriverManagerDataSource(url, user, ""));
        try (RunLock.Held held = ours.tryAcquire(NAME, Duration.ofSeconds(30)).orElseThrow()) {
            Process child = spawn();
            BlockingQueue<String> output = drain(child);

            assertThat(output.poll(60, TimeUnit.SECONDS)).isEqualTo("BUSY");
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(2);
        }
    }

    // --- the child process ---

    private record Child(Process process, String lockedBy, BlockingQueue<String> output) {
    }

    private Child startHolder() throws Exception {
        Process process = spawn();
        BlockingQueue<String> output = drain(process);
        String first = output.poll(60, TimeUnit.SECONDS);
        assertThat(first).as("child's first line").isEqualTo("HELD " + process.pid());
        // the holder as the child's RunLock names itself
        return new Child(process, RunLock.processName().replaceFirst("/\\d+$", "/" + process.pid()), output);
    }

    private Process spawn() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RunLockHolderMain.class.getName(), url, user, NAME, String.valueOf(CHILD_HOLD.toMillis()));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        this.children.add(process);
        return process;
    }

    /** The child's protocol lines (HELD, BUSY, RELEASED) as they come, read on a thread of their own. */
    private static BlockingQueue<String> drain(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("HELD") || line.startsWith("BUSY") || line.startsWith("RELEASED")) {
                        lines.add(line);
                    }
                }
            }
            catch (IOException ex) {
                // the child is gone
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

}
