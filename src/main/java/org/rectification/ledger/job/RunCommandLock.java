package org.rectification.ledger.job;

/**
 * The lock every consolidation takes, whichever command starts it: one run at a time per ledger database.
 */
public final class RunCommandLock {

    public static final String NAME = "consolidation";

    /**
     * How long the lock outlives a holder that stopped extending it (a machine that died); a live run extends
     * it every third of this.
     */
    public static final java.time.Duration MAX_HOLD = java.time.Duration.ofMinutes(2);

    private RunCommandLock() {
    }

}
