package org.rectification.ledger.job;

import java.util.Iterator;

import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.Submission;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads the month's pending submissions in arrival order. The list comes from the database, not from
 * saved reader state, so a restarted run picks up exactly the submissions not yet committed.
 */
class PendingSubmissionReader implements ItemReader<Submission> {

    private final JdbcSubmissionDao submissions;

    private final String month;

    private Iterator<Submission> pending;

    PendingSubmissionReader(JdbcSubmissionDao submissions, String month) {
        this.submissions = submissions;
        this.month = month;
    }

    @Override
    public Submission read() {
        if (this.pending == null) {
            this.pending = this.submissions.pending(this.month).iterator();
        }
        return this.pending.hasNext() ? this.pending.next() : null;
    }

}
