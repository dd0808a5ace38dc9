package org.rectification.ledger.check;

import java.nio.file.Path;
import java.util.Map;

import org.rectification.ledger.sheet.SheetReadException;
import org.rectification.ledger.sheet.SubmissionReader;

/**
 * The check a department runs before submitting: one file read and checked against the office's rules,
 * without the ledger (no cross-month rules). {@code ledger check} and the web console's upload page both use
 * it, so a clerk sees the same findings whichever way they check.
 */
public final class SheetCheck {

    private final SubmissionReader reader;

    private final SubmissionChecker checker;

    public SheetCheck(SubmissionReader reader, SubmissionChecker checker) {
        this.reader = reader;
        this.checker = checker;
    }

    /** Checks a file; {@code fileName} is the name the department gave it, as findings and notices show it. */
    public CheckedSubmission check(Path file, String fileName) {
        try {
            return this.checker.check(fileName, this.reader.read(file), (department) -> Map.of());
        }
        catch (SheetReadException ex) {
            return this.checker.unreadable(fileName, ex);
        }
        catch (RuntimeException | StackOverflowError ex) {
            // the same guard as the nightly run: a reader bug on one odd file makes that file unreadable, no more
            return this.checker.unreadable(fileName, SheetReadException.unexpected(file, ex));
        }
    }

}
