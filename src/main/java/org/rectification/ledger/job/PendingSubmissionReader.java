package org.rectification.ledger.job;

import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;

import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.Submission;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the month's pending submissions in arrival order. The list comes from the database, not from
 * saved reader state, so a restarted run picks up exactly the submissions not yet committed. The list is handed
 * to the read-ahead, which starts reading the first workbooks at once.
 */
class PendingSubmissionReader implements ItemStreamReader<Submission> {

    private final JdbcSubmissionDao submissions;

    private final YearMonth month;

    private final SubmissionReadAhead readAhead;

    private Iterator<Submission> pending;

    PendingSubmissionReader(JdbcSubmissionDao submissions, YearMonth month, SubmissionReadAhead readAhead) {
        this.submissions = submissions;
        this.month = month;
        this.readAhead = readAhead;
    }

    @Override
    public Submission read() {
        if (this.pending == null) {
            List<Submission> all = this.submissions.pending(this.month);
            this.readAhead.pending(all);
            this.pending = all.iterator();
        }
        return this.pending.hasNext() ? this.pending.next() : null;
    }

    /** The step is over (done, failed or stopped): no reading ahead outlives it. */
    @Override
    public void close() {
        this.readAhead.close();
    }

}
