package org.rectification.ledger.sheet;

/**
 * A column of a department's table.
 *
 * @param index zero-based column index in the sheet
 * @param header the header as written in the sheet (for a two-row header, "group/sub" when the group
 * adds meaning, otherwise the sub-header), used in findings so the clerk recognises it
 * @param field what the column holds, or null for a column we do not know (kept and reported)
 */
public record SheetColumn(int index, String header, Field field) {

    /** Excel's column letter: A, B, ..., Z, AA, ... */
    public String letter() {
        StringBuilder letters = new StringBuilder();
        int n = this.index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            letters.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return letters.toString();
    }

}
