package org.rectification.ledger.intake;

import java.nio.file.Path;

/**
 * A department's file as registered at intake, identified by the SHA-256 of its bytes.
 *
 * @param sha256 null when the entry was set aside without being read
 * @param inboxPath where the file lies until it is moved to archive/ or rejected/
 * @param noticePath its return notice once written, or null
 * @param setAside why intake set it aside without reading it, or null
 */
public record Submission(long id, String sha256, String fileName, Path inboxPath, String month, String department,
        Outcome outcome, String movedTo, String noticePath, SetAside setAside) {

    public Submission(long id, String sha256, String fileName, Path inboxPath, String month, String department,
            Outcome outcome, String movedTo) {
        this(id, sha256, fileName, inboxPath, month, department, outcome, movedTo, null, null);
    }

}
