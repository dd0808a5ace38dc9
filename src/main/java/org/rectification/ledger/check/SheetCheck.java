package org.rectification.ledger.check;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.rectification.ledger.sheet.ReadFailure;
import org.rectification.ledger.sheet.ReadSubmission;
import org.rectification.ledger.sheet.SheetReadException;
import org.rectification.ledger.sheet.SubmissionReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one file and checks it against the office's rules: the one read → check → unreadable path, with its
 * guards, for the nightly run (which reads ahead and adds the ledger's earlier months) and for the check a
 * department runs before submitting ({@code ledger check} and the web console's upload page, without the
 * ledger), so a file is rejected for the same reason whichever way it is checked. Never throws for a bad file:
 * one that cannot be read or that trips a reader bug becomes an unreadable submission, one whose read exhausts
 * the heap a too large one.
 */
public final class SheetCheck {

    /** Stack traces go to the log file only (see logback-spring.xml and logback-quiet.xml). */
    private static final Logger technical = LoggerFactory.getLogger("org.rectification.ledger.technical");

    private final SubmissionReader reader;

    private final SubmissionChecker checker;

    private final Consumer<String> readerFailed;

    public SheetCheck(SubmissionReader reader, SubmissionChecker checker) {
        this(reader, checker, (fileName) -> {
        });
    }

    private SheetCheck(SubmissionReader reader, SubmissionChecker checker, Consumer<String> readerFailed) {
        this.reader = reader;
        this.checker = checker;
        this.readerFailed = readerFailed;
    }

    /**
     * The same check, also telling {@code readerFailed} the name of a file that tripped a reader bug (after its
     * stack trace went to the log), for a run that reports it to the clerk.
     */
    public SheetCheck reportingReaderFailures(Consumer<String> readerFailed) {
        return new SheetCheck(this.reader, this.checker, readerFailed);
    }

    /** Checks a file; {@code fileName} is the name the department gave it, as findings and notices show it. */
    public CheckedSubmission check(Path file, String fileName) {
        return check(file, fileName, () -> this.reader.read(file), (department) -> Map.of());
    }

    /**
     * Checks a file read elsewhere with {@link #read} (the nightly run reads ahead on other threads).
     * @param read the file's read, which throws what {@link #read} throws
     * @param previousByDepartment the ledger's earlier state of a department's tasks, as
     * {@link SubmissionChecker#check} takes it
     */
    public CheckedSubmission check(Path file, String fileName, Supplier<ReadSubmission> read,
            Function<String, Map<String, PreviousTask>> previousByDepartment) {
        try {
            return this.checker.check(fileName, readWithinHeap(file, read), previousByDepartment);
        }
        catch (SheetReadException ex) {
            return this.checker.unreadable(fileName, ex);
        }
        catch (RuntimeException | StackOverflowError ex) {
            // a reader bug on one odd file makes that file unreadable, no more
            technical.error("{} could not be read", fileName, ex);
            this.readerFailed.accept(fileName);
            return this.checker.unreadable(fileName, SheetReadException.unexpected(file, ex));
        }
    }

    /** A heap exhausted by the read makes the file too large: what the read held is garbage once it is caught. */
    private static ReadSubmission readWithinHeap(Path file, Supplier<ReadSubmission> read) {
        try {
            return read.get();
        }
        catch (OutOfMemoryError ex) {
            throw SheetReadException.outOfMemory(file, ex);
        }
    }

    /**
     * For a file intake set aside without opening it (see {@link SubmissionChecker#setAside}): rejected with
     * intake's reason, never read.
     */
    public CheckedSubmission setAside(String fileName, ReadFailure failure, String reason, String expected) {
        return this.checker.setAside(fileName, failure, reason, expected);
    }

    /**
     * Reads a file for {@link #check(Path, String, Supplier, Function)}, unguarded (it may run on another
     * thread); throws what {@link SubmissionReader#read} throws.
     */
    public ReadSubmission read(Path file) {
        return this.reader.read(file);
    }

}
