package org.rectification.ledger.cli;

import org.rectification.ledger.bench.ProbeMain;

/**
 * The child JVM of a bench measurement of a ledger command ({@code run}, {@code check}): the bench's probe with
 * the command line to run, so that the benchmark itself never depends on the commands it measures.
 */
public final class LedgerProbe {

    private LedgerProbe() {
    }

    public static void main(String[] args) throws Exception {
        ProbeMain.probe(args, LedgerCommand::execute);
    }

}
