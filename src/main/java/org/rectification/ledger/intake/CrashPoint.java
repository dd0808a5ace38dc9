package org.rectification.ledger.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fault injection for the crash-safety tests: when the system property {@code ledger.crash-at} names the
 * point reached, the JVM halts on the spot, as {@code kill -9} would (no shutdown hooks, no cleanup). When
 * {@code ledger.pause-at} names it as {@code point=flag-file}, the run creates the flag file and waits until
 * the test deletes it, so the test can break something (the database connections) at that exact point.
 * Neither property is ever set in production.
 */
public final class CrashPoint {

    public static final String PROPERTY = "ledger.crash-at";

    public static final String PAUSE_PROPERTY = "ledger.pause-at";

    private CrashPoint() {
    }

    public static void reach(String point) {
        if (point.equals(System.getProperty(PROPERTY))) {
            System.err.println("crash point reached: " + point);
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
        String pause = System.getProperty(PAUSE_PROPERTY);
        if (pause != null && pause.startsWith(point + "=")) {
            pauseUntilFlagDeleted(Path.of(pause.substring(point.length() + 1)));
        }
    }

    private static void pauseUntilFlagDeleted(Path flag) {
        try {
            Files.writeString(flag, Long.toString(ProcessHandle.current().pid()));
            while (Files.exists(flag)) {
                Thread.sleep(50);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
