package org.rectification.ledger.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.sheet.ReadSubmission;
import org.rectification.ledger.system.WorkerThreads;
import org.slf4j.MDC;

/**
 * Reads the next few pending workbooks on another thread while this step's thread checks and merges the
 * current one: reading is pure (it touches only the file), so it can run ahead without changing what is
 * committed, and a restarted run simply reads again. Only small files are read ahead, a few at a time, so
 * the heap never holds more than one large sheet; a large file is read when its turn comes. A read that fails
 * ahead, even with an exhausted heap, throws when its file's turn comes, as if it were read then; the check's
 * guards ({@link org.rectification.ledger.check.SheetCheck}) decide what the file becomes.
 */
class SubmissionReadAhead implements AutoCloseable {

    /** Files larger than this (about 2,500 rows) are read in turn, never ahead. */
    static final long MAX_AHEAD_BYTES = 256L * 1024;

    private final Function<Path, ReadSubmission> reader;

    private final int depth;

    private final ExecutorService pool;

    private final Map<Long, Future<ReadSubmission>> ahead = new HashMap<>();

    private List<Submission> pending = List.of();

    private final Map<Long, Integer> positions = new HashMap<>();

    private int nextToSchedule;

    /**
     * @param reader reads one workbook, as {@link org.rectification.ledger.check.SheetCheck#read(Path)} does
     * @param threads threads reading ahead; 0 reads every file in turn
     */
    SubmissionReadAhead(Function<Path, ReadSubmission> reader, int threads) {
        this.reader = reader;
        this.depth = 2 * threads;
        this.pool = (threads == 0) ? null : WorkerThreads.threads("sheet-read-ahead", threads);
    }

    /** One reading thread per core beside this step's own, at most three. */
    static int defaultThreads() {
        return Math.max(0, Math.min(3, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** The submissions about to be checked, in the order they will be asked for. */
    void pending(List<Submission> submissions) {
        this.pending = List.copyOf(submissions);
        this.positions.clear();
        for (int i = 0; i < this.pending.size(); i++) {
            this.positions.put(this.pending.get(i).id(), i);
        }
        this.nextToSchedule = 0;
        this.ahead.values().forEach((future) -> future.cancel(true));
        this.ahead.clear();
        scheduleAfter(-1);
    }

    /**
     * The read workbook of a submission: taken from the read-ahead when it was read there, read now otherwise.
     * Throws exactly what the reader throws.
     */
    ReadSubmission read(Submission submission) {
        Future<ReadSubmission> future = this.ahead.remove(submission.id());
        Integer position = this.positions.get(submission.id());
        if (position != null) {
            scheduleAfter(position);
        }
        if (future == null) {
            return this.reader.apply(submission.inboxPath());
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                }
                catch (InterruptedException ex) {
                    // the read finishes in moments; giving up on it would reject a good file as unreadable
                    interrupted = true;
                }
                catch (ExecutionException ex) {
                    Throwable cause = ex.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Keeps up to {@code depth} small files read or being read after the given position in the list. */
    private void scheduleAfter(int position) {
        if (this.pool == null) {
            return;
        }
        if (position >= this.nextToSchedule) {
            this.nextToSchedule = position + 1;
        }
        while (this.nextToSchedule < this.pending.size() && this.nextToSchedule <= position + this.depth) {
            Submission next = this.pending.get(this.nextToSchedule++);
            if (next.setAside() == null && isSmall(next.inboxPath())) {
                Map<String, String> logContext = MDC.getCopyOfContextMap();
                this.ahead.put(next.id(), this.pool.submit(() -> {
                    if (logContext != null) {
                        MDC.setContextMap(logContext);
                    }
                    try {
                        return this.reader.apply(next.inboxPath());
                    }
                    finally {
                        MDC.clear();
                    }
                }));
            }
        }
    }

    /** A regular file of at most MAX_AHEAD_BYTES: a special file (a FIFO would block) is never read ahead. */
    private static boolean isSmall(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) <= MAX_AHEAD_BYTES;
        }
        catch (IOException ex) {
            // read in turn, where the reader reports why the file cannot be read
            return false;
        }
    }

    @Override
    public void close() {
        this.ahead.values().forEach((future) -> future.cancel(true));
        this.ahead.clear();
        if (this.pool != null) {
            this.pool.shutdownNow();
        }
    }

}
