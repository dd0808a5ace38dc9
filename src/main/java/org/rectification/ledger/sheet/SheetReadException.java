package org.rectification.ledger.sheet;

import java.nio.file.Path;

/**
 * A workbook that cannot be read as a submission at all. Names the file and, where known, the sheet,
 * row and column it is about.
 */
public class SheetReadException extends RuntimeException {

    private final ReadFailure failure;

    private final Path file;

    private final String sheet;

    private final Integer row;

    private final String column;

    public SheetReadException(ReadFailure failure, Path file, String sheet, Integer row, String column, String message,
            Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.file = file;
        this.sheet = sheet;
        this.row = row;
        this.column = column;
    }

    public SheetReadException(ReadFailure failure, Path file, String message) {
        this(failure, file, null, null, null, message, null);
    }

    /**
     * For a file whose reading failed in a way no reader anticipated (a library bug on an odd file): unreadable,
     * with a reason a clerk can read; the exception itself goes to the log.
     */
    public static SheetReadException unexpected(Path file, Throwable cause) {
        return ReadFailures.unexpected(file, cause);
    }

    /**
     * For a file whose read exhausted the heap all the same (the reader's budget set aside what it could foresee):
     * too large, not the end of the run.
     */
    public static SheetReadException outOfMemory(Path file, OutOfMemoryError cause) {
        return ReadFailures.outOfMemory(file, cause);
    }

    public ReadFailure failure() {
        return this.failure;
    }

    public Path file() {
        return this.file;
    }

    public String sheet() {
        return this.sheet;
    }

    public Integer row() {
        return this.row;
    }

    public String column() {
        return this.column;
    }

}
