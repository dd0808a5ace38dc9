package org.rectification.ledger.sheet;

import java.io.Closeable;
import java.util.Arrays;

/**
 * The distinct texts of one workbook, each kept once and referred to by its index: a sheet's department names,
 * statuses, leaders and dates repeat on every row, so cells hold an int instead of a string of their own. The
 * texts are packed one after the other into a single char buffer (a string object per text would cost more than
 * the text itself); a {@link String} is made only when one is asked for. The lookup table is open addressing over
 * plain ints, and is dropped once the workbook is read.
 * <p>
 * When the workbook's budget says so ({@link ReadBudget#shouldSpill()}), the texts move to a scratch file
 * ({@link SpilledTexts}) and only their offsets stay. From then on a text is looked for only among the recent short
 * texts of a small table ({@link #RECENT}): the texts that repeat (departments, statuses, dates, leaders) stay found,
 * a task's own description or measure is stored again should it ever repeat. That costs a little disk, never a
 * wrong value, and keeps the lookup bounded however many texts the sheet has.
 */
final class StringTable implements Closeable {

    /** Index of the empty string, always present. */
    static final int EMPTY = 0;

    /** What a text costs beside its characters: its offset, its hash and its lookup slots while reading. */
    static final long TEXT_BYTES = 16;

    private final ReadBudget budget;

    private char[] chars = new char[4096];

    private int length;

    /** Where each text starts in {@link #chars}; offsets[size] is where the next one goes. */
    private int[] offsets = new int[257];

    private int size;

    /** Hash of each text; null once frozen. */
    private int[] hashes = new int[256];

    /** Index + 1 of the text in each slot, 0 for a free slot; null once frozen. */
    private int[] slots = new int[512];

    /** What the in-heap texts hold of the budget, given back when they move to disk. */
    private long heldBytes;

    /** The texts, once they moved to disk; null while they are in heap. */
    private SpilledTexts spilled;

    /** Slots of the lookup once spilled: one recent text each, and its index. */
    private static final int RECENT = 1 << 16;

    /** Longest text the lookup keeps once spilled (longer ones are descriptions, written once). */
    private static final int RECENT_LENGTH = 40;

    private String[] recent;

    private int[] recentIndexes;

    StringTable(ReadBudget budget) {
        this.budget = budget;
        add("");
    }

    /** The index of the text, added when new. */
    int add(String text) {
        if (this.spilled != null) {
            return addSpilled(text);
        }
        int hash = text.hashCode();
        int[] table = this.slots;
        int mask = table.length - 1;
        int slot = spread(hash) & mask;
        while (table[slot] != 0) {
            int known = table[slot] - 1;
            if (this.hashes[known] == hash && equals(known, text)) {
                return known;
            }
            slot = (slot + 1) & mask;
        }
        this.budget.hold(TEXT_BYTES + 2L * text.length());
        this.heldBytes += TEXT_BYTES + 2L * text.length();
        if (this.size + 1 == this.offsets.length) {
            this.offsets = Arrays.copyOf(this.offsets, this.offsets.length * 2);
            this.hashes = Arrays.copyOf(this.hashes, this.offsets.length - 1);
        }
        if (this.length + text.length() > this.chars.length) {
            long wanted = Math.max(2L * this.chars.length, (long) this.length + text.length());
            if (wanted > Integer.MAX_VALUE - 16) {
                throw ReadBudget.tooLarge(this.budget.file());
            }
            this.chars = Arrays.copyOf(this.chars, (int) wanted);
        }
        text.getChars(0, text.length(), this.chars, this.length);
        this.length += text.length();
        int index = this.size++;
        this.hashes[index] = hash;
        this.offsets[this.size] = this.length;
        table[slot] = index + 1;
        if (2 * this.size > table.length) {
            rehash(table.length * 2);
        }
        if (this.budget.shouldSpill()) {
            spill();
        }
        return index;
    }

    /** The texts go to disk, in the same order, so every index given out stays what it was. */
    private void spill() {
        SpilledTexts texts = new SpilledTexts(this.budget.spillFolder(), this.budget);
        try {
            texts.addAll(this.chars, this.offsets, this.size);
        }
        catch (RuntimeException ex) {
            texts.close();
            throw ex;
        }
        this.spilled = texts;
        this.chars = null;
        this.offsets = null;
        this.hashes = null;
        this.slots = null;
        this.budget.release(this.heldBytes);
        this.heldBytes = 0;
        this.recent = new String[RECENT];
        this.recentIndexes = new int[RECENT];
        this.budget.hold(RECENT * (4L + 4L + ReadBudget.STRING_BYTES + 2L * RECENT_LENGTH));
    }

    private int addSpilled(String text) {
        int slot = spread(text.hashCode()) & (RECENT - 1);
        String known = this.recent[slot];
        if (known != null && known.equals(text)) {
            return this.recentIndexes[slot];
        }
        int index = this.spilled.add(text);
        if (text.length() <= RECENT_LENGTH) {
            this.recent[slot] = text;
            this.recentIndexes[slot] = index;
        }
        return index;
    }

    /** Whether the texts went to disk. */
    boolean spilled() {
        return this.spilled != null;
    }

    String get(int index) {
        if (this.spilled != null) {
            return this.spilled.get(index);
        }
        int from = this.offsets[index];
        return new String(this.chars, from, this.offsets[index + 1] - from);
    }

    int size() {
        return (this.spilled != null) ? this.spilled.size() : this.size;
    }

    /** No more texts: the lookup table and the unused room go. */
    void freeze() {
        if (this.spilled != null) {
            this.recent = null;
            this.recentIndexes = null;
            this.spilled.trim();
            return;
        }
        this.slots = null;
        this.hashes = null;
        this.chars = Arrays.copyOf(this.chars, this.length);
        this.offsets = Arrays.copyOf(this.offsets, this.size + 1);
    }

    /** The scratch file goes, when the texts went to disk; the table is not read after this. */
    @Override
    public void close() {
        if (this.spilled != null) {
            this.spilled.close();
        }
    }

    private boolean equals(int index, String text) {
        int from = this.offsets[index];
        if (this.offsets[index + 1] - from != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (this.chars[from + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void rehash(int length) {
        int[] table = new int[length];
        int mask = length - 1;
        for (int i = 0; i < this.size; i++) {
            int slot = spread(this.hashes[i]) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
        this.slots = table;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16) ^ (hash >>> 7);
    }

}
