package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each inbox file appeared: the moment the folder watcher saw it, or else the file's inode change time
 * (ctime), which no copying tool carries over from the department's PC. The modification time is not used:
 * {@code cp -p}, a zip extraction or a mail client keep the department's own, and {@code touch} sets any.
 */
public final class Arrivals {

    private static final Logger logger = LoggerFactory.getLogger(Arrivals.class);

    private final Map<Path, Instant> seen = new ConcurrentHashMap<>();

    /** The watcher saw the file appear (or a new file replace it) at this moment. */
    public void appeared(Path file, Instant when) {
        this.seen.put(key(file), when);
    }

    /** The watcher saw the file written to; it keeps the moment it first appeared. */
    void written(Path file, Instant when) {
        this.seen.putIfAbsent(key(file), when);
    }

    /** When the file arrived: as the watcher saw it, or its inode change time. */
    Instant of(Path file, BasicFileAttributes attributes) {
        Instant watched = this.seen.get(key(file));
        return (watched != null) ? watched : changed(file, attributes);
    }

    /** The inode change time; where the file system has none (Windows), the creation time, set by the copy. */
    static Instant changed(Path file, BasicFileAttributes attributes) {
        try {
            return ((FileTime) Files.getAttribute(file, "unix:ctime")).toInstant();
        }
        catch (UnsupportedOperationException | IllegalArgumentException | IOException ex) {
            logger.debug("No inode change time for {}, using its creation time", file, ex);
            return attributes.creationTime().toInstant();
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

}
