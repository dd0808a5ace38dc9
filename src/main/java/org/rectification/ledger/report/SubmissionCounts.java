package org.rectification.ledger.report;

/**
 * The submission figures of 总体情况 for a month, computed once for the progress workbook and the web board.
 *
 * @param expected departments expected to submit (with tasks)
 * @param received departments that sent anything this month
 * @param onTime departments with a submission accepted by the due day
 * @param accepted departments with an accepted submission
 * @param rejected departments whose submissions were all returned
 * @param missing departments with tasks and nothing accepted (未报送单位)
 * @param files files received this month
 */
public record SubmissionCounts(int expected, int received, int onTime, int accepted, int rejected, int missing,
        int files) {
}
