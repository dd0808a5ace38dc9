package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the department files in the inbox that are ready to be taken in: spreadsheet names only, no
 * Office/WPS lock files ({@code ~$*}), hidden or temporary files, and nothing modified so recently that it
 * may still be being copied.
 */
public final class InboxScanner {

    private static final Logger logger = LoggerFactory.getLogger(InboxScanner.class);

    /**
     * A file that is ready, with the facts intake records.
     *
     * @param modified its modification time, as the department's PC or a copying tool left it
     * @param arrived when it appeared in the inbox (see {@link Arrivals})
     */
    public record InboxFile(Path path, long size, Instant modified, Instant arrived) {

        /** A file that arrived when it was last modified. */
        public InboxFile(Path path, long size, Instant modified) {
            this(path, size, modified, modified);
        }

    }

    /** What the scan saw: files ready now and files left for a later run. */
    public record Scan(List<InboxFile> ready, List<Path> settling, List<Path> ignored) {
    }

    private final Duration settle;

    private final Arrivals arrivals;

    public InboxScanner(Duration settle, Arrivals arrivals) {
        this.settle = settle;
        this.arrivals = arrivals;
    }

    /** A scanner with no folder watcher: arrival is the inode change time. */
    public InboxScanner(Duration settle) {
        this(settle, new Arrivals());
    }

    /** Ready files in the order they arrived (arrival time, then name), so a later file supersedes. */
    public Scan scan(Path inbox, Instant now) throws IOException {
        List<InboxFile> ready = new ArrayList<>();
        List<Path> settling = new ArrayList<>();
        List<Path> ignored = new ArrayList<>();
        if (!Files.isDirectory(inbox)) {
            return new Scan(ready, settling, ignored);
        }
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path path : files.sorted().toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    continue;
                }
                String name = path.getFileName().toString();
                if (!isSpreadsheetName(name) || isLockOrTemporary(name) || Files.isHidden(path)) {
                    ignored.add(path);
                    continue;
                }
                Instant modified = attributes.lastModifiedTime().toInstant();
                // both times move while a file is written; the earlier one ignores a future modification time
                // (a PC with a wrong clock, touch -d), which would otherwise keep the file waiting for ever
                Instant changed = Arrivals.changed(path, attributes);
                Instant lastWritten = modified.isBefore(changed) ? modified : changed;
                if (lastWritten.isAfter(now.minus(this.settle))) {
                    settling.add(path);
                    logger.info("{} is still being written (modified {}), left for the next run", name, lastWritten);
                    continue;
                }
                ready.add(new InboxFile(path, attributes.size(), modified, this.arrivals.of(path, attributes)));
            }
        }
        ready.sort(Comparator.comparing(InboxFile::arrived).thenComparing((file) -> file.path().getFileName().toString()));
        return new Scan(ready, settling, ignored);
    }

    static boolean isSpreadsheetName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls");
    }

    static boolean isLockOrTemporary(String name) {
        return name.startsWith("~$") || name.startsWith(".~") || name.startsWith(".") || name.startsWith("~")
                || name.endsWith(".tmp") || name.endsWith(".part") || name.endsWith(".crdownload");
    }

}
