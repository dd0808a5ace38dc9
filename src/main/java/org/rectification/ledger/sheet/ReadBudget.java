package org.rectification.ledger.sheet;

import java.nio.file.Path;

/**
 * How much of the heap one workbook's cells may take while it is read and checked. The cells are counted as they
 * arrive (their texts and the arrays that hold them), and a workbook that would take more is set aside as
 * {@link ReadFailure#TOO_LARGE} before the heap runs out, so the night's other files are still merged.
 */
final class ReadBudget {

    /** What a Java string costs beside its characters: object header, hash, length, array header. */
    static final long STRING_BYTES = 48;

    /** What one cell costs in the compact store: column, text index and kind, with the arrays' room to grow. */
    static final long CELL_BYTES = 14;

    /**
     * Share of the maximum heap one workbook may take while it is read: the shared strings EasyExcel holds for an
     * .xlsx, the distinct texts and the cells. The rest is for the application, the database, the checks and the
     * merge (the shared strings are let go once the read ends). Measured: a 200,000-row sheet counts about 100 MB
     * here, half of it the shared strings.
     */
    static final double HEAP_SHARE = 0.5;

    private final Path file;

    private final long limit;

    private long held;

    ReadBudget(Path file, long limit) {
        this.file = file;
        this.limit = limit;
    }

    static ReadBudget ofHeap(Path file) {
        return new ReadBudget(file, (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE));
    }

    void hold(long bytes) {
        this.held += bytes;
        if (this.held > this.limit) {
            throw tooLarge(this.file);
        }
    }

    long held() {
        return this.held;
    }

    Path file() {
        return this.file;
    }

    static SheetReadException tooLarge(Path file) {
        return ReadFailures.failure(ReadFailure.TOO_LARGE, file, "sheet.too-large.memory");
    }

}
