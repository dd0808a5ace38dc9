package org.rectification.ledger.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the temporary files a killed run left beside its outputs. Workbooks and notices are written under a
 * hidden temporary name in their target's folder and renamed into place ({@code .name-123.tmp}, {@code .name123.raw},
 * {@code .merges-123.xml}), so such a file is never finished work; a run that holds the run lock is the only writer,
 * so at its start every one of them is a leftover.
 */
final class LeftoverFiles {

    private static final Logger logger = LoggerFactory.getLogger(LeftoverFiles.class);

    private LeftoverFiles() {
    }

    /** Removes leftovers in the folders and below; returns how many. A folder that does not exist is skipped. */
    static int remove(List<Path> folders) {
        int removed = 0;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(Files::isRegularFile).filter(LeftoverFiles::isLeftover).toList()) {
                    Files.deleteIfExists(file);
                    logger.info(Messages.get("job.log.leftover-removed", file.toString()));
                    removed++;
                }
            }
            catch (IOException ex) {
                // a leftover we cannot remove is harmless: the next write uses a fresh temporary name
                logger.warn(Messages.get("job.log.leftover-kept", folder.toString()));
                logger.debug("Could not clear temporary files under {}", folder, ex);
            }
        }
        return removed;
    }

    static boolean isLeftover(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && (name.endsWith(".tmp") || name.endsWith(".raw")
                || (name.startsWith(".merges-") && name.endsWith(".xml")));
    }

}
