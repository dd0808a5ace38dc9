package org.rectification.ledger.sheet;

import java.nio.file.Path;

import org.rectification.ledger.system.Messages;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link SheetReadException}s of this package with their Chinese message (messages.properties,
 * {@code sheet.} keys), always naming the file first. A library's own description of the problem is logged, not
 * put into the message, which ends up in return notices.
 */
final class ReadFailures {

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

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return (name != null) ? name.toString() : file.toString();
    }

}
