package org.rectification.ledger.job;

import org.rectification.ledger.check.CheckedSubmission;
import org.rectification.ledger.check.SubmissionChecker;
import org.rectification.ledger.intake.SetAside;
import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.rectification.ledger.sheet.ReadSubmission;
import org.rectification.ledger.sheet.SheetReadException;
import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads a submission's workbook and applies every rule. Bad data never throws: a file that cannot be
 * read becomes a rejected submission with its reason, so one hostile file never stops the night's run.
 */
class SubmissionCheckProcessor implements ItemProcessor<Submission, CheckedItem> {

    private static final Logger logger = LoggerFactory.getLogger(SubmissionCheckProcessor.class);

    /** Stack traces go to the log file only (see logback-spring.xml). */
    private static final Logger technical = LoggerFactory.getLogger("org.rectification.ledger.technical");

    private final SubmissionReadAhead reader;

    private final SubmissionChecker checker;

    private final JdbcLedgerDao ledger;

    private final String month;

    SubmissionCheckProcessor(SubmissionReadAhead reader, SubmissionChecker checker, JdbcLedgerDao ledger, String month) {
        this.reader = reader;
        this.checker = checker;
        this.ledger = ledger;
        this.month = month;
    }

    @Override
    public CheckedItem process(Submission submission) {
        CheckedSubmission checked;
        SetAside setAside = submission.setAside();
        if (setAside != null) {
            // never opened: a FIFO would block, a link may lead out of the inbox
            checked = this.checker.setAside(submission.fileName(), setAside.kind().failure(), setAside.reason(),
                    setAside.expected());
            technical.info("{}: rejected unread ({})", submission.fileName(), setAside.kind());
            return new CheckedItem(submission, checked);
        }
        try {
            ReadSubmission read = this.reader.read(submission);
            checked = this.checker.check(submission.fileName(), read,
                    (department) -> this.ledger.previousMonth(department, this.month));
        }
        catch (SheetReadException ex) {
            checked = this.checker.unreadable(submission.fileName(), ex);
        }
        catch (RuntimeException | StackOverflowError ex) {
            // A reader bug on one odd file must not stop the night: the file is set aside with the reason.
            logger.warn(Messages.get("job.log.read-failed", submission.fileName()));
            technical.error("{} could not be read", submission.fileName(), ex);
            checked = this.checker.unreadable(submission.fileName(),
                    SheetReadException.unexpected(submission.inboxPath(), ex));
        }
        String outcome = checked.setAside() ? "job.log.set-aside" : checked.rejected() ? "job.log.rejected" : "job.log.accepted";
        logger.info(Messages.get("job.log.checked", submission.fileName(), Messages.get(outcome),
                checked.findings().size(), checked.mergeable().size()));
        return new CheckedItem(submission, checked);
    }

}
