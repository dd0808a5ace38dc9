package org.rectification.ledger.sheet;

import java.io.Closeable;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The non-empty cells and merged ranges of one sheet, as delivered by the streaming read, before merged
 * values are filled in. Held column-wise, without an object per cell: for every cell its column, the index of
 * its text in the workbook's {@link StringTable}, its kind (a date or a number is its text read back) and its
 * formula, if any; rows are runs of cells in sheet order. A {@link CellValue} is made only when asked for.
 * <p>
 * When the workbook's budget says so ({@link ReadBudget#shouldSpill()}), the cells move to a scratch file
 * ({@link SpillFile}), a record each, and only the row index (row numbers and where each row starts) stays in heap.
 * A sheet that large must arrive in order (every .xlsx writer writes rows in order): one out of order is set aside
 * as too large rather than sorted on disk.
 */
final class RawSheet implements Closeable {

    private static final byte TEXT = 0;

    private static final byte DATE = 1;

    private static final byte NUMBER = 2;

    private static final int NO_FORMULA = -1;

    private final int index;

    private final String name;

    private final StringTable strings;

    private final ReadBudget budget;

    private final List<CellRange> merges = new ArrayList<>();

    /** Row numbers (zero-based), ascending once {@link #freeze()} ran. */
    private int[] rowNumbers = new int[16];

    /** First cell of each row; rowStarts[rowCount] is the cell count. */
    private int[] rowStarts = new int[17];

    private int rowCount;

    private short[] columns = new short[64];

    private int[] texts = new int[64];

    private byte[] kinds = new byte[64];

    /** Formula text indexes, made with the first formula. */
    private int[] formulas;

    private int cellCount;

    /** False when rows or cells arrived out of order (or twice): {@link #freeze()} sorts them. */
    private boolean ordered = true;

    /** Column of the last cell put, for the order check once the cells are on disk. */
    private int lastColumn = -1;

    /** What the cells in heap hold of the budget, given back when they move to disk. */
    private long heldBytes;

    /** The cells, once they moved to disk: a {@link #RECORD} each; null while they are in heap. */
    private SpillFile spilled;

    /** One cell on disk: column (short), kind (byte), a spare byte, text index (int), formula index (int). */
    private static final int RECORD = 12;

    private static final int RECORDS_PER_BLOCK = 4096;

    /** What a row costs in heap once the cells are on disk: its number and where its cells start, with room. */
    private static final long ROW_BYTES = 16;

    RawSheet(int index, String name, StringTable strings, ReadBudget budget) {
        this.index = index;
        this.name = CellValue.withoutNul(name);
        this.strings = strings;
        this.budget = budget;
    }

    /** An empty sheet, with a table of its own. */
    static RawSheet empty(int index, String name) {
        ReadBudget unlimited = new ReadBudget(null, Long.MAX_VALUE);
        return new RawSheet(index, name, new StringTable(unlimited), unlimited);
    }

    int index() {
        return this.index;
    }

    String name() {
        return this.name;
    }

    StringTable strings() {
        return this.strings;
    }

    void put(int row, int column, CellValue value) {
        if (this.rowCount == 0 || row != this.rowNumbers[this.rowCount - 1]) {
            if (this.rowCount > 0 && row < this.rowNumbers[this.rowCount - 1]) {
                this.ordered = false;
            }
            startRow(row);
        }
        else if (this.cellCount > this.rowStarts[this.rowCount - 1] && column <= this.lastColumn) {
            this.ordered = false;
        }
        this.lastColumn = column;
        if (this.spilled != null) {
            putSpilled(value);
            return;
        }
        if (this.cellCount == this.columns.length) {
            int length = this.cellCount * 2;
            this.columns = Arrays.copyOf(this.columns, length);
            this.texts = Arrays.copyOf(this.texts, length);
            this.kinds = Arrays.copyOf(this.kinds, length);
            if (this.formulas != null) {
                this.formulas = Arrays.copyOf(this.formulas, length);
            }
        }
        this.budget.hold(ReadBudget.CELL_BYTES);
        this.heldBytes += ReadBudget.CELL_BYTES;
        int cell = this.cellCount++;
        this.columns[cell] = (short) column;
        this.texts[cell] = this.strings.add(value.text());
        this.kinds[cell] = kind(value);
        if (value.formula() != null) {
            if (this.formulas == null) {
                this.formulas = new int[this.columns.length];
                Arrays.fill(this.formulas, NO_FORMULA);
            }
            this.formulas[cell] = this.strings.add(value.formula());
        }
        else if (this.formulas != null) {
            this.formulas[cell] = NO_FORMULA;
        }
        this.rowStarts[this.rowCount] = this.cellCount;
        if (this.budget.shouldSpill()) {
            spill();
        }
    }

