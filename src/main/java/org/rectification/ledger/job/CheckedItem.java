package org.rectification.ledger.job;

import org.rectification.ledger.check.CheckedSubmission;
import org.rectification.ledger.intake.Submission;

/**
 * A registered submission with what the checks made of it: the item the merge step writes.
 */
record CheckedItem(Submission submission, CheckedSubmission checked) {
}
