package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.rectification.ledger.system.CrashPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Moves each file whose outcome is committed out of the inbox: to {@code archive/YYYY-MM/} when it was
 * processed (accepted, duplicate, superseded), to {@code rejected/} when it was rejected. Runs last, so a
 * file only leaves the inbox once its outcome is durable; nothing is ever deleted or overwritten.
 */
public class ArchiveTasklet implements Tasklet {

    private static final Logger logger = LoggerFactory.getLogger(ArchiveTasklet.class);

    private final JdbcSubmissionDao submissions;

    private final Path archive;

    private final Path rejected;

    public ArchiveTasklet(JdbcSubmissionDao submissions, Path archive, Path rejected) {
        this.submissions = submissions;
        this.archive = archive;
        this.rejected = rejected;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        int moved = 0;
        for (Submission submission : this.submissions.decidedButNotMoved()) {
            Path folder = (submission.outcome() == Outcome.REJECTED) ? this.rejected
                    : this.archive.resolve(submission.month());
            Path source = submission.inboxPath();
            if (!Files.exists(source)) {
                // a run killed between the move and its record finds the file where it went
                Path already = SubmissionLocator.movedCopy(folder, submission);
                if (already == null) {
                    logger.error("{} is no longer in the inbox and was not found in {}; its outcome stays recorded",
                            source, folder);
                    continue;
                }
                this.submissions.markMoved(submission.id(), already);
                continue;
            }
            Files.createDirectories(folder);
            Path target = freeName(folder, submission.fileName());
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            CrashPoint.reach("archiveStep:moved-" + (++moved));
            this.submissions.markMoved(submission.id(), target);
            contribution.incrementWriteCount(1);
        }
        return RepeatStatus.FINISHED;
    }

    /** The file's own name, or name(2).ext, name(3).ext... when a file of that name is already there. */
    static Path freeName(Path folder, String fileName) {
        Path target = folder.resolve(fileName);
        int n = 2;
        String base = baseName(fileName);
        String extension = fileName.substring(base.length());
        while (Files.exists(target)) {
            target = folder.resolve(base + "(" + n++ + ")" + extension);
        }
        return target;
    }

    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return (dot > 0) ? fileName.substring(0, dot) : fileName;
    }

}
