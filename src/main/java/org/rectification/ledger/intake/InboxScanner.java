package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the department files in the inbox that are ready to be taken in: spreadsheet names only, no
 * Office/WPS lock files ({@code ~$*}), hidden or temporary files, and nothing modified so recently that it
 * may still be being copied. Subfolders are read too, at any depth (hidden ones and the job's own folders
 * excepted), so a sheet dropped in a department's folder is never left unseen.
 * <p>
 * Every entry is looked at without following links first, so nothing it points to can stop the scan. A
 * symbolic link is followed only when it resolves inside the inbox; a link that cannot be followed, a FIFO,
 * socket or device, a file over the size limit, or a subfolder that cannot be read is returned as set aside,
 * with its reason, and is never opened.
 */
public final class InboxScanner {

    private static final Logger logger = LoggerFactory.getLogger(InboxScanner.class);

    /** When a file still being written last changed, as the console shows it: local time, to the second. */
    private static final DateTimeFormatter SETTLING_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    /** Technical detail of entries set aside (the clerk sees their Chinese reason on the notice): the log file only. */
    private static final Logger technical = LoggerFactory.getLogger("org.rectification.ledger.technical");

    /**
     * An inbox entry that is ready, with the facts intake records.
     *
     * @param modified its modification time, as the department's PC or a copying tool left it
     * @param arrived when it appeared in the inbox (see {@link Arrivals})
     * @param setAside why it is set aside without being read, or null for a file to take in
     */
    public record InboxFile(Path path, long size, Instant modified, Instant arrived, SetAside setAside) {

        /** A file to take in that arrived when it was last modified. */
        public InboxFile(Path path, long size, Instant modified) {
            this(path, size, modified, modified, null);
        }

        /** A file to take in. */
        public InboxFile(Path path, long size, Instant modified, Instant arrived) {
            this(path, size, modified, arrived, null);
        }

        /** The same entry, set aside for a reason found later. */
        public InboxFile withSetAside(SetAside reason) {
            return new InboxFile(this.path, this.size, this.modified, this.arrived, reason);
        }

    }

    /** What the scan saw: entries ready now (set-aside ones included) and files left for a later run. */
    public record Scan(List<InboxFile> ready, List<Path> settling, List<Path> ignored) {

        /** The ready entries that are set aside without being read. */
        public List<InboxFile> setAside() {
            return this.ready.stream().filter((file) -> file.setAside() != null).toList();
        }

    }

    private final Duration settle;

    private final long maxFileBytes;

    private final Set<Path> excluded;

    private final Arrivals arrivals;

    public InboxScanner(Duration settle) {
        this(settle, Long.MAX_VALUE, List.of(), new Arrivals());
    }

    public InboxScanner(Duration settle, Arrivals arrivals) {
        this(settle, Long.MAX_VALUE, List.of(), arrivals);
    }

    /**
     * @param maxFileBytes a larger file is set aside as too large, before a byte of it is read
     * @param excluded folders never read even when they lie inside the inbox (the job's archive, rejected, out
     * and work folders)
     * @param arrivals when the folder watcher saw files appear (serve mode)
     */
    public InboxScanner(Duration settle, long maxFileBytes, Collection<Path> excluded, Arrivals arrivals) {
        this.settle = settle;
        this.maxFileBytes = maxFileBytes;
        this.excluded = excluded.stream().map(InboxScanner::absolute).collect(Collectors.toUnmodifiableSet());
        this.arrivals = arrivals;
    }

    /** Ready files in the order they arrived (arrival time, then name), so a later file supersedes. */
    public Scan scan(Path inbox, Instant now) throws IOException {
        Walk walk = new Walk(now);
        if (Files.isDirectory(inbox)) {
            walk.inbox = inbox.toRealPath();
            walk.folder(inbox);
        }
        // in the order they arrived, so a later file of a department supersedes an earlier one
        walk.ready.sort(Comparator.comparing(InboxFile::arrived)
            .thenComparing((file) -> file.path().getFileName().toString())
            .thenComparing((file) -> file.path().toString()));
        return new Scan(walk.ready, walk.settling, walk.ignored);
    }

