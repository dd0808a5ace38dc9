package org.rectification.ledger.report;

/**
 * The submission figures of 总体情况 for a month, as the progress workbook and the web board show them: the buckets of
 * {@link MonthSubmissions}, so that 应报送 = 已采纳 + 已退回待重报 + 未报送 wherever they appear.
 *
 * @param expected departments expected to submit (应报送)
 * @param accepted expected departments with an accepted submission (已采纳)
 * @param onTime of those, the ones whose accepted submission arrived by the due day
 * @param returned expected departments whose files were all returned (已退回待重报)
 * @param missing expected departments from which nothing was received (未报送)
 * @param files files received this month
 */
public record SubmissionCounts(int expected, int accepted, int onTime, int returned, int missing, int files) {
}
