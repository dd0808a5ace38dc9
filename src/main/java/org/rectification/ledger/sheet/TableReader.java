package org.rectification.ledger.sheet;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Reads the task rows below a detected header: merged values filled in, values cleaned, placeholders
 * marked missing, deadline and status resolved. Rows with nothing written on them are left out; the table
 * ends at the first line of the signature block (a row that starts with 填报人：, 填报日期：, 盖章...).
 */
final class TableReader {

    /** Tables up to this many task lines are made whole as they are read: a department's has tens to hundreds. */
    static final int REMEMBERED_ROWS = 5_000;

    private final Placeholders placeholders;

    private final DeadlineParser deadlines;

    private final BlockLabels labels;

    TableReader(Placeholders placeholders, DeadlineParser deadlines, BlockLabels labels) {
        this.placeholders = placeholders;
        this.deadlines = deadlines;
        this.labels = labels;
    }

    /**
     * @param table the table read
     * @param endRow zero-based row where the signature block starts (lastRow + 1 when there is none)
     */
    record Result(SheetTable table, int endRow) {
    }

    Result read(SheetGrid grid, HeaderDetector.Header header) {
        int[] rows = new int[16];
        int count = 0;
        int row = header.lastRow() + 1;
        for (; row <= grid.lastRow(); row++) {
            if (endsTable(grid, row)) {
                break;
            }
            if (!hasOwnValue(grid, header, row)) {
                continue;
            }
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, count * 2);
            }
            rows[count++] = row;
        }
        SheetTable table = new SheetTable(grid.name(), header.firstRow() + 1, header.lastRow() + 1, header.columns(),
                header.extraColumns(), new TaskRows(grid, header, Arrays.copyOf(rows, count)));
        return new Result(table, row);
    }

    /**
     * The task lines of a table, made from the sheet's compact cells. A sheet of a million rows is never held as a
     * million records: its lines are made when asked for, and the checks and the merge walk it one at a time.
     */
    private final class TaskRows extends AbstractList<TaskRow> implements RandomAccess {

        private final SheetGrid grid;

        private final HeaderDetector.Header header;

        /** Zero-based sheet rows of the task lines, in order. */
        private final int[] rows;

        /**
         * The lines of a table of usual size, made once as the workbook is read (on the read-ahead thread in a
         * nightly run): the checks, the mergeable rows and the merge each walk them. A larger table is made
         * afresh each time a line is asked for, so it is never held whole.
         */
        private final TaskRow[] made;

        TaskRows(SheetGrid grid, HeaderDetector.Header header, int[] rows) {
            this.grid = grid;
            this.header = header;
            this.rows = rows;
            if (rows.length <= REMEMBERED_ROWS) {
                this.made = new TaskRow[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    this.made[i] = taskRow(grid, header, rows[i]);
                }
            }
            else {
                this.made = null;
            }
        }

        @Override
        public TaskRow get(int index) {
            if (this.made != null) {
                return this.made[index];
            }
            return taskRow(this.grid, this.header, this.rows[index]);
        }

        @Override
        public int size() {
            return this.rows.length;
        }

    }

    /** A row whose first value is a signer or signature-block label. */
    private boolean endsTable(SheetGrid grid, int row) {
        for (CellValue value : grid.rawRow(row).values()) {
            if (!value.text().isBlank()) {
                return this.labels.startsWithLabel(value.text());
            }
        }
        return false;
    }

    /** Something is written on the row itself, not only carried down by a merged range from above. */
    private static boolean hasOwnValue(SheetGrid grid, HeaderDetector.Header header, int row) {
        for (SheetColumn column : header.columns().values()) {
            if (ownValue(grid, row, column.index())) {
                return true;
            }
        }
        for (SheetColumn column : header.extraColumns()) {
            if (ownValue(grid, row, column.index())) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownValue(SheetGrid grid, int row, int column) {
        CellValue raw = grid.raw(row, column);
        if (raw != null && !raw.text().isBlank()) {
            return true;
        }
        CellRange range = grid.mergeAt(row, column);
        return range != null && range.firstRow() == row && !grid.filledText(row, column).isBlank();
    }

    private TaskRow taskRow(SheetGrid grid, HeaderDetector.Header header, int row) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        Set<Field> missing = EnumSet.noneOf(Field.class);
        Deadline deadline = Deadline.missing("");
        for (Map.Entry<Field, SheetColumn> entry : header.columns().entrySet()) {
            Field field = entry.getKey();
            CellValue cell = grid.filled(row, entry.getValue().index());
            String text = (cell != null) ? TextForms.clean(cell.text()) : "";
            values.put(field, text);
            if (this.placeholders.isMissing(text)) {
                missing.add(field);
            }
            if (field == Field.DEADLINE) {
                deadline = deadline(cell, text);
            }
        }
        TaskStatus status = missing.contains(Field.STATUS) ? null : StatusWords.parse(values.get(Field.STATUS));
        Map<String, String> extras = new LinkedHashMap<>();
        for (SheetColumn column : header.extraColumns()) {
            String key = extras.containsKey(column.header()) ? column.header() + "（" + column.letter() + "列）"
                    : column.header();
            extras.put(key, TextForms.clean(grid.filledText(row, column.index())));
        }
        return new TaskRow(grid.name(), row + 1, Map.copyOf(values), Set.copyOf(missing), deadline, status,
                Collections.unmodifiableMap(extras));
    }

    private Deadline deadline(CellValue cell, String text) {
        if (cell == null || this.placeholders.isMissing(text)) {
            return this.deadlines.parse(text);
        }
        if (cell.date() != null) {
            return this.deadlines.of(cell.date());
        }
        if (cell.number() != null) {
            return this.deadlines.ofNumber(cell.number(), text);
        }
        return this.deadlines.parse(text);
    }

}
