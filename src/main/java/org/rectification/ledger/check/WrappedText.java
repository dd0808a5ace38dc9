package org.rectification.ledger.check;

import org.rectification.ledger.sheet.CellText;

/**
 * How tall a wrapped cell's text stands, estimated the way Excel lays it out: the text's display width (CJK and
 * other wide characters count as two width units, one unit being a digit of the 11-point default font), the
 * column's width and the line breaks. Viewers do not grow a row for wrapped text on their own when it is printed
 * or when the row has a height set, so without this the text overprints the rows below.
 */
final class WrappedText {

    /** Points a line takes per point of font size (with the leading). */
    private static final double LINE_FACTOR = 1.35;

    /** Points above and below the text. */
    private static final double PADDING = 4;

    private static final float MAX_ROW_HEIGHT = 409;

    private WrappedText() {
    }

    /** Lines the text takes in a column of this many width units, for a font of this size. */
    static int lines(String text, double columnUnits, double fontPoints) {
        // a larger font fits fewer characters; a little margin for the cell's own padding
        double capacity = Math.max(1, (columnUnits - 1) * 11 / fontPoints);
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            lines += Math.max(1, (int) Math.ceil(displayWidth(line) / capacity));
        }
        return lines;
    }

    /** The row height in points the text needs, at most Excel's limit. */
    static float height(String text, double columnUnits, double fontPoints) {
        double points = lines(text, columnUnits, fontPoints) * fontPoints * LINE_FACTOR + PADDING;
        return (float) Math.min(points, MAX_ROW_HEIGHT);
    }

    static int displayWidth(String text) {
        return CellText.displayWidth(text);
    }

}
