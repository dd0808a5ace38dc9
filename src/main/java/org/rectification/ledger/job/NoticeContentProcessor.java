package org.rectification.ledger.job;

import java.nio.file.Path;
import java.util.List;

import org.rectification.ledger.check.Finding;
import org.rectification.ledger.check.ReturnNotice;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.intake.SubmissionLocator;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Gathers what a due notice is written from: the submission's findings as committed, and its file where it lies
 * now (a rerun after a kill may find it already moved out of the inbox). An entry set aside unread is never opened
 * here either: only its reason goes in the notice.
 */
class NoticeContentProcessor implements ItemProcessor<DueNotice, NoticeItem> {

    private final JdbcLedgerDao ledger;

    private final SubmissionLocator locator;

    NoticeContentProcessor(JdbcSubmissionDao submissions, JdbcLedgerDao ledger, Path archiveFolder,
            Path rejectedFolder) {
        this.ledger = ledger;
        this.locator = new SubmissionLocator(submissions, archiveFolder, rejectedFolder);
    }

    @Override
    public NoticeItem process(DueNotice notice) {
        Submission submission = notice.submission();
        List<Finding> findings = this.ledger.findingsOf(submission.id());
        ReturnNotice returnNotice = ReturnNotice.ofStoredFindings(submission.fileName(), submission.department(),
                findings, submission.outcome() == Outcome.REJECTED);
        Path source = (submission.setAside() == null) ? this.locator.locate(submission).orElse(null) : null;
        return new NoticeItem(notice.target(), source, returnNotice);
    }

}
