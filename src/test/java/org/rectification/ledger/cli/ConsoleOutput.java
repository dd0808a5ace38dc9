package org.rectification.ledger.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs {@code ledger args...} in this JVM and keeps what it printed on standard output and standard error.
 */
record ConsoleOutput(int exitCode, String out, String err) {

    static ConsoleOutput of(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = LedgerCommand.execute(args);
        }
        finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        ConsoleOutput output = new ConsoleOutput(exitCode, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
        originalOut.print(output.out);
        originalErr.print(output.err);
        return output;
    }

}
