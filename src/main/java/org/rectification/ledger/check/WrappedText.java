package org.rectification.ledger.check;

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

    /**
     * Characters as Excel lays them out: CJK and other wide characters take two width units, and so do the curly
     * quotes and ellipsis a Chinese font draws full width.
     */
    static int displayWidth(String text) {
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
