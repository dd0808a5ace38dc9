package org.rectification.ledger.job;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the consolidation on demand for serve mode, one run at a time: triggers that arrive while a run
 * is queued are folded into it; a run that finds the lock taken by another process logs who holds it and
 * tries again shortly. {@link #shutdown} asks the current run to stop after its chunk, so the next start
 * resumes it.
 */
public class ConsolidationService {

    private static final Logger logger = LoggerFactory.getLogger(ConsolidationService.class);

    private static final Logger technical = LoggerFactory.getLogger("org.rectification.ledger.technical");

    /** How long serve mode waits before trying again when another process holds the run lock. */
    static final Duration LOCK_RETRY = Duration.ofSeconds(30);

    private final ConsolidationRunner runner;

    private final RunLock lock;

    private final JobFile job;

    private final Clock clock;

    private final StopRequest stopRequest;

    private final ScheduledThreadPoolExecutor runs;

    private final AtomicBoolean queued = new AtomicBoolean();

    private final AtomicBoolean running = new AtomicBoolean();

    private volatile boolean stopping;

    private volatile int completedRuns;

    public ConsolidationService(ConsolidationRunner runner, RunLock lock, JobFile job, Clock clock,
            StopRequest stopRequest) {
        this.runner = runner;
        this.lock = lock;
        this.job = job;
        this.clock = clock;
        this.stopRequest = stopRequest;
        this.runs = new ScheduledThreadPoolExecutor(1, (r) -> new Thread(r, "consolidation"));
        // on shutdown, a retry waiting for the lock is dropped, not run
        this.runs.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Queues a run unless one is already waiting to start or we are stopping; says why in the log. */
    public void trigger(String why) {
        if (this.stopping || this.runs.isShutdown()) {
            return;
        }
        if (this.queued.compareAndSet(false, true)) {
            logger.info(Messages.get("job.log.requested", why));
            this.runs.execute(this::runOnce);
        }
    }

    /** Whether a run is waiting to start or running in this process ("run now" says so instead of queuing). */
    public boolean busy() {
        return this.queued.get() || this.running.get();
    }

    /** Runs completed since start (stopped and failed runs do not count), for tests and status lines. */
    public int completedRuns() {
        return this.completedRuns;
    }

    private void runOnce() {
        this.queued.set(false);
        if (this.stopping) {
            return;
        }
        LocalDate today = LocalDate.now(this.clock);
        RunParameters parameters = new RunParameters(YearMonth.from(today), today, this.job.folders().inbox(), 1);
        Optional<RunLock.Held> held = this.lock.tryAcquire(RunCommandLock.NAME, RunCommandLock.MAX_HOLD);
        if (held.isEmpty()) {
            logger.warn(Messages.get("job.log.lock-busy", this.lock.holder(RunCommandLock.NAME)
                .map((h) -> h.lockedBy() + ", " + h.lockedAt())
                .orElse("?"), String.valueOf(LOCK_RETRY.toSeconds())));
            this.runs.schedule(() -> trigger(Messages.get("job.log.reason.retry")), LOCK_RETRY.toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        this.running.set(true);
        try (RunLock.Held ignored = held.get()) {
            ConsolidationRunner.RunOutcome outcome = this.runner.run(parameters);
            logger.info(Messages.get("job.log.run-done", String.valueOf(outcome.executionId()),
                    Messages.get("cli.run.status." + outcome.status()), outcome.submissionsByOutcome().toString(),
                    String.valueOf(outcome.rowsMerged())));
            if (outcome.completed()) {
                this.completedRuns++;
            }
            else {
                RunFault.duringRun(outcome.failures(), this.job).ifPresent((fault) -> logger.error("{}", fault));
            }
        }
        catch (Exception ex) {
            logger.error(RunFault.duringRun(List.of(ex), this.job).orElse(Messages.get("job.log.run-failed")));
            technical.error("Run failed", ex);
        }
        finally {
            this.running.set(false);
        }
    }

    /**
     * Stops gracefully: no new run starts, a queued one is dropped, the running job finishes its chunk and
     * is marked stopped. Returns whether everything stopped within {@code wait}.
     */
    public boolean shutdown(Duration wait) throws InterruptedException {
        this.stopping = true;
        this.runs.shutdown();
        if (this.running.get()) {
            logger.info(Messages.get("job.log.stopping"));
        }
        // taken by the running step on its own thread, at its next chunk boundary or before its next step
        this.stopRequest.request();
        if (!this.runs.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            logger.warn(Messages.get("job.log.stop-timeout", String.valueOf(wait.toSeconds())));
            return false;
        }
        return true;
    }

}
