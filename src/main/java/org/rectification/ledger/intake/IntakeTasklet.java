package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Takes the inbox's ready files in: each is registered by the SHA-256 of its bytes, as pending, or as a
 * duplicate of bytes already processed. A file left in the inbox by an interrupted run is recognised
 * (same bytes, same place, not yet moved) and taken up again rather than counted twice.
 */
public class IntakeTasklet implements Tasklet {

    private static final Logger logger = LoggerFactory.getLogger(IntakeTasklet.class);

    private final InboxScanner scanner;

    private final JdbcSubmissionDao submissions;

    private final Path inbox;

    private final String month;

    private final Clock clock;

    public IntakeTasklet(InboxScanner scanner, JdbcSubmissionDao submissions, Path inbox, String month, Clock clock) {
        this.scanner = scanner;
        this.submissions = submissions;
        this.inbox = inbox;
        this.month = month;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        long jobExecutionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
        Instant now = this.clock.instant();
        InboxScanner.Scan scan = this.scanner.scan(this.inbox, now);
        int taken = 0;
        for (InboxScanner.InboxFile file : scan.ready()) {
            String sha256 = ContentHash.of(file.path());
            String location = file.path().toAbsolutePath().toString();
            List<Submission> known = this.submissions.findBySha256(sha256);
            Submission interrupted = known.stream()
                .filter((s) -> s.movedTo() == null && s.inboxPath().toString().equals(location))
                .findFirst()
                .orElse(null);
            if (interrupted != null) {
                this.submissions.adoptPending(interrupted.id(), this.month, jobExecutionId);
                continue;
            }
            if (!known.isEmpty()) {
                Submission original = known.get(0);
                this.submissions.register(file, sha256, this.month, Outcome.DUPLICATE, original.id(),
                        original.department(), jobExecutionId, now);
                logger.info(Messages.get("job.log.duplicate", file.path().getFileName().toString(), original.fileName()));
                continue;
            }
            this.submissions.register(file, sha256, this.month, Outcome.PENDING, null, null, jobExecutionId, now);
            taken++;
        }
        contribution.incrementReadCount();
        logger.info(Messages.get("job.log.intake", this.inbox.toString(), String.valueOf(taken),
                String.valueOf(scan.settling().size()), String.valueOf(scan.ignored().size())));
        return RepeatStatus.FINISHED;
    }

}
