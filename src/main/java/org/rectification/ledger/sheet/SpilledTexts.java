package org.rectification.ledger.sheet;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A list of texts kept in a {@link SpillFile}, each as its UTF-16 characters one after the other; only where each
 * one starts (an int) stays in heap. For the texts of a workbook too large to hold: the shared strings of an .xlsx
 * and the distinct texts of its cells.
 */
final class SpilledTexts implements Closeable {

    /** What a text costs in heap once spilled: its offset. */
    static final long TEXT_BYTES = 4;

    private static final int BLOCK_BYTES = 64 * 1024;

    private final SpillFile file;

    private final ReadBudget budget;

    /** Where each text starts, in characters; offsets[size] is where the next one goes. */
    private int[] offsets = new int[1024];

    private int size;

    private byte[] scratch = new byte[256];

    SpilledTexts(Path folder, ReadBudget budget) {
        this.file = SpillFile.create(folder, BLOCK_BYTES);
        this.budget = budget;
    }

    /** Adds the text at the end; its index. */
    int add(String text) {
        this.budget.hold(TEXT_BYTES);
        if (this.size + 1 == this.offsets.length) {
            this.offsets = Arrays.copyOf(this.offsets, this.offsets.length * 2);
        }
        long end = (long) this.offsets[this.size] + text.length();
        if (end > Integer.MAX_VALUE) {
            throw ReadBudget.tooLarge(this.budget.file());
        }
        // a block holds an even number of bytes, so a character never straddles two
        for (int i = 0; i < text.length(); i++) {
            this.file.tail().putChar(text.charAt(i));
        }
        int index = this.size++;
        this.offsets[this.size] = (int) end;
        return index;
    }

    /** Adds the characters of a packed buffer, text by text, as they were offset there. */
    void addAll(char[] chars, int[] offsets, int count) {
        for (int i = 0; i < count; i++) {
            add(new String(chars, offsets[i], offsets[i + 1] - offsets[i]));
        }
    }

    String get(int index) {
        int from = this.offsets[index];
        int length = this.offsets[index + 1] - from;
        if (length == 0) {
            return "";
        }
        int bytes = 2 * length;
        if (this.scratch.length < bytes) {
            this.scratch = new byte[Math.max(bytes, 2 * this.scratch.length)];
        }
        this.file.get(2L * from, this.scratch, 0, bytes);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ((this.scratch[2 * i] & 0xff) | ((this.scratch[2 * i + 1] & 0xff) << 8));
        }
        return new String(chars);
    }

    int size() {
        return this.size;
    }

    /** No more texts: the unused room of the offsets goes. */
    void trim() {
        this.offsets = Arrays.copyOf(this.offsets, this.size + 1);
    }

    @Override
    public void close() {
        this.file.close();
    }

}
