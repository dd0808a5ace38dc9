/**
 * Reading department submissions: format sniffing by bytes, hostile-file limits, header detection, merged-cell
 * fill, task rows, deadlines, status words and the signature block, into the read model ({@link
 * org.rectification.ledger.sheet.ReadSubmission}). Entry point: {@link org.rectification.ledger.sheet.SubmissionReader}.
 * EasyExcel is used only in {@code EasyExcelSheetSource}.
 */
package org.rectification.ledger.sheet;
