package org.rectification.ledger.sheet;

/**
 * Why a whole file could not be read. The names match the submission-level rule codes (RuleCode); OWN_OUTPUT is a
 * workbook this product wrote (a notice, a monthly workbook), which is never read as a submission.
 */
public enum ReadFailure {

    NOT_A_SPREADSHEET, UNREADABLE, ENCRYPTED, TOO_LARGE, NO_HEADER, OWN_OUTPUT

}
