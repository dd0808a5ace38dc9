package org.rectification.ledger.sheet;

import java.time.LocalDate;

/**
 * A deadline as the department wrote it, and what it resolves to.
 *
 * @param kind what sort of deadline the text is
 * @param date the resolved date for {@link Kind#DATE} and {@link Kind#IMMEDIATE}, otherwise null
 * @param text the cell's text as written (a real date cell is rendered yyyy-MM-dd)
 */
public record Deadline(Kind kind, LocalDate date, String text) {

    public enum Kind {
        /** A calendar date, written as a date cell or in one of the textual forms. */
        DATE,
        /** 立行立改: the campaign's feedback date plus the configured number of days. */
        IMMEDIATE,
        /** 长期坚持 and friends: never overdue. */
        ONGOING,
        /** Empty or a placeholder. */
        MISSING,
        /** TextForms that is not a date or a known form. */
        UNPARSEABLE
    }

    public static Deadline missing(String text) {
        return new Deadline(Kind.MISSING, null, text);
    }

    public boolean hasDate() {
        return this.date != null;
    }

}
