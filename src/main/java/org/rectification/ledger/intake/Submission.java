package org.rectification.ledger.intake;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * A department's file as registered at intake, identified by the SHA-256 of its bytes, with what its check
 * recorded once it was checked.
 *
 * @param sha256 null when the entry was set aside without being read
 * @param inboxPath where the file lies until it is moved to archive/ or rejected/
 * @param noticePath its return notice once written, or null
 * @param setAside why intake set it aside without reading it, or null
 * @param arrived when the file appeared in the inbox (see {@link Arrivals}), not when a nightly run happened to
 * pick it up, so a file dropped on the due day counts as on time even though the run that takes it in starts after
 * midnight; its modification time for a file registered before arrival was recorded
 * @param checked what its check recorded; {@link Checked#NOTHING} while it is pending
 */
public record Submission(long id, String sha256, String fileName, Path inboxPath, YearMonth month, String department,
        Outcome outcome, String movedTo, String noticePath, SetAside setAside, LocalDateTime arrived,
        Checked checked) {

    public Submission(long id, String sha256, String fileName, Path inboxPath, YearMonth month, String department,
            Outcome outcome, String movedTo) {
        this(id, sha256, fileName, inboxPath, month, department, outcome, movedTo, null, null, null,
                Checked.NOTHING);
    }

    /**
     * What a check recorded of a submission.
     *
     * @param reasons why the file was rejected or superseded ("SIGNATURE_MISSING: 审核人" style)
     * @param sheetsRead the sheets read
     * @param sheetsSkipped the sheets not read, each with why
     * @param extraColumns columns kept but not recognised ("Sheet1!K：备用")
     * @param rowsRead rows read, null while pending
     * @param rowsMerged rows merged into the ledger, null while pending
     */
    public record Checked(List<String> reasons, List<String> sheetsRead, List<String> sheetsSkipped,
            List<String> extraColumns, Integer rowsRead, Integer rowsMerged) {

        public static final Checked NOTHING = new Checked(List.of(), List.of(), List.of(), List.of(), null, null);

    }

}
