package org.rectification.ledger.job;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Runs the consolidation job for a month, restarting an interrupted run with the same parameters instead
 * of starting a new one. The caller holds the run lock, so an execution still marked as running, or left
 * UNKNOWN by a database that went away while its status was written, belongs to a run that is over: it is
 * marked failed and restarted from where it stopped.
 */
@Component
public class ConsolidationRunner {

    private static final Logger logger = LoggerFactory.getLogger(ConsolidationRunner.class);

    /** States an execution is left in by a run that died or lost its database before it could end it. */
    private static final Set<BatchStatus> UNFINISHED = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
            BatchStatus.STOPPING, BatchStatus.UNKNOWN);

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final Job consolidationJob;

    private final JdbcSubmissionDao submissions;

    private final JobFile job;

    public ConsolidationRunner(JobOperator jobOperator, JobRepository jobRepository, Job consolidationJob,
            JdbcSubmissionDao submissions, JobFile job) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.consolidationJob = consolidationJob;
        this.submissions = submissions;
        this.job = job;
    }

    /**
     * What a run did, for the command line.
     *
     * @param rowsMerged rows merged from the files that stand (accepted, not superseded)
     * @param rowsReplaced rows of files a later file of the same department and month superseded
     * @param failures what the run's steps failed with, for {@link RunFault}
     */
    public record RunOutcome(long executionId, BatchStatus status, String exitDescription,
            Map<String, Integer> submissionsByOutcome, int rowsMerged, int rowsReplaced, List<Throwable> failures) {

        public boolean completed() {
            return this.status == BatchStatus.COMPLETED;
        }

    }

    public RunOutcome run(RunParameters parameters) throws Exception {
        // Before anything is written: whatever an interrupted run was writing is not finished work.
        LeftoverFiles.remove(List.of(this.job.folders().out(), this.job.folders().rejected()));
        RunParameters attempt = parameters.withAttempt(1);
        JobExecution execution;
        while (true) {
            JobParameters jobParameters = attempt.toJobParameters();
            JobInstance instance = this.jobRepository.getJobInstance(ConsolidationJobConfiguration.JOB_NAME,
                    jobParameters);
            if (instance == null) {
                execution = launch(() -> this.jobOperator.start(this.consolidationJob, jobParameters));
                break;
            }
            JobExecution last = this.jobRepository.getLastJobExecution(instance);
            if (last == null || last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
                attempt = attempt.withAttempt(attempt.attempt() + 1);
                continue;
            }
            recoverUnfinished(last);
            logger.info(Messages.get("job.log.restarting", String.valueOf(last.getId()), parameters.month().toString()));
            JobExecution restartable = last;
            execution = launch(() -> this.jobOperator.restart(restartable));
            break;
        }
        return outcome(execution);
    }

    /**
     * Marks an execution and its steps failed where they were left unfinished, so Spring Batch restarts them.
     * {@link JobOperator#recover} does this for running states only and refuses UNKNOWN, which Spring Batch
     * writes when it could not record a step's end: the run lock says no other run is going, and every step
     * is written to be redone from the committed state, so redoing the UNKNOWN step is safe here.
     */
    private void recoverUnfinished(JobExecution last) {
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : last.getStepExecutions()) {
            if (UNFINISHED.contains(step.getStatus())) {
                logger.warn(Messages.get("job.log.recovering-step", step.getStepName(), String.valueOf(last.getId()),
                        step.getStatus().toString()));
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted"));
                step.setEndTime(now);
                this.jobRepository.update(step);
            }
        }
        if (UNFINISHED.contains(last.getStatus())) {
            logger.warn(Messages.get("job.log.recovering", String.valueOf(last.getId()), last.getStatus().toString()));
            last.setStatus(BatchStatus.FAILED);
            last.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted"));
            last.setEndTime(now);
            this.jobRepository.update(last);
        }
    }

    private interface Launch {

        JobExecution launch() throws Exception;

    }

    private JobExecution launch(Launch launch) throws Exception {
        JobExecution execution = launch.launch();
        MDC.remove("runId");
        return execution;
    }

    private RunOutcome outcome(JobExecution execution) {
        // A restarted run decides files an earlier execution of the same run took in: count the whole run.
        List<Long> executions = this.jobRepository.getJobExecutions(execution.getJobInstance())
            .stream()
            .map(JobExecution::getId)
            .toList();
        JdbcSubmissionDao.RunTally tally = this.submissions.tally(executions);
        String description = execution.getAllFailureExceptions().stream()
            .map((ex) -> ex.getClass().getSimpleName() + ": " + ex.getMessage())
            .findFirst()
            .orElse(execution.getExitStatus().getExitDescription());
        return new RunOutcome(execution.getId(), execution.getStatus(), description, tally.byOutcome(),
                tally.rowsMerged(), tally.rowsReplaced(), List.copyOf(execution.getAllFailureExceptions()));
    }

}
