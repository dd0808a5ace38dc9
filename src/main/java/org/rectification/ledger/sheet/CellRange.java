package org.rectification.ledger.sheet;

/**
 * A merged range of cells, zero-based and inclusive.
 */
record CellRange(int firstRow, int lastRow, int firstColumn, int lastColumn) {

    boolean contains(int row, int column) {
        return row >= this.firstRow && row <= this.lastRow && column >= this.firstColumn && column <= this.lastColumn;
    }

    boolean vertical() {
        return this.lastRow > this.firstRow;
    }

    boolean horizontal() {
        return this.lastColumn > this.firstColumn;
    }

}
