package org.rectification.ledger.sheet;

import java.nio.file.Path;

/**
 * How much of the heap one workbook's cells may take while it is read and checked. The cells are counted as they
 * arrive (their texts and the arrays that hold them), and a workbook that would take more is set aside as
 * {@link ReadFailure#TOO_LARGE} before the heap runs out, so the night's other files are still merged.
 */
final class ReadBudget {

    /** What a string costs beside its characters: object header, hash, length, array header. */
    static final long STRING_BYTES = 48;

    /** What one cell costs in the compact store: column, text index and kind, with the arrays' room to grow. */
    static final long CELL_BYTES = 14;

    /**
     * Share of the maximum heap one workbook's cells may take: the rest is for the streaming read itself
     * (EasyExcel holds the shared strings of an .xlsx while it reads), the checks, the merge and the next file
     * read ahead.
     */
    static final double HEAP_SHARE = 0.25;

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

    static SheetReadException tooLarge(Path file) {
        return ReadFailures.failure(ReadFailure.TOO_LARGE, file, "sheet.too-large.memory");
    }

}
