/**
 * Reading department submissions: format sniffing by bytes, hostile-file limits, sheet visibility, pictures,
 * header detection, merged-cell fill, task rows, deadlines, status words and the signature block, into the read
 * model ({@link org.rectification.ledger.sheet.ReadSubmission}), and the sheets as a return notice copies them
 * ({@link org.rectification.ledger.sheet.SourceWorkbook}). Entry point for both:
 * {@link org.rectification.ledger.sheet.SubmissionReader}. EasyExcel is used only in {@code EasyExcelSheetSource}.
 */
package org.rectification.ledger.sheet;
