package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a submission's file where it lies now: in the inbox until the archive step moves it to
 * {@code archive/YYYY-MM/} or {@code rejected/}. A run killed after a move but before its record finds the file
 * there by name and content hash, so whatever reads the file again (the archive step, a return notice copying the
 * department's sheet) never depends on the file still being in the inbox.
 */
public final class SubmissionLocator {

    private final Path archive;

    private final Path rejected;

    public SubmissionLocator(Path archive, Path rejected) {
        this.archive = archive;
        this.rejected = rejected;
    }

    /** The file: where it was recorded as moved, else in the inbox, else found in the folder it goes to. */
    public Optional<Path> locate(Submission submission) throws IOException {
        if (submission.movedTo() != null && Files.isRegularFile(Path.of(submission.movedTo()))) {
            return Optional.of(Path.of(submission.movedTo()));
        }
        if (Files.isRegularFile(submission.inboxPath())) {
            return Optional.of(submission.inboxPath());
        }
        return Optional.ofNullable(movedCopy(folderFor(submission), submission));
    }

    /** Where the archive step moves the file: rejected/ when it was rejected, else archive/YYYY-MM/. */
    Path folderFor(Submission submission) {
        return (submission.outcome() == Outcome.REJECTED) ? this.rejected : this.archive.resolve(submission.month());
    }

    /** The file with the submission's name (or a numbered variant of it) and bytes in a folder, or null. */
    static Path movedCopy(Path folder, Submission submission) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        String base = ArchiveTasklet.baseName(submission.fileName());
        try (var files = Files.list(folder)) {
            for (Path candidate : files.filter((p) -> p.getFileName().toString().startsWith(base)).toList()) {
                if (Files.isRegularFile(candidate) && ContentHash.of(candidate).equals(submission.sha256())) {
                    return candidate;
                }
            }
        }
        return null;
    }

}
