package org.rectification.ledger.sheet;

import org.apache.poi.ss.SpreadsheetVersion;
import org.rectification.ledger.system.Messages;

/**
 * TextForms as a workbook cell can hold it. An Excel cell holds at most 32,767 characters, and POI refuses a longer
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

    /**
     * The text's width as Excel lays it out, in units of a digit of the default font: CJK and other wide characters
     * take two, and so do the curly quotes and ellipsis a Chinese font draws full width. Column widths and the
     * heights of wrapped rows are estimated from it.
     */
    public static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            width += (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
                    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
                    || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x2018 && c <= 0x201f) || c == 0x2026)) ? 2 : 1;
        }
        return width;
    }

}