    private static byte kind(CellValue value) {
        return (value.date() != null) ? DATE : (value.number() != null) ? NUMBER : TEXT;
    }

    private void putSpilled(CellValue value) {
        if (!this.ordered) {
            // sorting a sheet on disk is not worth it for a case no writer makes
            throw ReadBudget.tooLarge(this.budget.file());
        }
        int text = this.strings.add(value.text());
        int formula = (value.formula() != null) ? this.strings.add(value.formula()) : NO_FORMULA;
        write(this.spilled, (short) this.lastColumn, kind(value), text, formula);
        this.cellCount++;
        this.rowStarts[this.rowCount] = this.cellCount;
    }

    private static void write(SpillFile file, short column, byte kind, int text, int formula) {
        ByteBuffer tail = file.tail();
        tail.putShort(column).put(kind).put((byte) 0).putInt(text).putInt(formula);
    }

    /** The cells go to disk, in the same order, so every cell position stays what it was. */
    private void spill() {
        if (!this.ordered) {
            throw ReadBudget.tooLarge(this.budget.file());
        }
        SpillFile file = SpillFile.create(this.budget.spillFolder(), RECORD * RECORDS_PER_BLOCK);
        try {
            for (int cell = 0; cell < this.cellCount; cell++) {
                write(file, this.columns[cell], this.kinds[cell], this.texts[cell],
                        (this.formulas != null) ? this.formulas[cell] : NO_FORMULA);
            }
        }
        catch (RuntimeException ex) {
            file.close();
            throw ex;
        }
        this.spilled = file;
        this.columns = null;
        this.texts = null;
        this.kinds = null;
        this.formulas = null;
        this.budget.release(this.heldBytes);
        this.heldBytes = 0;
        this.budget.hold(ROW_BYTES * this.rowNumbers.length);
    }

    /** Whether the cells went to disk. */
    boolean spilled() {
        return this.spilled != null;
    }

    private ByteBuffer block(int cell) {
        return this.spilled.block(cell / RECORDS_PER_BLOCK);
    }

    private static int at(int cell) {
        return (cell % RECORDS_PER_BLOCK) * RECORD;
    }

    private void startRow(int row) {
        if (this.rowCount + 1 == this.rowNumbers.length) {
            if (this.spilled != null) {
                this.budget.hold(ROW_BYTES * this.rowNumbers.length);
            }
            this.rowNumbers = Arrays.copyOf(this.rowNumbers, this.rowNumbers.length * 2);
            this.rowStarts = Arrays.copyOf(this.rowStarts, this.rowNumbers.length + 1);
        }
        this.rowNumbers[this.rowCount] = row;
        this.rowStarts[this.rowCount] = this.cellCount;
        this.rowCount++;
        this.rowStarts[this.rowCount] = this.cellCount;
    }

    void merge(CellRange range) {
        this.merges.add(range);
    }

    List<CellRange> merges() {
        return this.merges;
    }

    /** Reading is over: rows and cells in order, a cell written twice keeping its last value, no spare room. */
    void freeze() {
        if (this.spilled != null) {
            this.rowNumbers = Arrays.copyOf(this.rowNumbers, this.rowCount);
            this.rowStarts = Arrays.copyOf(this.rowStarts, this.rowCount + 1);
            return;
        }
        if (!this.ordered) {
            sort();
        }
        this.rowNumbers = Arrays.copyOf(this.rowNumbers, this.rowCount);
        this.rowStarts = Arrays.copyOf(this.rowStarts, this.rowCount + 1);
        this.columns = Arrays.copyOf(this.columns, this.cellCount);
        this.texts = Arrays.copyOf(this.texts, this.cellCount);
        this.kinds = Arrays.copyOf(this.kinds, this.cellCount);
        if (this.formulas != null) {
            this.formulas = Arrays.copyOf(this.formulas, this.cellCount);
        }
    }

