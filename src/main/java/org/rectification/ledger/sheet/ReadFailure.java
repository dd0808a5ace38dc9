package org.rectification.ledger.sheet;

/**
 * Why a whole file could not be read. The names match the submission-error rule codes of DOMAIN.md.
 */
public enum ReadFailure {

    NOT_A_SPREADSHEET, UNREADABLE, ENCRYPTED, TOO_LARGE, NO_HEADER

}
