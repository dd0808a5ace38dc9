package org.rectification.ledger.sheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a large workbook's texts and cells go when the heap may not hold them: a scratch file written in blocks and
 * read back by position through a few blocks kept in heap (positional reads, not a memory map, so the file's pages
 * count against the page cache, not the process). The file's name is removed as soon as it is open: nothing is left
 * behind when the read ends, fails or the process is killed; its room is given back when it is closed (or, should a
 * caller forget, when the channel is collected).
 */
final class SpillFile implements Closeable {

    /** Blocks kept in heap besides the one being written. */
    private static final int CACHED_BLOCKS = 32;

    private final FileChannel channel;

    private final int blockSize;

    /** The block being filled, not yet written. */
    private final ByteBuffer tail;

    private long tailBlock;

    private final Map<Long, ByteBuffer> cached = new LinkedHashMap<>(CACHED_BLOCKS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ByteBuffer> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    /** The block last read, looked up without the cache's map. */
    private long lastBlock = -1;

    private ByteBuffer last;

    private SpillFile(FileChannel channel, int blockSize) {
        this.channel = channel;
        this.blockSize = blockSize;
        this.tail = ByteBuffer.allocate(blockSize).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A new scratch file in the folder, already unlinked where the system allows it. */
    static SpillFile create(Path folder, int blockSize) {
        try {
            Files.createDirectories(folder);
            Path path = Files.createTempFile(folder, "ledger-spill-", ".tmp");
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            try {
                Files.deleteIfExists(path);
            }
            catch (IOException ex) {
                // a system that keeps open files (Windows): DELETE_ON_CLOSE removes it when closed
            }
            return new SpillFile(channel, blockSize);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    int blockSize() {
        return this.blockSize;
    }

    /** Bytes written so far. */
    long size() {
        return this.tailBlock * this.blockSize + this.tail.position();
    }

    /** The block being filled, to put into: a full one is written out first. */
    ByteBuffer tail() {
        if (!this.tail.hasRemaining()) {
            writeTail();
        }
        return this.tail;
    }

    void put(byte[] bytes, int offset, int length) {
        while (length > 0) {
            ByteBuffer tail = tail();
            int n = Math.min(length, tail.remaining());
            tail.put(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    private void writeTail() {
        try {
            ByteBuffer out = ByteBuffer.wrap(this.tail.array(), 0, this.blockSize);
            long at = this.tailBlock * this.blockSize;
            while (out.hasRemaining()) {
                at += this.channel.write(out, at);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.cached.remove(this.tailBlock);
        if (this.lastBlock == this.tailBlock) {
            this.lastBlock = -1;
        }
        this.tailBlock++;
        this.tail.clear();
    }

    /** The block, read when not held; the block being written is the live buffer. */
    ByteBuffer block(long block) {
        if (block == this.tailBlock) {
            return this.tail;
        }
        if (block == this.lastBlock) {
            return this.last;
        }
        ByteBuffer buffer = this.cached.get(block);
        if (buffer == null) {
            buffer = ByteBuffer.allocate(this.blockSize).order(ByteOrder.LITTLE_ENDIAN);
            try {
                long at = block * this.blockSize;
                while (buffer.hasRemaining()) {
                    if (this.channel.read(buffer, at + buffer.position()) < 0) {
                        break;
                    }
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            buffer.clear();
            this.cached.put(block, buffer);
        }
        this.lastBlock = block;
        this.last = buffer;
        return buffer;
    }

    /** Copies bytes from the given position on, across blocks. */
    void get(long position, byte[] into, int offset, int length) {
        while (length > 0) {
            long block = position / this.blockSize;
            int within = (int) (position % this.blockSize);
            int n = Math.min(length, this.blockSize - within);
            block(block).get(within, into, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    /** Overwrites an int already written (a cell's text cleared after the read). */
    void putInt(long position, int value) {
        long block = position / this.blockSize;
        int within = (int) (position % this.blockSize);
        block(block).putInt(within, value);
        if (block != this.tailBlock) {
            try {
                ByteBuffer out = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value);
                this.channel.write(out, position);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    @Override
    public void close() {
        this.cached.clear();
        this.last = null;
        try {
            this.channel.close();
        }
        catch (IOException ignored) {
            // the file is unlinked already; closing only gives its room back
        }
    }

}
