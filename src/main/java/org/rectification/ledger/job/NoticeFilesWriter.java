package org.rectification.ledger.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.rectification.ledger.check.ReturnNoticeWriter;
import org.rectification.ledger.system.WorkerThreads;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes a chunk's return notices side by side, one writer thread per core (at most four), and returns once all of
 * them are on disk, so the chunk's commit records exactly the notices written. Their names were reserved before
 * (see {@link PendingNoticeReader}).
 */
class NoticeFilesWriter implements ItemStreamWriter<NoticeItem> {

    /** Notices are independent files: one writer per core, at most four. */
    static final int WRITERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /**
     * Notices per chunk: one per writer on a four-core machine; a stop request waits for at most this many, a crash
     * redoes at most this many. Fixed, so a crash point ({@code noticeStep:2}) means the same on every machine.
     */
    static final int NOTICES_PER_CHUNK = 4;

    /** KiB of source workbooks copied at the same time: the size a notice still copies (1 MB). */
    private static final int SOURCE_BUDGET_KIB = (int) (ReturnNoticeWriter.MAX_SOURCE_BYTES / 1024);

    private final Semaphore sourceBudget = new Semaphore(SOURCE_BUDGET_KIB);

    private final ReturnNoticeWriter writer;

    private ExecutorService pool;

    NoticeFilesWriter(ReturnNoticeWriter writer) {
        this.writer = writer;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        this.pool = WorkerThreads.threads("notice-writer", WRITERS);
    }

    @Override
    public void write(Chunk<? extends NoticeItem> notices) throws IOException {
        if (this.pool == null) {
            throw new IllegalStateException("The writer writes after it is opened");
        }
        List<Future<Void>> written = new ArrayList<>();
        for (NoticeItem notice : notices) {
            written.add(this.pool.submit(() -> write(notice)));
        }
        // every notice is waited for, so none is still being written when the chunk fails or commits
        Exception failure = null;
        for (int i = 0; i < written.size(); i++) {
            try {
                WorkerThreads.await(written.get(i), notices.getItems().get(i).target().toString());
            }
            catch (IOException | RuntimeException ex) {
                failure = (failure != null) ? failure : ex;
            }
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
    }

    /** The step is over (done, failed or stopped): no writer thread outlives it. */
    @Override
    public void close() {
        if (this.pool != null) {
            this.pool.shutdownNow();
            this.pool = null;
        }
    }

    /**
     * Writes one notice once enough of the memory budget is free: copying holds the source's cells in memory (an
     * .xls as POI's whole object model), so two large sources are never copied at the same time.
     */
    private Void write(NoticeItem notice) throws IOException, InterruptedException {
        int weight = sourceWeight(notice.source());
        this.sourceBudget.acquire(weight);
        try {
            this.writer.write(notice.source(), notice.notice(), notice.target());
            return null;
        }
        finally {
            this.sourceBudget.release(weight);
        }
    }

    /** The source's share of the budget, in KiB: small sheets run side by side, a 1 MB one runs alone. */
    private static int sourceWeight(Path source) {
        try {
            long size = (source != null && Files.isRegularFile(source)) ? Files.size(source) : 0;
            return (int) Math.max(1, Math.min(SOURCE_BUDGET_KIB, size / 1024));
        }
        catch (IOException ex) {
            return 1;
        }
    }

}
