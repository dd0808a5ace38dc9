/**
 * The outputs supervisors receive after a month's merge: the master ledger workbook (整改总台账), the monthly
 * progress workbook (月度整改进展) and summary.json, all read from the ledger database. Entry point:
 * {@link org.rectification.ledger.report.MonthlyReports}.
 */
package org.rectification.ledger.report;