    static boolean isSpreadsheetName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls");
    }

    static boolean isLockOrTemporary(String name) {
        return name.startsWith("~$") || name.startsWith(".~") || name.startsWith(".") || name.startsWith("~")
                || name.endsWith(".tmp") || name.endsWith(".part") || name.endsWith(".crdownload");
    }

    /** 52.4 MB, 20.0 GB: a size as a clerk reads it. */
    static String size(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        if (mb >= 1024) {
            return Messages.get("intake.size.gb", String.format(Locale.ROOT, "%.1f", mb / 1024));
        }
        return Messages.get("intake.size.mb", String.format(Locale.ROOT, "%.1f", mb));
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    /** One scan of the inbox and its subfolders. */
    private final class Walk {

        private final Instant now;

        private final List<InboxFile> ready = new ArrayList<>();

        private final List<Path> settling = new ArrayList<>();

        private final List<Path> ignored = new ArrayList<>();

        private Path inbox;

        Walk(Instant now) {
            this.now = now;
        }

        /** Lists a folder; only the inbox itself failing to list fails the scan. */
        void folder(Path folder) throws IOException {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
                stream.forEach(entries::add);
            }
            entries.sort(Comparator.comparing(Path::toString));
            for (Path entry : entries) {
                entry(entry);
            }
        }

        private void entry(Path entry) throws IOException {
            String name = entry.getFileName().toString();
            BasicFileAttributes own;
            try {
                own = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            }
            catch (NoSuchFileException ex) {
                return; // removed since the folder was listed
            }
            catch (IOException ex) {
                // a folder that may be listed but not searched: the entry is named, nothing of it can be known
                technical.info("{} cannot be looked at ({}): set aside", entry, ex.toString());
                this.ready.add(new InboxFile(entry, 0, this.now, this.now, failed(name, ex)));
                return;
            }
            if (isLockOrTemporary(name)) {
                this.ignored.add(entry);
                return;
            }
            if (own.isDirectory()) {
                subfolder(entry, own);
                return;
            }
            Instant modified = own.lastModifiedTime().toInstant();
            long size = own.size();
            SetAside setAside = null;
            BasicFileAttributes target = own;
            if (own.isSymbolicLink()) {
                Path real = resolve(entry);
                if (real == null) {
                    setAside = SetAside.of(SetAside.Kind.LINK_BROKEN, name);
                }
                else if (!real.startsWith(this.inbox) || isInsideExcluded(real)) {
                    setAside = SetAside.of(SetAside.Kind.LINK_OUTSIDE, name);
                    technical.info("{} links to {}, outside the inbox: set aside, not followed", entry, real);
                }
                else {
                    try {
                        target = Files.readAttributes(real, BasicFileAttributes.class);
                    }
                    catch (IOException ex) {
                        // the target went away (or became unreadable) since the link was resolved
                        this.ready.add(new InboxFile(entry, 0, modified, modified, SetAside.of(SetAside.Kind.LINK_BROKEN, name)));
                        return;
                    }
                    if (target.isDirectory()) {
                        this.ignored.add(entry); // the folder itself is read where it lies
                        return;
                    }
                    Instant targetModified = target.lastModifiedTime().toInstant();
                    modified = targetModified.isAfter(modified) ? targetModified : modified;
                    size = target.size();
                }
            }
            if (setAside == null && target.isOther()) {
                setAside = SetAside.of(SetAside.Kind.SPECIAL_FILE, name, SpecialFiles.describe(entry));
                technical.info("{} is a special file ({}): set aside, never opened", entry, SpecialFiles.describe(entry));
            }
            if (setAside == null && !isSpreadsheetName(name)) {
                this.ignored.add(entry);
                return;
            }
            if (setAside == null && size > InboxScanner.this.maxFileBytes) {
                setAside = SetAside.of(SetAside.Kind.TOO_LARGE, name, size(size),
                        size(InboxScanner.this.maxFileBytes));
            }
            // both times move while a file is written; the earlier one ignores a future modification time (a PC with
            // a wrong clock, touch -d), which would otherwise keep the file waiting for ever
            Instant changed = Arrivals.changed(entry, target);
            Instant lastWritten = modified.isBefore(changed) ? modified : changed;
            if (lastWritten.isAfter(this.now.minus(InboxScanner.this.settle))) {
                this.settling.add(entry);
                logger.info(Messages.get("intake.log.settling", name, SETTLING_TIME.format(lastWritten)));
                return;
            }
            this.ready.add(new InboxFile(entry, size, modified, InboxScanner.this.arrivals.of(entry, target), setAside));
        }

        private void subfolder(Path folder, BasicFileAttributes attributes) throws IOException {
            if (isExcluded(folder)) {
                return;
            }
            try {
                folder(folder);
            }
            catch (NoSuchFileException ex) {
                // removed since its parent was listed
            }
            catch (IOException ex) {
                technical.info("Subfolder {} of the inbox cannot be read ({}): set aside", folder, ex.toString());
                Instant modified = attributes.lastModifiedTime().toInstant();
                this.ready.add(new InboxFile(folder, 0, modified, modified, failed(folder.getFileName().toString(), ex)));
            }
        }

        private SetAside failed(String name, IOException ex) {
            return (ex instanceof AccessDeniedException) ? SetAside.of(SetAside.Kind.NO_PERMISSION, name)
                    : SetAside.of(SetAside.Kind.READ_ERROR, name);
        }

        /** Where a link finally leads, or null when it leads nowhere (missing target, loop). */
        private Path resolve(Path link) {
            try {
                return link.toRealPath();
            }
            catch (IOException ex) {
                technical.info("{} is a link that cannot be followed ({}): set aside", link, ex.toString());
                return null;
            }
        }

        private boolean isExcluded(Path folder) {
            return InboxScanner.this.excluded.contains(absolute(folder));
        }

        private boolean isInsideExcluded(Path real) {
            return InboxScanner.this.excluded.stream().anyMatch(real::startsWith);
        }

    }

}
