package org.rectification.ledger.sheet;

/**
 * A signer label found in a signature block, with what stands after it.
 *
 * @param label the signer label without colon or decoration, e.g. "审核人", "单位负责人"
 * @param name the typed name after the label, or null
 * @param picture true when a picture (signature scan or seal) is anchored on or next to the label's cell
 * or embedded in it (WPS DISPIMG)
 * @param sheet sheet name
 * @param row 1-based row of the label's cell
 * @param column 0-based column of the label's cell
 */
public record SignatureMark(String label, String name, boolean picture, String sheet, int row, int column) {

    public boolean signed() {
        return (this.name != null && !this.name.isBlank()) || this.picture;
    }

}
