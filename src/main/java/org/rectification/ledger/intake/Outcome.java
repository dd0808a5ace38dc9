package org.rectification.ledger.intake;

import java.util.Locale;

/**
 * What became of a submission. PENDING only between intake and check; the others are final. SET_ASIDE is a
 * workbook this product wrote (rule OWN_OUTPUT): moved out of the inbox with the rejected files, counted for
 * no department.
 */
public enum Outcome {

    PENDING, ACCEPTED, REJECTED, DUPLICATE, SUPERSEDED, SET_ASIDE;

    /** Lower case, as in summary.json. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

}
