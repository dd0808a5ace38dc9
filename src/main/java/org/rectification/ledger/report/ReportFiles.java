package org.rectification.ledger.report;

import java.nio.file.Path;

/** The three files a report run wrote, and the overall figures. */
public record ReportFiles(Path ledgerWorkbook, Path progressWorkbook, Path summaryJson, Totals totals) {
}
