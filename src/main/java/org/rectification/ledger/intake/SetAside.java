package org.rectification.ledger.intake;

import java.util.Locale;

import org.rectification.ledger.sheet.ReadFailure;
import org.rectification.ledger.system.Messages;

/**
 * Why intake set an inbox entry aside without reading it: what it is (a special file, a link that cannot be
 * followed) or how reading it failed (no permission, too large). The entry still becomes a submission, rejected
 * with this reason, with its return notice, and is moved to rejected/ like any rejected file, so one entry can
 * fail only itself.
 *
 * @param kind what was wrong
 * @param reason what a clerk reads (Chinese, from messages.properties)
 */
public record SetAside(Kind kind, String reason) {

    /** The kinds of entries set aside, each with the submission error it counts as. */
    public enum Kind {

        /** A FIFO, socket or device: never opened (a FIFO would block the run). */
        SPECIAL_FILE(ReadFailure.NOT_A_SPREADSHEET),

        /** A symbolic link to nothing (or a loop of links). */
        LINK_BROKEN(ReadFailure.UNREADABLE),

        /** A symbolic link out of the inbox: followed only inside it. */
        LINK_OUTSIDE(ReadFailure.UNREADABLE),

        /** A file or folder the service account may not read. */
        NO_PERMISSION(ReadFailure.UNREADABLE),

        /** Reading failed for another reason (an I/O error). */
        READ_ERROR(ReadFailure.UNREADABLE),

        /** Larger than intake.max-file-mb: set aside before its bytes are read. */
        TOO_LARGE(ReadFailure.TOO_LARGE);

        private final ReadFailure failure;

        Kind(ReadFailure failure) {
            this.failure = failure;
        }

        /** The submission error (rule code) the entry is rejected with. */
        public ReadFailure failure() {
            return this.failure;
        }

        private String key() {
            return "intake.set-aside." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

    }

    /** The reason in a clerk's words, the entry's name first. */
    static SetAside of(Kind kind, String name, Object... details) {
        Object[] arguments = new Object[details.length + 1];
        arguments[0] = name;
        System.arraycopy(details, 0, arguments, 1, details.length);
        return new SetAside(kind, Messages.get(kind.key(), arguments));
    }

    /** What the department (or the office) should do about it: the notice's 整改要求. */
    public String expected() {
        return Messages.get(this.kind.key() + ".expected");
    }

}
