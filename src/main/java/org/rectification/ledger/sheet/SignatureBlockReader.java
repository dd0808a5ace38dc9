package org.rectification.ledger.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the signature block below a table: one {@link SignatureMark} per signer label, with the name typed
 * after it (same cell, or the next non-empty cell to the right unless that is another label) and whether a
 * picture is anchored on the label's cell, its merged range or the one or two cells to its right.
 */
final class SignatureBlockReader {

    private final BlockLabels labels;

    private final Placeholders placeholders;

    SignatureBlockReader(BlockLabels labels, Placeholders placeholders) {
        this.labels = labels;
        this.placeholders = placeholders;
    }

    List<SignatureMark> read(SheetGrid grid, int fromRow) {
        List<SignatureMark> marks = new ArrayList<>();
        for (int row = fromRow; row <= grid.lastRow(); row++) {
            for (Map.Entry<Integer, CellValue> cell : grid.rawRow(row).entrySet()) {
                readCell(grid, row, cell.getKey(), cell.getValue().text(), marks);
            }
        }
        return marks;
    }

    private void readCell(SheetGrid grid, int row, int column, String text, List<SignatureMark> marks) {
        List<BlockLabels.Occurrence> found = this.labels.find(text);
        for (int i = 0; i < found.size(); i++) {
            BlockLabels.Occurrence occurrence = found.get(i);
            if (!occurrence.signer()) {
                continue;
            }
            boolean last = i == found.size() - 1;
            BlockLabels.Occurrence next = last ? null : found.get(i + 1);
            String name = this.labels.valueAfter(text, occurrence, next);
            boolean picture = false;
            if (last) {
                int lastColumn = lastColumn(grid, row, column);
                if (name.isEmpty()) {
                    name = nameToTheRight(grid, row, lastColumn);
                }
                picture = pictureNear(grid, row, column, lastColumn);
            }
            if (this.placeholders.isMissing(name)) {
                name = null;
            }
            marks.add(new SignatureMark(occurrence.label(), name, picture, grid.name(), row + 1, column));
        }
    }

    private static int lastColumn(SheetGrid grid, int row, int column) {
        CellRange range = grid.mergeAt(row, column);
        return (range != null) ? range.lastColumn() : column;
    }

    private String nameToTheRight(SheetGrid grid, int row, int lastColumn) {
        for (Map.Entry<Integer, CellValue> cell : grid.rawRow(row).tailMap(lastColumn + 1).entrySet()) {
            String text = cell.getValue().text();
            if (text.isBlank()) {
                continue;
            }
            if (this.labels.startsWithLabel(text) || BlockLabels.startsWithAnyLabel(text)) {
                return "";
            }
            return TextForms.clean(text.replaceAll("[_＿]+", " "));
        }
        return "";
    }

    /** A picture on the label's cell (or its merged range), or on the one or two cells right of it. */
    private boolean pictureNear(SheetGrid grid, int row, int column, int lastColumn) {
        CellRange range = grid.mergeAt(row, column);
        int firstRow = (range != null) ? range.firstRow() : row;
        int lastRow = (range != null) ? range.lastRow() : row;
        int stop = lastColumn;
        for (int c = lastColumn + 1; c <= lastColumn + 2; c++) {
            CellValue value = grid.raw(row, c);
            if (value != null && this.labels.startsWithLabel(value.text())) {
                break;
            }
            stop = c;
        }
        for (int r = firstRow; r <= lastRow; r++) {
            for (int c = column; c <= stop; c++) {
                if (grid.hasPicture(r, c)) {
                    return true;
                }
            }
        }
        return false;
    }

}
