package org.rectification.ledger.job;

import java.nio.file.Path;

import org.rectification.ledger.intake.Submission;

/**
 * A checked submission whose return notice is still to be written, with the name reserved for the notice: the item
 * the notice step reads.
 */
record DueNotice(Submission submission, Path target) {
}
