package org.rectification.ledger.sheet;

import java.util.List;
import java.util.Set;

/**
 * What the streaming read cannot see: which sheets are hidden, where pictures are anchored and whether this
 * product wrote the workbook, read cheaply from the package parts (.xlsx) or the BIFF records (.xls).
 *
 * @param sheets every sheet in workbook order
 * @param cellImageIds ids of WPS in-cell pictures (xl/cellimages.xml) that a DISPIMG formula can name
 * @param productMark the {@link org.rectification.ledger.sheet.ProductMark} the workbook carries (what kind of
 * output it is), or null for a workbook this product did not write
 */
record WorkbookOutline(List<SheetOutline> sheets, Set<String> cellImageIds, String productMark) {

    /**
     * @param index zero-based position in the workbook
     * @param name the sheet's name
     * @param hidden hidden or very hidden
     * @param pictures cells (zero-based row, column) a picture's top-left corner is anchored on
     */
    record SheetOutline(int index, String name, boolean hidden, Set<Cell> pictures) {

        /** An .xls sheet name may hold NUL characters too (see {@link CellValue}). */
        SheetOutline {
            name = CellValue.withoutNul(name);
        }

    }

    /** A zero-based cell position. */
    record Cell(int row, int column) {
    }

}
