package org.rectification.ledger.cli;

import java.nio.file.Path;

/**
 * Where the program itself lives: the launcher script passes its folder as {@code -Dledger.home}, so the demo
 * finds the sample county and {@code init} can name the launcher, whatever folder the command was started from.
 */
final class Launcher {

    private Launcher() {
    }

    /** The program's folder; the current folder when started without the launcher (tests, java -jar). */
    static Path home() {
        String home = System.getProperty("ledger.home");
        return Path.of((home != null && !home.isBlank()) ? home : "").toAbsolutePath().normalize();
    }

}
