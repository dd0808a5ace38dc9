package org.rectification.ledger.sheet;

import java.nio.file.Path;

/**
 * How much of the heap one workbook's cells may take while it is read and checked. The cells are counted as they
 * arrive (their texts and the arrays that hold them). Past the spill mark ({@link #shouldSpill()}) the stores move
 * their data to scratch files and only their indexes stay counted; a workbook that would still take more is set
 * aside as {@link ReadFailure#TOO_LARGE} before the heap runs out, so the night's other files are still merged.
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

    /**
     * Share of the limit a workbook's texts and cells may take in heap before they go to a scratch file
     * ({@link SpillFile}): below it (every sheet of the nightly corpus) nothing is written to disk; above it the
     * shared strings, the distinct texts and the cells each move out when they pass it, and only their offsets and
     * the row index stay, about 30 bytes a task row.
     */
    static final double SPILL_SHARE = 0.5;

    private final Path file;

    private final long limit;

    private final long spillAt;

    private final Path spillFolder;

    private long held;

    private int spills;

    ReadBudget(Path file, long limit) {
        this(file, limit, Long.MAX_VALUE, null);
    }

    /**
     * @param spillAt bytes held past which a store moves to disk
     * @param spillFolder where scratch files go
     */
    ReadBudget(Path file, long limit, long spillAt, Path spillFolder) {
        this.file = file;
        this.limit = limit;
        this.spillAt = spillAt;
        this.spillFolder = spillFolder;
    }

    /**
     * System property: megabytes of a workbook held in heap before it spills, instead of {@link #SPILL_SHARE} of the
     * budget (a process test spills a sheet of a few seconds' work this way).
     */
    static final String IN_HEAP_MB = "ledger.read.in-heap-mb";

    static ReadBudget ofHeap(Path file) {
        long limit = (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE);
        long spillAt = (long) (limit * SPILL_SHARE);
        String inHeap = System.getProperty(IN_HEAP_MB);
        if (inHeap != null && !inHeap.isBlank()) {
            spillAt = Long.parseLong(inHeap.trim()) * 1024 * 1024;
        }
        return new ReadBudget(file, limit, spillAt, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Whether the stores should move to disk what they hold: past the spill mark, when there is a folder for it. */
    boolean shouldSpill() {
        return this.held > this.spillAt && this.spillFolder != null;
    }

    Path spillFolder() {
        return this.spillFolder;
    }

    /** A store moved to disk what it held. */
    void release(long bytes) {
        this.held -= bytes;
        this.spills++;
    }

    /** How many stores moved to disk (the shared strings, the texts, a sheet's cells). */
    int spills() {
        return this.spills;
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
