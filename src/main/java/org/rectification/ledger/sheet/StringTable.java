package org.rectification.ledger.sheet;

import java.util.Arrays;

/**
 * The distinct texts of one workbook, each kept once and referred to by its index: a sheet's department names,
 * statuses, leaders and dates repeat on every row, so cells hold an int instead of a string of their own. The
 * texts are packed one after the other into a single char buffer (a string object per text would cost more than
 * the text itself); a {@link String} is made only when one is asked for. The lookup table is open addressing over
 * plain ints, and is dropped once the workbook is read.
 */
final class StringTable {

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

    StringTable(ReadBudget budget) {
        this.budget = budget;
        add("");
    }

    /** The index of the text, added when new. */
    int add(String text) {
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
        return index;
    }

    String get(int index) {
        int from = this.offsets[index];
        return new String(this.chars, from, this.offsets[index + 1] - from);
    }

    int size() {
        return this.size;
    }

    /** No more texts: the lookup table and the unused room go. */
    void freeze() {
        this.slots = null;
        this.hashes = null;
        this.chars = Arrays.copyOf(this.chars, this.length);
        this.offsets = Arrays.copyOf(this.offsets, this.size + 1);
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
