package org.rectification.ledger.sheet;

import java.nio.file.Path;

import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link SheetReadException}s of this package with their Chinese message (messages.properties,
 * {@code sheet.} keys), always naming the file first. The library's own words about the cause go to the log, not
 * into the message a clerk reads.
 */
final class ReadFailures {

    private static final Logger logger = LoggerFactory.getLogger(ReadFailures.class);

    private ReadFailures() {
    }

    static SheetReadException failure(ReadFailure failure, Path file, String key, Object... details) {
        return failure(failure, file, null, null, null, null, key, details);
    }

    static SheetReadException failure(ReadFailure failure, Path file, Throwable cause, String key,
            Object... details) {
        return failure(failure, file, null, null, null, cause, key, details);
    }

    static SheetReadException failure(ReadFailure failure, Path file, String sheet, Integer row, String column,
            Throwable cause, String key, Object... details) {
        if (cause != null) {
            logger.debug("{}: {}", file, failure, cause);
        }
        Object[] arguments = new Object[details.length + 1];
        arguments[0] = fileName(file);
        for (int i = 0; i < details.length; i++) {
            arguments[i + 1] = String.valueOf(details[i]);
        }
        if (cause != null) {
            // what the library said stays out of the notice; the log keeps it for whoever looks into the file
            LoggerFactory.getLogger("org.rectification.ledger.technical").info("{} {}: {}", fileName(file), failure,
                    cause.toString());
        }
        return new SheetReadException(failure, file, sheet, row, column, Messages.get(key, arguments), cause);
    }

    /** A file that failed in a way no reader anticipated (a library bug on an odd file): unreadable, with a reason. */
    static SheetReadException unexpected(Path file, Throwable cause) {
        return failure(ReadFailure.UNREADABLE, file, cause, "sheet.unreadable", FormatSniffer.describe(cause));
    }

    /** A file whose read exhausted the heap: too large, with no library detail to log. */
    static SheetReadException outOfMemory(Path file, OutOfMemoryError cause) {
        return new SheetReadException(ReadFailure.TOO_LARGE, file, null, null, null,
                Messages.get("sheet.too-large.memory", fileName(file)), cause);
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return (name != null) ? name.toString() : file.toString();
    }

}
