package org.rectification.ledger.check;

/**
 * What a rule is about: one task line, or the submission as a whole.
 */
public enum Scope {

    ROW, SUBMISSION

}
