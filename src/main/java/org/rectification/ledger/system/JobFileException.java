package org.rectification.ledger.system;

import java.nio.file.Path;

/**
 * A mistake in a job file or in what it points at (roster, folders), reported as one line that names
 * the file and the key.
 */
public class JobFileException extends RuntimeException {

    public JobFileException(Path file, String key, String problem) {
        super("job file " + file + ": " + ((key != null) ? "'" + key + "' " : "") + problem);
    }

    public JobFileException(String message, Throwable cause) {
        super(message, cause);
    }

}
