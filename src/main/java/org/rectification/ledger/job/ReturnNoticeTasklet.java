package org.rectification.ledger.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.rectification.ledger.check.CheckedSubmission;
import org.rectification.ledger.check.Finding;
import org.rectification.ledger.check.ReturnNoticeWriter;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.rectification.ledger.system.Messages;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes a return notice (退回意见) for every checked submission with findings, from the findings as
 * committed: next to the file in rejected/ when it was rejected, under out/退回意见/单位/ when it was
 * accepted with corrections requested.
 */
class ReturnNoticeTasklet implements Tasklet {

    private final JdbcSubmissionDao submissions;

    private final JdbcLedgerDao ledger;

    private final ReturnNoticeWriter writer;

    private final Path rejectedFolder;

    private final Path outFolder;

    private final String month;

    ReturnNoticeTasklet(JdbcSubmissionDao submissions, JdbcLedgerDao ledger, ReturnNoticeWriter writer,
            Path rejectedFolder, Path outFolder, String month) {
        this.submissions = submissions;
        this.ledger = ledger;
        this.writer = writer;
        this.rejectedFolder = rejectedFolder;
        this.outFolder = outFolder;
        this.month = month;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        for (Submission submission : this.submissions.needingNotice(this.month)) {
            List<Finding> findings = this.ledger.findingsOf(submission.id());
            boolean rejected = submission.outcome() == Outcome.REJECTED;
            CheckedSubmission checked = new CheckedSubmission(submission.fileName(), null, submission.department(),
                    findings, List.of(), rejected);
            Path target = noticePath(submission, rejected);
            this.writer.write(submission.inboxPath(), checked, target);
            this.submissions.markNotice(submission.id(), target);
            contribution.incrementWriteCount(1);
        }
        return RepeatStatus.FINISHED;
    }

    private Path noticePath(Submission submission, boolean rejected) {
        String name = ReturnNoticeWriter.noticeFileName(submission.fileName());
        if (rejected) {
            return this.rejectedFolder.resolve(name);
        }
        String department = (submission.department() != null) ? submission.department()
                : Messages.get("job.unknown-department");
        return this.outFolder.resolve(Messages.get("job.notice-folder")).resolve(this.month).resolve(department)
            .resolve(name);
    }


}
