package org.rectification.ledger.sheet;

import java.util.Arrays;

/**
 * The distinct texts of one workbook, each kept once and referred to by its index: a sheet's department names,
 * statuses, leaders and dates repeat on every row, so cells hold an int instead of a string of their own. The
 * lookup table is open addressing over plain ints, and is dropped once the workbook is read.
 */
final class StringTable {

    /** Index of the empty string, always present. */
    static final int EMPTY = 0;

    private final ReadBudget budget;

    private String[] strings = new String[256];

    private int size;

    /** Index + 1 of the string in each slot, 0 for a free slot; null once frozen. */
    private int[] slots = new int[512];

    StringTable(ReadBudget budget) {
        this.budget = budget;
        add("");
    }

    /** The index of the text, added when new. */
    int add(String text) {
        int[] table = this.slots;
        int mask = table.length - 1;
        int slot = spread(text.hashCode()) & mask;
        while (table[slot] != 0) {
            String known = this.strings[table[slot] - 1];
            if (known.equals(text)) {
                return table[slot] - 1;
            }
            slot = (slot + 1) & mask;
        }
        this.budget.hold(ReadBudget.STRING_BYTES + 2L * text.length());
        if (this.size == this.strings.length) {
            this.strings = Arrays.copyOf(this.strings, this.size * 2);
        }
        this.strings[this.size] = text;
        table[slot] = ++this.size;
        if (2 * this.size > table.length) {
            rehash(table.length * 2);
        }
        return this.size - 1;
    }

    String get(int index) {
        return this.strings[index];
    }

    int size() {
        return this.size;
    }

    /** No more texts: the lookup table and the unused room go. */
    void freeze() {
        this.slots = null;
        this.strings = Arrays.copyOf(this.strings, this.size);
    }

    private void rehash(int length) {
        int[] table = new int[length];
        int mask = length - 1;
        for (int i = 0; i < this.size; i++) {
            int slot = spread(this.strings[i].hashCode()) & mask;
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
