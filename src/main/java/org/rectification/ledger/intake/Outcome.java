package org.rectification.ledger.intake;

import java.util.Locale;

/**
 * What became of a submission. PENDING only between intake and check; the others are final.
 */
public enum Outcome {

    PENDING, ACCEPTED, REJECTED, DUPLICATE, SUPERSEDED;

    /** Lower case, as in summary.json. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

}
