package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;


/**
 * Finds a submission's file where it lies now: in the inbox until the archive step moves it to
 * {@code archive/YYYY-MM/} or {@code rejected/}. A run killed after a move but before its record finds the file
 * there, so whatever reads the file again (the archive step, a return notice copying the department's sheet) never
 * depends on the file still being in the inbox.
 */
public final class SubmissionLocator {

    private final JdbcSubmissionDao submissions;

    private final Path archive;

    private final Path rejected;

    public SubmissionLocator(JdbcSubmissionDao submissions, Path archive, Path rejected) {
        this.submissions = submissions;
        this.archive = archive;
        this.rejected = rejected;
    }

    /** The file: where it was recorded as moved, else in the inbox, else found in the folder it goes to. */
    public Optional<Path> locate(Submission submission) {
        if (submission.movedTo() != null && Files.isRegularFile(Path.of(submission.movedTo()))) {
            return Optional.of(Path.of(submission.movedTo()));
        }
        if (Files.isRegularFile(submission.inboxPath())) {
            return Optional.of(submission.inboxPath());
        }
        return Optional.ofNullable(movedCopy(folderFor(submission), submission));
    }

    /** Where the archive step moves the file: rejected/ when it was not taken, else archive/YYYY-MM/. */
    Path folderFor(Submission submission) {
        boolean notTaken = submission.outcome() == Outcome.REJECTED || submission.outcome() == Outcome.SET_ASIDE;
        return notTaken ? this.rejected : this.archive.resolve(submission.month().toString());
    }

    /**
     * The file where a move put it: among the names the move would have chosen, one no other submission claims,
     * with the same bytes (or, for an entry set aside unread, the first such name); null when there is none.
     */
    Path movedCopy(Path folder, Submission submission) {
        for (int n = 1;; n++) {
            Path candidate = folder.resolve(FileNames.numbered(submission.fileName(), n));
            if (Files.notExists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            if (!this.submissions.isClaimed(candidate) && sameContent(candidate, submission)) {
                return candidate;
            }
        }
    }

    private static boolean sameContent(Path candidate, Submission submission) {
        if (submission.sha256() == null) {
            return true;
        }
        try {
            return Files.isRegularFile(candidate) && ContentHash.of(candidate).equals(submission.sha256());
        }
        catch (IOException ex) {
            return false;
        }
    }

}
