package org.rectification.ledger.job;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.provider.sql.DatabaseProduct;
import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * One consolidation run at a time, across processes and machines sharing the ledger database: a named ShedLock
 * lock in the {@code shedlock} table (V2__run_lock.sql), stamped with database time and "host/pid", kept alive by a
 * heartbeat while the run lasts and expiring on its own after {@code maxHold} if the holder dies.
 */
public final class RunLock {

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);

    /** Width of {@code shedlock.name}; longer names are shortened with a hash so they stay distinct. */
    static final int MAX_NAME = 64;

    /** The heartbeat extends the lock this many times per {@code maxHold}, so two missed beats still leave slack. */
    private static final int BEATS_PER_HOLD = 3;

    private final JdbcTemplate jdbc;

    private final JdbcTemplateLockProvider provider;

    private final String lockedBy;

    private final String databaseNow;

    public RunLock(DataSource dataSource) {
        this(dataSource, processName());
    }

    /** For tests that play two processes in one JVM. */
    RunLock(DataSource dataSource, String lockedBy) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.lockedBy = lockedBy;
        DatabaseProduct product = databaseProduct(dataSource);
        this.provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(this.jdbc)
            .withTableName("shedlock")
            .withDatabaseProduct(product)
            .usingDbTime()
            .withLockedByValue(lockedBy)
            .build());
        // the database's "now" in the form ShedLock writes lock_until and locked_at with database time
        this.databaseNow = (product == DatabaseProduct.POSTGRES_SQL) ? "timezone('utc', current_timestamp)"
                : "localtimestamp";
    }

    /**
     * Tries to take the lock; returns a handle to close when the run ends, or empty when another run holds it (ask
     * {@link #holder} who). While held, the lock is extended every {@code maxHold / 3}; if this process dies it
     * expires {@code maxHold} after the last extension.
     * @param name e.g. "consolidation:" + job name
     * @param maxHold how long the lock outlives a holder that stops beating; at least one second
     */
    public Optional<Held> tryAcquire(String name, Duration maxHold) {
        if (maxHold.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("maxHold must be at least one second: " + maxHold);
        }
        String stored = storedName(name);
        Optional<SimpleLock> lock = this.provider
            .lock(new LockConfiguration(ClockProvider.now(), stored, maxHold, Duration.ZERO));
        if (lock.isEmpty() && clearIfHolderDied(name, stored)) {
            lock = this.provider.lock(new LockConfiguration(ClockProvider.now(), stored, maxHold, Duration.ZERO));
        }
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        log.info(Messages.get("job.log.lock-taken", this.lockedBy));
        return Optional.of(new HeartbeatHeld(name, lock.get(), maxHold));
    }

    /**
     * A run killed with kill -9 on this machine leaves its lock until it expires; when the holder named in the
     * lock is a process of this host that no longer exists, the lock is released at once so the rerun can
     * resume. A holder on another host is left to expire: we cannot tell whether it is alive.
     */
    private boolean clearIfHolderDied(String name, String stored) {
        Optional<Holder> holder = holder(name);
        if (holder.isEmpty()) {
            return false;
        }
        String by = holder.get().lockedBy();
        int slash = by.lastIndexOf('/');
        int ourSlash = this.lockedBy.lastIndexOf('/');
        if (slash < 0 || ourSlash < 0 || !by.substring(0, slash).equals(this.lockedBy.substring(0, ourSlash))) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(by.substring(slash + 1));
        }
        catch (NumberFormatException ex) {
            return false;
        }
        if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        // Expire rather than delete: the lock provider remembers the row exists and only updates it afterwards.
        int released = this.jdbc.update("update shedlock set lock_until = " + this.databaseNow
                + " where name = ? and locked_by = ?", stored, by);
        if (released > 0) {
            log.warn(Messages.get("job.log.lock-stale", by));
        }
        return released > 0;
    }

    /** Who holds the lock now and since when, or empty when nobody does (never taken, released or expired). */
    public Optional<Holder> holder(String name) {
        Instant appNow = Instant.now();
        return this.jdbc
            .query("select locked_by, locked_at, lock_until, " + this.databaseNow + " as db_now from shedlock "
                    + "where name = ? and lock_until > " + this.databaseNow, (rs, n) -> {
                        LocalDateTime dbNow = rs.getTimestamp("db_now").toLocalDateTime();
                        return new Holder(rs.getString("locked_by"),
                                onAppClock(rs.getTimestamp("locked_at"), dbNow, appNow),
                                onAppClock(rs.getTimestamp("lock_until"), dbNow, appNow));
                    }, storedName(name))
            .stream()
            .findFirst();
    }

    /** This process as it appears in {@code locked_by}: "host/pid". */
    public static String processName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    /** A held lock: close it when the run ends (idempotent). */
    public interface Held extends AutoCloseable {

        @Override
        void close();

    }

    /**
     * @param lockedBy "host/pid" of the holder
     * @param lockedAt when it took the lock, on this machine's clock
     * @param lockUntil when the lock expires unless its holder extends it, on this machine's clock
     */
    public record Holder(String lockedBy, Instant lockedAt, Instant lockUntil) {
    }

    /** Holds a lock and extends it on a small daemon thread of its own until closed. */
    private final class HeartbeatHeld implements Held {

        private final String name;

        private final Duration maxHold;

        private final ScheduledExecutorService heartbeat;

        private final AtomicBoolean closed = new AtomicBoolean();

        private SimpleLock lock;

        private boolean lost;

        HeartbeatHeld(String name, SimpleLock lock, Duration maxHold) {
            this.name = name;
            this.lock = lock;
            this.maxHold = maxHold;
            this.heartbeat = Executors.newSingleThreadScheduledExecutor((runnable) -> {
                Thread thread = new Thread(runnable, "run-lock-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            long period = Math.max(1, maxHold.toMillis() / BEATS_PER_HOLD);
            this.heartbeat.scheduleAtFixedRate(this::extend, period, period, TimeUnit.MILLISECONDS);
        }

        private synchronized void extend() {
            if (this.closed.get() || this.lost) {
                return;
            }
            try {
                Optional<SimpleLock> extended = this.lock.extend(this.maxHold, Duration.ZERO);
                if (extended.isPresent()) {
                    this.lock = extended.get();
                }
                else {
                    this.lost = true;
                    log.error(Messages.get("job.log.lock-lost"));
                    this.heartbeat.shutdown();
                }
            }
            catch (RuntimeException ex) {
                // a database hiccup: try again on the next beat, the lock still has time left
                log.warn(Messages.get("job.log.lock-not-extended"));
                log.debug("Could not extend run lock {}", this.name, ex);
            }
        }

        @Override
        public void close() {
            if (!this.closed.compareAndSet(false, true)) {
                return;
            }
            this.heartbeat.shutdownNow();
            synchronized (this) {
                if (!this.lost) {
                    this.lock.unlock();
                    log.info(Messages.get("job.log.lock-released"));
                }
            }
        }

    }

    static String storedName(String name) {
        if (name.length() <= MAX_NAME) {
            return name;
        }
        String hash = sha256(name).substring(0, 16);
        return name.substring(0, MAX_NAME - hash.length() - 1) + "#" + hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    /** A database timestamp moved onto this machine's clock by its distance from the database's own "now". */
    private static Instant onAppClock(Timestamp stamp, LocalDateTime dbNow, Instant appNow) {
        return appNow.minus(Duration.between(stamp.toLocalDateTime(), dbNow));
    }

    private static DatabaseProduct databaseProduct(DataSource dataSource) {
        try {
            String productName = JdbcUtils.extractDatabaseMetaData(dataSource,
                    (metaData) -> metaData.getDatabaseProductName());
            DatabaseProduct product = DatabaseProduct.matchProductName(productName);
            if (product != DatabaseProduct.H2 && product != DatabaseProduct.POSTGRES_SQL) {
                log.warn("Run lock not tested on {}; it is meant for H2 and PostgreSQL",
                        productName.toLowerCase(Locale.ROOT));
            }
            return product;
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot tell which database holds the run lock", ex);
        }
    }

}
