package org.rectification.ledger.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One {@code run} process at a time on an embedded (H2) ledger, decided before the database is opened: an
 * operating-system lock on {@code work/run.lock}, which says who holds it. Without it, runs started together all
 * open the database; the first to open it serves it to the others, and when that one leaves because the run lock
 * is taken, the connections of the run that got the lock break under it. The lock goes with the process, however
 * it ends.
 */
public final class RunLockFile implements AutoCloseable {

    private static final Duration HOLDER_WRITE_WAIT = Duration.ofSeconds(1);

    private final FileChannel channel;

    private final FileLock lock;

    private RunLockFile(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, or returns empty with {@code holder} set to what the holder wrote ("host/pid" and since when).
     */
    public static Optional<RunLockFile> tryTake(Path work, String[] holder) throws IOException {
        Files.createDirectories(work);
        Path file = work.resolve("run.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        }
        catch (OverlappingFileLockException ex) {
            lock = null; // a run of this same process holds it
        }
        if (lock == null) {
            String[] said = holderSays(file);
            holder[0] = said[0].isBlank() ? null : said[0].strip();
            holder[1] = (said.length > 1 && !said[1].isBlank()) ? said[1].strip() : null;
            channel.close();
            return Optional.empty();
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((RunLock.processName() + "\n" + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        }
        catch (IOException ex) {
            // a full disk: the lock still holds, only its holder's name is missing
        }
        return Optional.of(new RunLockFile(channel, lock));
    }

    /**
     * What the holder wrote. A holder that has just taken the lock writes its name a moment later, so an empty or
     * half-written file is read again for up to a second before the holder is called unknown.
     */
    private static String[] holderSays(Path file) throws IOException {
        long giveUp = System.nanoTime() + HOLDER_WRITE_WAIT.toNanos();
        while (true) {
            String[] said = Files.readString(file, StandardCharsets.UTF_8).split("\n", 3);
            if (said.length > 2 || System.nanoTime() > giveUp) {
                return said;
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return said;
            }
        }
    }

    @Override
    public void close() throws IOException {
        this.lock.release();
        this.channel.close();
    }

}
