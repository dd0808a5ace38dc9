package org.rectification.ledger.system;

/**
 * Fault injection for the crash-safety tests: when the system property {@code ledger.crash-at} names the
 * point reached, the JVM halts on the spot, as {@code kill -9} would (no shutdown hooks, no cleanup).
 * The property is never set in production.
 */
public final class CrashPoint {

    public static final String PROPERTY = "ledger.crash-at";

    private CrashPoint() {
    }

    public static void reach(String point) {
        if (point.equals(System.getProperty(PROPERTY))) {
            System.err.println("crash point reached: " + point);
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }

}
