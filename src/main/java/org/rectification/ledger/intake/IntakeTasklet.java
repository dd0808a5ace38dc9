package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
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
 * <p>
 * Whatever one entry does ends as that entry's outcome: an entry the scanner set aside (a special file, a link
 * that cannot be followed, a file over the size limit) or a file that cannot be read is registered as pending with
 * its reason, and the check step rejects it without reading it. The run goes on with the others.
 */
public class IntakeTasklet implements Tasklet {

    private static final Logger logger = LoggerFactory.getLogger(IntakeTasklet.class);

    /** Technical detail (exception texts) behind the Chinese lines: the log file only. */
    private static final Logger technical = LoggerFactory.getLogger("org.rectification.ledger.technical");

    /** Reads a file's identity; {@link ContentHash#of} but for tests that make reading fail. */
    interface Hasher {

        String hash(Path file) throws IOException;

    }

    private final InboxScanner scanner;

    private final JdbcSubmissionDao submissions;

    private final Path inbox;

    private final YearMonth month;

    private final Clock clock;

    private final Hasher hasher;

    public IntakeTasklet(InboxScanner scanner, JdbcSubmissionDao submissions, Path inbox, YearMonth month, Clock clock) {
        this(scanner, submissions, inbox, month, clock, ContentHash::of);
    }

    IntakeTasklet(InboxScanner scanner, JdbcSubmissionDao submissions, Path inbox, YearMonth month, Clock clock,
            Hasher hasher) {
        this.scanner = scanner;
        this.submissions = submissions;
        this.inbox = inbox;
        this.month = month;
        this.clock = clock;
        this.hasher = hasher;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        takeIn(chunkContext.getStepContext().getStepExecution().getJobExecutionId());
        contribution.incrementReadCount();
        return RepeatStatus.FINISHED;
    }

    /** Registers every ready entry of the inbox; returns how many were taken in to be checked. */
    int takeIn(long jobExecutionId) throws IOException {
        Instant now = this.clock.instant();
        InboxScanner.Scan scan = this.scanner.scan(this.inbox, now);
        int taken = 0;
        int setAside = 0;
        for (InboxScanner.InboxFile file : scan.ready()) {
            if (file.setAside() != null) {
                setAside += registerSetAside(file, jobExecutionId, now);
                continue;
            }
            String sha256;
            try {
                sha256 = this.hasher.hash(file.path());
            }
            catch (NoSuchFileException ex) {
                logger.info(Messages.get("intake.log.removed", file.path().toString()));
                continue;
            }
            catch (IOException ex) {
                setAside += registerSetAside(unreadable(file, ex), jobExecutionId, now);
                continue;
            }
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
        logger.info(Messages.get("job.log.intake", this.inbox.toString(), String.valueOf(taken),
                String.valueOf(setAside), String.valueOf(scan.settling().size()), String.valueOf(scan.ignored().size())));
        return taken;
    }

    /**
     * Registers an entry set aside, never read: pending with its reason, rejected by the check step. One already
     * registered and still in the inbox (an interrupted run, or an entry that could not be moved) is not registered
     * twice; left pending, it is taken up by this run.
     */
    private int registerSetAside(InboxScanner.InboxFile file, long jobExecutionId, Instant now) {
        Submission earlier = this.submissions.unmovedAt(file.path()).orElse(null);
        if (earlier != null) {
            this.submissions.adoptPending(earlier.id(), this.month, jobExecutionId);
            return 0;
        }
        this.submissions.register(file, null, this.month, Outcome.PENDING, null, null, jobExecutionId, now);
        logger.warn(Messages.get("intake.log.set-aside", file.path().toString(), file.setAside().reason()));
        return 1;
    }

    /** A file whose bytes could not be read: the reason for the clerk, the exception for the log. */
    private static InboxScanner.InboxFile unreadable(InboxScanner.InboxFile file, IOException ex) {
        String name = file.path().getFileName().toString();
        SetAside reason = (ex instanceof AccessDeniedException) ? SetAside.of(SetAside.Kind.NO_PERMISSION, name)
                : SetAside.of(SetAside.Kind.READ_ERROR, name);
        technical.warn("{} cannot be read ({}): set aside", file.path(), ex.toString());
        return file.withSetAside(reason);
    }

}
