/**
 * The outputs supervisors receive after a month's merge: the master ledger workbook (整改总台账), the monthly
 * progress workbook (月度整改进展) and summary.json, all read from the ledger database through the DAOs that own its tables (the ledger's for tasks and
 * findings, intake's for submissions); report issues no SQL of its own. Entry point:
 * {@link org.rectification.ledger.report.MonthlyReports}.
 */
package org.rectification.ledger.report;
