package org.rectification.ledger.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The non-empty cells and merged ranges of one sheet, as delivered by the streaming read, before merged
 * values are filled in. Sparse, and bounded by the row and column limits.
 */
final class RawSheet {

    private final int index;

    private final String name;

    private final TreeMap<Integer, TreeMap<Integer, CellValue>> rows = new TreeMap<>();

    private final List<CellRange> merges = new ArrayList<>();

    RawSheet(int index, String name) {
        this.index = index;
        this.name = CellValue.withoutNul(name);
    }

    int index() {
        return this.index;
    }

    String name() {
        return this.name;
    }

    void put(int row, int column, CellValue value) {
        this.rows.computeIfAbsent(row, (r) -> new TreeMap<>()).put(column, value);
    }

    void merge(CellRange range) {
        this.merges.add(range);
    }

    TreeMap<Integer, TreeMap<Integer, CellValue>> rows() {
        return this.rows;
    }

    List<CellRange> merges() {
        return this.merges;
    }

    TreeMap<Integer, CellValue> row(int row) {
        TreeMap<Integer, CellValue> cells = this.rows.get(row);
        return (cells != null) ? cells : new TreeMap<>();
    }

}
