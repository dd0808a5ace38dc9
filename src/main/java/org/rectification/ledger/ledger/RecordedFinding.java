package org.rectification.ledger.ledger;

import java.time.YearMonth;

import org.rectification.ledger.check.Finding;

/**
 * A finding as the ledger recorded it for a checked submission.
 *
 * @param department the department of the submission it was found in, or null when that could not be told
 */
public record RecordedFinding(long id, long submissionId, YearMonth month, String department, Finding finding) {
}
