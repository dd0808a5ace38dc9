package org.rectification.ledger.job;

/**
 * The lock every consolidation takes, whichever command starts it: one run at a time per ledger database.
 */
public final class RunCommandLock {

    public static final String NAME = "consolidation";

    private RunCommandLock() {
    }

}
