package org.rectification.ledger.system;

import org.apache.poi.ss.SpreadsheetVersion;

/**
 * Text as a workbook cell can hold it. An Excel cell holds at most 32,767 characters, and POI refuses a longer
 * value outright; a department's own cell never exceeds it, but a finding quoting such a cell does, and a
 * hand-made .xlsx can carry longer strings than Excel writes. A longer text is cut and says so at its end,
 * pointing to summary.json and the ledger database, which keep it whole.
 */
public final class CellText {

    /** The most characters a cell holds (Excel's limit, the same for .xls and .xlsx). */
    public static final int MAX_LENGTH = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private CellText() {
    }

    /** The text itself when it fits a cell, else its beginning followed by the note that it was cut. */
    public static String fit(String text) {
        return fit(text, MAX_LENGTH);
    }

    /** The same for a cell-like place with a smaller limit (a comment, a header line). */
    public static String fit(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        String note = Messages.get("system.cell-text.cut");
        int keep = Math.max(0, maxLength - note.length());
        // never split a surrogate pair: half a character shows as garbage
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + note;
    }

}
