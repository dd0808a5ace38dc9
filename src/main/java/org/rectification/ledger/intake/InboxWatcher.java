package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the inbox and calls back once new files have settled: every new or changed spreadsheet pushes
 * the callback back by the debounce time, so a department copying 30 files causes one run, not 30. It also
 * notes when each file appeared, which is the file's arrival for timeliness (see {@link Arrivals}).
 */
public final class InboxWatcher implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(InboxWatcher.class);

    private final Path inbox;

    private final Duration debounce;

    private final Runnable onSettled;

    private final ScheduledExecutorService scheduler;

    private final Arrivals arrivals;

    private WatchService watchService;

    private Thread thread;

    private ScheduledFuture<?> pending;

    public InboxWatcher(Path inbox, Duration debounce, Runnable onSettled, ScheduledExecutorService scheduler,
            Arrivals arrivals) {
        this.inbox = inbox;
        this.debounce = debounce;
        this.onSettled = onSettled;
        this.scheduler = scheduler;
        this.arrivals = arrivals;
    }

    public InboxWatcher(Path inbox, Duration debounce, Runnable onSettled, ScheduledExecutorService scheduler) {
        this(inbox, debounce, onSettled, scheduler, new Arrivals());
    }

    public void start() throws IOException {
        Files.createDirectories(this.inbox);
        this.watchService = FileSystems.getDefault().newWatchService();
        this.inbox.register(this.watchService, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.OVERFLOW);
        this.thread = new Thread(this::watch, "inbox-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
        logger.info("Watching {} (runs {}s after the last new file)", this.inbox, this.debounce.toSeconds());
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = this.watchService.take();
                boolean relevant = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        relevant = true;
                        continue;
                    }
                    String name = String.valueOf(event.context());
                    if (InboxScanner.isSpreadsheetName(name) && !InboxScanner.isLockOrTemporary(name)) {
                        relevant = true;
                        Path file = this.inbox.resolve(name);
                        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                            this.arrivals.appeared(file, Instant.now());
                        }
                        else {
                            this.arrivals.written(file, Instant.now());
                        }
                    }
                }
                key.reset();
                if (relevant) {
                    changed();
                }
            }
        }
        catch (InterruptedException | ClosedWatchServiceException ex) {
            // closing
        }
    }

    /** A file arrived or changed: (re)start the quiet period. */
    synchronized void changed() {
        if (this.pending != null) {
            this.pending.cancel(false);
        }
        this.pending = this.scheduler.schedule(this.onSettled, this.debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        if (this.watchService != null) {
            this.watchService.close();
        }
        if (this.thread != null) {
            this.thread.interrupt();
        }
        synchronized (this) {
            if (this.pending != null) {
                this.pending.cancel(false);
            }
        }
    }

}
