package org.rectification.ledger.intake;

import java.nio.file.Path;

/**
 * A department's file as registered at intake, identified by the SHA-256 of its bytes.
 *
 * @param inboxPath where the file lies until it is moved to archive/ or rejected/
 */
public record Submission(long id, String sha256, String fileName, Path inboxPath, String month, String department,
        Outcome outcome, String movedTo) {
}
