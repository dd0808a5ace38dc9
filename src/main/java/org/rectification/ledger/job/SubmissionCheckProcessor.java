package org.rectification.ledger.job;

import java.time.YearMonth;

import org.rectification.ledger.check.CheckedSubmission;
import org.rectification.ledger.check.SheetCheck;
import org.rectification.ledger.intake.SetAside;
import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads a submission's workbook and applies every rule, through the same {@link SheetCheck} as
 * {@code ledger check}. Bad data never throws: a file that cannot be read becomes a rejected submission with
 * its reason, so one hostile file never stops the night's run.
 */
class SubmissionCheckProcessor implements ItemProcessor<Submission, CheckedItem> {

    private static final Logger logger = LoggerFactory.getLogger(SubmissionCheckProcessor.class);

    /** Stack traces go to the log file only (see logback-spring.xml). */
    private static final Logger technical = LoggerFactory.getLogger("org.rectification.ledger.technical");

    private final SubmissionReadAhead reader;

    private final SheetCheck sheetCheck;

    private final JdbcLedgerDao ledger;

    private final YearMonth month;

    /**
     * @param reader reads the workbooks ahead, as {@code sheetCheck} reads them (same settings)
     * @param sheetCheck reads (when not read ahead) and checks each workbook
     */
    SubmissionCheckProcessor(SubmissionReadAhead reader, SheetCheck sheetCheck, JdbcLedgerDao ledger, YearMonth month) {
        this.reader = reader;
        // a reader bug on one odd file: the clerk sees that the file was rejected as unreadable, the log says why
        this.sheetCheck = sheetCheck.reportingReaderFailures(
                (fileName) -> logger.warn(Messages.get("job.log.read-failed", fileName)));
        this.ledger = ledger;
        this.month = month;
    }

    @Override
    public CheckedItem process(Submission submission) {
        CheckedSubmission checked;
        SetAside setAside = submission.setAside();
        if (setAside != null) {
            // never opened: a FIFO would block, a link may lead out of the inbox
            checked = this.sheetCheck.setAside(submission.fileName(), setAside.kind().failure(), setAside.reason(),
                    setAside.expected());
            technical.info("{}: rejected unread ({})", submission.fileName(), setAside.kind());
            return new CheckedItem(submission, checked);
        }
        checked = this.sheetCheck.check(submission.inboxPath(), submission.fileName(),
                () -> this.reader.read(submission), (department) -> this.ledger.previousMonth(department, this.month));
        String outcome = checked.setAside() ? "job.log.set-aside" : checked.rejected() ? "job.log.rejected" : "job.log.accepted";
        logger.info(Messages.get("job.log.checked", submission.fileName(), Messages.get(outcome),
                checked.findings().size(), checked.mergeable().size()));
        return new CheckedItem(submission, checked);
    }

}
