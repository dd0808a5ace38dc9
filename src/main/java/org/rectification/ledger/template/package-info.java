/**
 * Next month's sheets, pre-filled: for each department a workbook in the office's layout with its open tasks from
 * the ledger, the ledger's columns protected and the progress columns, the signature block and 填报日期 left to
 * fill, ready to print or to mail. Entry point: {@link org.rectification.ledger.template.MonthlyTemplates}.
 */
package org.rectification.ledger.template;
