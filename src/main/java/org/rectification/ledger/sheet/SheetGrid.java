package org.rectification.ledger.sheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sheet ready to be interpreted: its cells as written ("raw"), the same cells with every merged range
 * carrying its top-left value ("filled"), and where pictures sit, WPS in-cell pictures (DISPIMG) included.
 */
final class SheetGrid {

    private static final Pattern DISPIMG = Pattern.compile("DISPIMG\\(\\s*\"([^\"]+)\"");

    private final RawSheet sheet;

    private final Set<WorkbookOutline.Cell> pictures = new HashSet<>();

    /** Merged ranges with a value, by each column they cover, sorted by first row. */
    private final Map<Integer, List<CellRange>> mergesByColumn = new HashMap<>();

    private final int lastRow;

    SheetGrid(RawSheet sheet, Set<WorkbookOutline.Cell> pictures, Set<String> cellImageIds) {
        this.sheet = sheet;
        this.pictures.addAll(pictures);
        Map<Integer, String> pictureTexts = pictureTexts(sheet.strings());
        if (!pictureTexts.isEmpty()) {
            for (int cell = 0; cell < sheet.cellCount(); cell++) {
                String id = pictureTexts.get(sheet.formulaIndex(cell));
                if (id == null) {
                    id = pictureTexts.get(sheet.textIndex(cell));
                }
                if (id != null) {
                    if (cellImageIds.contains(id)) {
                        this.pictures.add(new WorkbookOutline.Cell(sheet.rowOf(cell), sheet.columnOf(cell)));
                    }
                    sheet.clearText(cell);
                }
            }
        }
        for (CellRange range : sheet.merges()) {
            if (sheet.cell(range.firstRow(), range.firstColumn()) < 0) {
                continue;
            }
            for (int c = range.firstColumn(); c <= range.lastColumn(); c++) {
                this.mergesByColumn.computeIfAbsent(c, (k) -> new ArrayList<>()).add(range);
            }
        }
        this.mergesByColumn.values().forEach((ranges) -> ranges.sort(Comparator.comparingInt(CellRange::firstRow)));
        // rows that only carry values merged down from above are not rows of their own
        this.lastRow = sheet.lastRow();
    }

    /** The picture id of every text of the workbook that is a WPS picture formula (DISPIMG), by text index. */
    private static Map<Integer, String> pictureTexts(StringTable strings) {
        Map<Integer, String> ids = new HashMap<>();
        for (int i = 0; i < strings.size(); i++) {
            String text = strings.get(i);
            if (text.contains("DISPIMG")) {
                Matcher matcher = DISPIMG.matcher(text);
                if (matcher.find()) {
                    ids.put(i, matcher.group(1));
                }
            }
        }
        return ids;
    }

    String name() {
        return this.sheet.name();
    }

    /** Last row (zero-based) holding a value of its own; -1 for an empty sheet. */
    int lastRow() {
        return this.lastRow;
    }

    /** The cell as written, or null. */
    CellValue raw(int row, int column) {
        return this.sheet.value(row, column);
    }

    /** Raw non-empty cells of a row, left to right. */
    TreeMap<Integer, CellValue> rawRow(int row) {
        return this.sheet.row(row);
    }

    /** The cell's value, or the value of the merged range it belongs to, or null. */
    CellValue filled(int row, int column) {
        CellRange range = mergeAt(row, column);
        if (range != null) {
            return raw(range.firstRow(), range.firstColumn());
        }
        return raw(row, column);
    }

    String filledText(int row, int column) {
        CellValue value = filled(row, column);
        return (value != null) ? value.text() : "";
    }

    /** Columns with a value in this row, merged ranges included, in order. */
    TreeSet<Integer> filledColumns(int row) {
        TreeSet<Integer> columns = new TreeSet<>(this.sheet.row(row).keySet());
        for (Integer column : this.mergesByColumn.keySet()) {
            if (mergeAt(row, column) != null) {
                columns.add(column);
            }
        }
        columns.removeIf((c) -> filledText(row, c).isBlank());
        return columns;
    }

    /** The merged range the cell belongs to, or null. */
    CellRange mergeAt(int row, int column) {
        List<CellRange> ranges = this.mergesByColumn.get(column);
        if (ranges == null) {
            return null;
        }
        int low = 0;
        int high = ranges.size() - 1;
        CellRange candidate = null;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (ranges.get(mid).firstRow() <= row) {
                candidate = ranges.get(mid);
                low = mid + 1;
            }
            else {
                high = mid - 1;
            }
        }
        return (candidate != null && candidate.contains(row, column)) ? candidate : null;
    }

    boolean hasPicture(int row, int column) {
        return this.pictures.contains(new WorkbookOutline.Cell(row, column));
    }

}
