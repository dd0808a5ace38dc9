package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Moves each file whose outcome is committed out of the inbox: to {@code archive/YYYY-MM/} when it was
 * processed (accepted, duplicate, superseded), to {@code rejected/} when it was rejected or set aside. Runs last, so a
 * file only leaves the inbox once its outcome is durable; nothing is ever deleted or overwritten. A name already
 * taken gets a number, within the file-name limit; an entry that cannot be moved stays, and only it.
 */
public class ArchiveTasklet implements Tasklet {

    private static final Logger logger = LoggerFactory.getLogger(ArchiveTasklet.class);

    private final JdbcSubmissionDao submissions;

    private final Path archive;

    private final Path rejected;

    private final SubmissionLocator locator;

    public ArchiveTasklet(JdbcSubmissionDao submissions, Path archive, Path rejected) {
        this.submissions = submissions;
        this.locator = new SubmissionLocator(submissions, archive, rejected);
        this.archive = archive;
        this.rejected = rejected;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        int moved = 0;
        for (Submission submission : this.submissions.decidedButNotMoved()) {
            boolean notTaken = submission.outcome() == Outcome.REJECTED || submission.outcome() == Outcome.SET_ASIDE;
            Path folder = notTaken ? this.rejected
                    : this.archive.resolve(submission.month().toString());
            Path source = submission.inboxPath();
            // a link is moved as the link itself, never followed; a dangling one still exists here
            if (Files.notExists(source, LinkOption.NOFOLLOW_LINKS)) {
                // a run killed between the move and its record finds the file where it went
                Path already = this.locator.movedCopy(folder, submission);
                if (already == null) {
                    logger.error(Messages.get("intake.log.lost", source.toString(), folder.toString()));
                    continue;
                }
                this.submissions.markMoved(submission.id(), already);
                continue;
            }
            Files.createDirectories(folder);
            Path target = FileNames.free(folder, submission.fileName());
            try {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (IOException ex) {
                // this entry only: it stays in the inbox with its outcome recorded, the next run tries again
                logger.error("{} could not be moved to {} ({}); it stays in the inbox and the next run tries again",
                        source, target, ex.toString());
                continue;
            }
            CrashPoint.reach("archiveStep:moved-" + (++moved));
            this.submissions.markMoved(submission.id(), target);
            contribution.incrementWriteCount(1);
        }
        return RepeatStatus.FINISHED;
    }

}
