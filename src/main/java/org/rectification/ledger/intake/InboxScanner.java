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

import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the department files in the inbox that are ready to be taken in: spreadsheet names only, no
 * Office/WPS lock files ({@code ~$*}), hidden or temporary files, and nothing modified so recently that it
 * may still be being copied.
 */
public final class InboxScanner {

    private static final Logger logger = LoggerFactory.getLogger(InboxScanner.class);

    /** A file that is ready, with the facts intake records. */
    public record InboxFile(Path path, long size, Instant modified) {
    }

    /** What the scan saw: files ready now and files left for a later run. */
    public record Scan(List<InboxFile> ready, List<Path> settling, List<Path> ignored) {
    }

    private final Duration settle;

    public InboxScanner(Duration settle) {
        this.settle = settle;
    }

    /** Ready files in the order they arrived (modification time, then name), so a later file supersedes. */
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
                if (modified.isAfter(now.minus(this.settle))) {
                    settling.add(path);
                    logger.info(Messages.get("intake.log.settling", name, modified.toString()));
                    continue;
                }
                ready.add(new InboxFile(path, attributes.size(), modified));
            }
        }
        ready.sort(Comparator.comparing(InboxFile::modified).thenComparing((file) -> file.path().getFileName().toString()));
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
