package org.rectification.ledger.system;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work a run hands to helper threads (notices written side by side, the master ledger beside the progress
 * workbook) and the wait for its result, failures passed on as the work threw them.
 */
public final class WorkerThreads {

    private WorkerThreads() {
    }

    /** A pool of named daemon threads: a helper never keeps the JVM alive after the run. */
    public static ExecutorService threads(String name, int count) {
        return Executors.newFixedThreadPool(count, (task) -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Waits for the work and returns its result; an I/O or runtime failure is rethrown as it was thrown.
     * @param what what the work produces, for the message of any other failure
     */
    public static <T> T await(Future<T> work, String what) throws IOException {
        try {
            return work.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while writing " + what);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof IOException io) {
                throw io;
            }
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("Could not write " + what, ex.getCause());
        }
    }

}
