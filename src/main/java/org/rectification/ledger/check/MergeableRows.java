package org.rectification.ledger.check;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Predicate;

import org.rectification.ledger.sheet.SheetTable;
import org.rectification.ledger.sheet.TaskRow;

/**
 * The rows of a submission that may be merged, as positions in its tables: the tables make each row when it is
 * asked for, so the merge walks a large sheet one row at a time instead of holding all of them.
 */
final class MergeableRows extends AbstractList<TaskRow> implements RandomAccess {

    private final List<SheetTable> tables;

    /** Table of each mergeable row. */
    private final int[] tableIndexes;

    /** Position of each mergeable row in its table. */
    private final int[] rowIndexes;

    private MergeableRows(List<SheetTable> tables, int[] tableIndexes, int[] rowIndexes) {
        this.tables = tables;
        this.tableIndexes = tableIndexes;
        this.rowIndexes = rowIndexes;
    }

    static MergeableRows of(List<SheetTable> tables, Predicate<TaskRow> mergeable) {
        int total = tables.stream().mapToInt((table) -> table.rows().size()).sum();
        int[] tableIndexes = new int[total];
        int[] rowIndexes = new int[total];
        int count = 0;
        for (int t = 0; t < tables.size(); t++) {
            List<TaskRow> rows = tables.get(t).rows();
            for (int r = 0; r < rows.size(); r++) {
                if (mergeable.test(rows.get(r))) {
                    tableIndexes[count] = t;
                    rowIndexes[count] = r;
                    count++;
                }
            }
        }
        return new MergeableRows(List.copyOf(tables), Arrays.copyOf(tableIndexes, count),
                Arrays.copyOf(rowIndexes, count));
    }

    @Override
    public TaskRow get(int index) {
        return this.tables.get(this.tableIndexes[index]).rows().get(this.rowIndexes[index]);
    }

    @Override
    public int size() {
        return this.rowIndexes.length;
    }

}
