package org.rectification.ledger.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT as a request to stop, for serve mode: the JVM's default handlers would start shutdown
 * hooks at once and end the process with 143. Where the signals cannot be taken over (a JVM started with
 * -Xrs), the default behaviour stays and serve's shutdown hook stops the run instead.
 */
final class StopSignals {

    private static final Logger logger = LoggerFactory.getLogger(StopSignals.class);

    private static final String[] NAMES = { "TERM", "INT" };

    private StopSignals() {
    }

    /** Routes the stop signals to {@code onStop}; returns the handlers they had, for {@link #restore}. */
    static Map<String, Object> install(Runnable onStop) {
        Map<String, Object> previous = new LinkedHashMap<>();
        for (String name : NAMES) {
            try {
                previous.put(name, Signal.handle(new Signal(name), (signal) -> {
                    logger.info(Messages.get("cli.serve.signal", signal.getName()));
                    onStop.run();
                }));
            }
            catch (IllegalArgumentException ex) {
                logger.debug("SIG{} stays with the JVM: {}", name, ex.getMessage());
            }
        }
        return previous;
    }

    static void restore(Map<String, Object> previous) {
        previous.forEach((name, handler) -> Signal.handle(new Signal(name), (SignalHandler) handler));
    }

}
