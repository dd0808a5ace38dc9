package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the inbox and calls back once new files have settled: every new or changed spreadsheet pushes
 * the callback back by the debounce time, so a department copying 30 files causes one run, not 30. Subfolders are
 * watched too, as the scan reads them (hidden ones and the job's own folders excepted); a new subfolder counts as
 * new files, since files copied into it before it is watched are not seen one by one.
 * It also notes when each file appeared, which is the file's arrival for timeliness (see {@link Arrivals}).
 */
public final class InboxWatcher implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(InboxWatcher.class);

    private final Path inbox;

    private final Duration debounce;

    private final Runnable onSettled;

    private final ScheduledExecutorService scheduler;

    private final Set<Path> excluded;

    private final Arrivals arrivals;

    private WatchService watchService;

    private Thread thread;

    private ScheduledFuture<?> pending;

    public InboxWatcher(Path inbox, Duration debounce, Runnable onSettled, ScheduledExecutorService scheduler) {
        this(inbox, debounce, onSettled, scheduler, List.of(), new Arrivals());
    }

    /**
     * @param excluded folders inside the inbox never watched (the job's archive, rejected, out and work folders)
     * @param arrivals where each file's appearance is noted
     */
    public InboxWatcher(Path inbox, Duration debounce, Runnable onSettled, ScheduledExecutorService scheduler,
            Collection<Path> excluded, Arrivals arrivals) {
        this.inbox = inbox;
        this.debounce = debounce;
        this.onSettled = onSettled;
        this.scheduler = scheduler;
        this.excluded = excluded.stream().map((p) -> p.toAbsolutePath().normalize()).collect(Collectors.toSet());
        this.arrivals = arrivals;
    }

    public void start() throws IOException {
        Files.createDirectories(this.inbox);
        this.watchService = FileSystems.getDefault().newWatchService();
        register(this.inbox);
        this.thread = new Thread(this::watch, "inbox-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
        logger.info(Messages.get("intake.log.watching", this.inbox.toString(), String.valueOf(this.debounce.toSeconds())));
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
                    Path entry = ((Path) key.watchable()).resolve(name);
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && isWatched(entry)) {
                        register(entry);
                        relevant = true;
                        continue;
                    }
                    if (InboxScanner.isSpreadsheetName(name) && !InboxScanner.isLockOrTemporary(name)) {
                        relevant = true;
                        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                            this.arrivals.appeared(entry, Instant.now());
                        }
                        else {
                            this.arrivals.written(entry, Instant.now());
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

    /** Watches a folder and every subfolder the scan would read. */
    private void register(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path each, BasicFileAttributes attributes) throws IOException {
                    if (!isWatched(each)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    each.register(InboxWatcher.this.watchService, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.OVERFLOW);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path each, IOException ex) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException ex) {
            // an unreadable subfolder is reported by the scan; the next scheduled run still reads the rest
            logger.info(Messages.get("intake.log.cannot-watch", folder.toString()));
            logger.debug("Cannot watch {}", folder, ex);
        }
    }

    private boolean isWatched(Path path) {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (path.equals(this.inbox)) {
            return true;
        }
        return !InboxScanner.isLockOrTemporary(path.getFileName().toString())
                && !this.excluded.contains(path.toAbsolutePath().normalize());
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
