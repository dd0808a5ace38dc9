package org.rectification.ledger.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs {@code ledger args...} in this JVM and keeps what it printed on standard output.
 */
record CommandOutput(int exitCode, String text) {

    static CommandOutput of(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = LedgerCommand.execute(args);
        }
        finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return new CommandOutput(exitCode, text);
    }

}