    /** Rare (a hand-edited file with rows out of order): rebuilds the store sorted by row, then column. */
    private void sort() {
        int[] cellRows = new int[this.cellCount];
        for (int r = 0; r < this.rowCount; r++) {
            Arrays.fill(cellRows, this.rowStarts[r], this.rowStarts[r + 1], this.rowNumbers[r]);
        }
        Integer[] order = new Integer[this.cellCount];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt((i) -> cellRows[i]).thenComparingInt((i) -> this.columns[i]));
        short[] columns = this.columns;
        int[] texts = this.texts;
        byte[] kinds = this.kinds;
        int[] formulas = this.formulas;
        this.columns = new short[order.length];
        this.texts = new int[order.length];
        this.kinds = new byte[order.length];
        this.formulas = (formulas != null) ? new int[order.length] : null;
        this.rowNumbers = new int[16];
        this.rowStarts = new int[17];
        this.rowCount = 0;
        this.cellCount = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            boolean sameCell = k + 1 < order.length && cellRows[order[k + 1]] == cellRows[i]
                    && columns[order[k + 1]] == columns[i];
            if (sameCell) {
                continue; // the later value wins, as it would have in the file's last write
            }
            if (this.rowCount == 0 || this.rowNumbers[this.rowCount - 1] != cellRows[i]) {
                startRow(cellRows[i]);
            }
            int cell = this.cellCount++;
            this.columns[cell] = columns[i];
            this.texts[cell] = texts[i];
            this.kinds[cell] = kinds[i];
            if (formulas != null) {
                this.formulas[cell] = formulas[i];
            }
            this.rowStarts[this.rowCount] = this.cellCount;
        }
        this.ordered = true;
    }

    /** Last row (zero-based) with a cell; -1 for an empty sheet. */
    int lastRow() {
        return (this.rowCount == 0) ? -1 : this.rowNumbers[this.rowCount - 1];
    }

    int cellCount() {
        return this.cellCount;
    }

    /** Position of the cell in the store, or -1 when it is empty. */
    int cell(int row, int column) {
        int r = Arrays.binarySearch(this.rowNumbers, 0, this.rowCount, row);
        if (r < 0) {
            return -1;
        }
        int low = this.rowStarts[r];
        int high = this.rowStarts[r + 1] - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int found = columnOf(mid);
            if (found < column) {
                low = mid + 1;
            }
            else if (found > column) {
                high = mid - 1;
            }
            else {
                return mid;
            }
        }
        return -1;
    }

    /** The cell as written, or null. */
    CellValue value(int row, int column) {
        int cell = cell(row, column);
        return (cell < 0) ? null : value(cell);
    }

    CellValue value(int cell) {
        String text = this.strings.get(textIndex(cell));
        int formulaIndex = formulaIndex(cell);
        String formula = (formulaIndex != NO_FORMULA) ? this.strings.get(formulaIndex) : null;
        byte kind = (this.spilled != null) ? block(cell).get(at(cell) + 2) : this.kinds[cell];
        return switch (kind) {
            case DATE -> new CellValue(text, LocalDate.parse(text), null, formula);
            case NUMBER -> new CellValue(text, null, new BigDecimal(text), formula);
            default -> new CellValue(text, null, null, formula);
        };
    }

    /** TextForms index of a cell, for scans that look at texts only. */
    int textIndex(int cell) {
        return (this.spilled != null) ? block(cell).getInt(at(cell) + 4) : this.texts[cell];
    }

    /** Formula text index of a cell, or -1. */
    int formulaIndex(int cell) {
        if (this.spilled != null) {
            return block(cell).getInt(at(cell) + 8);
        }
        return (this.formulas != null) ? this.formulas[cell] : NO_FORMULA;
    }

    /** Empties a cell's value, keeping its formula (a WPS picture formula shows no text). */
    void clearText(int cell) {
        if (this.spilled != null) {
            // the kind goes with it: the record's first int holds column, kind and the spare byte
            int column = columnOf(cell);
            this.spilled.putInt((long) cell * RECORD, (column & 0xffff) | (TEXT << 16));
            this.spilled.putInt((long) cell * RECORD + 4, StringTable.EMPTY);
            return;
        }
        this.texts[cell] = StringTable.EMPTY;
        this.kinds[cell] = TEXT;
    }

    /** Row number (zero-based) of the cell. */
    int rowOf(int cell) {
        int r = Arrays.binarySearch(this.rowStarts, 0, this.rowCount, cell);
        if (r < 0) {
            r = -r - 2;
        }
        // rows never have zero cells, so the run that starts at or before the cell holds it
        return this.rowNumbers[r];
    }

    int columnOf(int cell) {
        return (this.spilled != null) ? block(cell).getShort(at(cell)) : this.columns[cell];
    }

    /** The non-empty cells of a row, left to right, made for the caller. */
    TreeMap<Integer, CellValue> row(int row) {
        TreeMap<Integer, CellValue> cells = new TreeMap<>();
        int r = Arrays.binarySearch(this.rowNumbers, 0, this.rowCount, row);
        if (r >= 0) {
            for (int cell = this.rowStarts[r]; cell < this.rowStarts[r + 1]; cell++) {
                cells.put(columnOf(cell), value(cell));
            }
        }
        return cells;
    }

    /** The scratch file goes, when the cells went to disk; the sheet is not read after this. */
    @Override
    public void close() {
        if (this.spilled != null) {
            this.spilled.close();
        }
    }

}
