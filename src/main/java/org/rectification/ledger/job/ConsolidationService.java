package org.rectification.ledger.job;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.rectification.ledger.system.JobFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.launch.JobOperator;

/**
 * Runs the consolidation on demand for serve mode, one run at a time: triggers that arrive while a run
 * is queued are folded into it; a run that finds the lock taken by another process waits for the next
 * trigger. {@link #shutdown} asks the current run to stop after its chunk, so the next start resumes it.
 */
public class ConsolidationService {

    private static final Logger logger = LoggerFactory.getLogger(ConsolidationService.class);

    private final ConsolidationRunner runner;

    private final RunLock lock;

    private final JobFile job;

    private final Clock clock;

    private final JobOperator jobOperator;

    private final ExecutorService runs = Executors.newSingleThreadExecutor((r) -> new Thread(r, "consolidation"));

    private final AtomicBoolean queued = new AtomicBoolean();

    private volatile int completedRuns;

    public ConsolidationService(ConsolidationRunner runner, RunLock lock, JobFile job, Clock clock,
            JobOperator jobOperator) {
        this.runner = runner;
        this.lock = lock;
        this.job = job;
        this.clock = clock;
        this.jobOperator = jobOperator;
    }

    /** Queues a run unless one is already waiting to start; says why in the log. */
    public void trigger(String why) {
        if (this.queued.compareAndSet(false, true)) {
            logger.info("Run requested: {}", why);
            this.runs.submit(this::runOnce);
        }
    }

    /** Runs finished since start, for tests and status lines. */
    public int completedRuns() {
        return this.completedRuns;
    }

    private void runOnce() {
        this.queued.set(false);
        LocalDate today = LocalDate.now(this.clock);
        RunParameters parameters = new RunParameters(YearMonth.from(today), today, this.job.folders().inbox(), 1);
        Optional<RunLock.Held> held = this.lock.tryAcquire(RunCommandLock.NAME, Duration.ofMinutes(10));
        if (held.isEmpty()) {
            logger.warn("Another run holds the lock ({}); trying again at the next trigger",
                    this.lock.holder(RunCommandLock.NAME).map(RunLock.Holder::lockedBy).orElse("unknown"));
            return;
        }
        try (RunLock.Held ignored = held.get()) {
            ConsolidationRunner.RunOutcome outcome = this.runner.run(parameters);
            logger.info("Run {} {}: {} submission(s), {} row(s) merged", outcome.executionId(), outcome.status(),
                    outcome.submissionsByOutcome(), outcome.rowsMerged());
            this.completedRuns++;
        }
        catch (Exception ex) {
            logger.error("Run failed: {}", ex.getMessage(), ex);
        }
    }

    /** Stops gracefully: the running job finishes its chunk and is marked stopped; queued runs are dropped. */
    public void shutdown(Duration wait) throws InterruptedException {
        this.runs.shutdown();
        try {
            Set<Long> running = this.jobOperator.getRunningExecutions(ConsolidationJobConfiguration.JOB_NAME);
            for (Long id : running) {
                logger.info("Stopping run {} after its current chunk", id);
                this.jobOperator.stop(id);
            }
        }
        catch (Exception ex) {
            logger.warn("Could not stop the running job: {}", ex.getMessage());
        }
        if (!this.runs.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            logger.warn("The run did not stop within {}s", wait.toSeconds());
        }
    }

}
