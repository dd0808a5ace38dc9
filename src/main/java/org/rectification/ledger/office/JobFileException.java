package org.rectification.ledger.office;

import java.nio.file.Path;
import org.rectification.ledger.system.Messages;

/**
 * A mistake in a job file or in what it points at (roster, folders), reported as one line in Chinese that names
 * the file and the key (the key as written in the job file).
 */
public class JobFileException extends RuntimeException {

    public JobFileException(Path file, String key, String problem) {
        super(Messages.get("system.job.problem", file.toString(), (key != null) ? "“" + key + "”" : "", problem));
    }

    public JobFileException(String message, Throwable cause) {
        super(message, cause);
    }

}
