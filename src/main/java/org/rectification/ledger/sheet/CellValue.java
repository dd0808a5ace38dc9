package org.rectification.ledger.sheet;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One non-empty cell as read from the file: its display text, and the date or number behind it when the
 * cell holds one, so a real date cell is never confused with text.
 *
 * @param text display text (a date cell as yyyy-MM-dd, a number without trailing zeros)
 * @param date the date of a date-formatted numeric cell, otherwise null
 * @param number the number of a numeric cell that is not date-formatted, otherwise null
 * @param formula the formula of a formula cell (its cached value is in text/date/number), otherwise null
 */
record CellValue(String text, LocalDate date, BigDecimal number, String formula) {

    /** An .xls may hold NUL characters in a text; PostgreSQL stores no text with one, and nobody sees them. */
    CellValue {
        text = withoutNul(text);
    }

    static String withoutNul(String text) {
        return (text != null && text.indexOf('\0') >= 0) ? text.replace("\0", "") : text;
    }

    static CellValue ofText(String text) {
        return new CellValue(text, null, null, null);
    }

}
