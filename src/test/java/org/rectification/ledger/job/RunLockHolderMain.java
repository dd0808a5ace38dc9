package org.rectification.ledger.job;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A second process for {@link RunLockPostgresTests}: takes the run lock, prints "HELD pid" (or "BUSY"), holds it
 * until it reads "release" or its input ends, then releases it and exits. Killed, it never releases.
 */
public final class RunLockHolderMain {

    private RunLockHolderMain() {
    }

    /** Arguments: JDBC URL, user, lock name, max hold in milliseconds. */
    public static void main(String[] args) throws Exception {
        RunLock runLock = new RunLock(new DriverManagerDataSource(args[0], args[1], ""));
        Optional<RunLock.Held> held = runLock.tryAcquire(args[2], Duration.ofMillis(Long.parseLong(args[3])));
        if (held.isEmpty()) {
            System.out.println("BUSY");
            System.exit(2);
        }
        try (RunLock.Held lock = held.get()) {
            System.out.println("HELD " + ProcessHandle.current().pid());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("release")) {
                // keep holding
            }
        }
        System.out.println("RELEASED");
        System.out.flush();
    }

}
