package org.rectification.ledger.sheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the table header in the first {@value #SEARCH_ROWS} rows of a sheet: the row (or pair of rows, for
 * a header with a merged group cell over sub-columns) that recognises the most required fields, then the
 * most fields. Title rows merged across the table never match an alias, so they do not disturb it.
 */
final class HeaderDetector {

    static final int SEARCH_ROWS = 20;

    private final HeaderNames names;

    HeaderDetector(HeaderNames names) {
        this.names = names;
    }

    /**
     * @param firstRow zero-based first header row
     * @param lastRow zero-based last header row
     */
    record Header(int firstRow, int lastRow, Map<Field, SheetColumn> columns, List<SheetColumn> extraColumns) {

        int required() {
            return (int) this.columns.keySet().stream().filter(Field::required).count();
        }

        boolean acceptable() {
            return (this.columns.containsKey(Field.PROBLEM) && this.columns.containsKey(Field.MEASURE))
                    || required() >= 3;
        }

        boolean betterThan(Header other) {
            if (required() != other.required()) {
                return required() > other.required();
            }
            return this.columns.size() > other.columns.size();
        }

    }

    /** The header, or null when no row in the search area looks like one. */
    Header detect(SheetGrid grid) {
        Header best = null;
        int last = Math.min(SEARCH_ROWS - 1, grid.lastRow());
        // one-row headers first: a pair of rows must recognise strictly more to win
        for (int span = 0; span <= 1; span++) {
            for (int row = 0; row + span <= last; row++) {
                Header candidate = build(grid, row, row + span);
                if (candidate.acceptable() && (best == null || candidate.betterThan(best))) {
                    best = candidate;
                }
            }
        }
        if (best != null && best.firstRow() == best.lastRow() && best.firstRow() > 0
                && isGroupRow(grid, best.firstRow() - 1, best)) {
            best = build(grid, best.firstRow() - 1, best.lastRow());
        }
        return best;
    }

    /**
     * The row above a one-row header belongs to it when a header column is merged down over both rows, or a
     * cell of the row above is merged across some (not all) of the header's columns, like 责任主体 over
     * 责任领导 | 责任单位 | 责任人. A labelled line ("填报单位：…") is never a group row.
     */
    private boolean isGroupRow(SheetGrid grid, int above, Header header) {
        for (SheetColumn column : header.columns().values()) {
            CellRange range = grid.mergeAt(header.firstRow(), column.index());
            if (range != null && range.firstRow() == above) {
                return true;
            }
        }
        for (SheetColumn column : header.columns().values()) {
            CellRange range = grid.mergeAt(above, column.index());
            // a "填报单位：…" line merged across the template's columns is no group, even when the department added
            // columns to the right of it
            if (range != null && range.horizontal() && range.lastRow() == above
                    && !BlockLabels.startsWithAnyLabel(grid.filledText(above, column.index()))) {
                long inside = header.columns().values().stream().filter((c) -> range.contains(above, c.index())).count();
                if (inside > 1 && inside < header.columns().size()) {
                    return true;
                }
            }
        }
        return false;
    }

    private Header build(SheetGrid grid, int top, int bottom) {
        TreeSet<Integer> indexes = new TreeSet<>(grid.filledColumns(bottom));
        if (top != bottom) {
            indexes.addAll(grid.filledColumns(top));
        }
        Map<Field, SheetColumn> columns = new EnumMap<>(Field.class);
        List<SheetColumn> extras = new ArrayList<>();
        for (int index : indexes) {
            String sub = TextForms.clean(grid.filledText(bottom, index));
            String group = (top != bottom) ? TextForms.clean(grid.filledText(top, index)) : sub;
            Field field;
            String header;
            if (sub.isEmpty() || TextForms.key(sub).equals(TextForms.key(group))) {
                field = this.names.match(group);
                header = group;
            }
            else {
                field = this.names.match(sub);
                header = sub;
                if (field == null && !group.isEmpty()) {
                    field = this.names.match(group + sub);
                    header = group + "/" + sub;
                }
            }
            if (field != null && !columns.containsKey(field)) {
                columns.put(field, new SheetColumn(index, header, field));
            }
            else {
                extras.add(new SheetColumn(index, header, null));
            }
        }
        return new Header(top, bottom, columns, extras);
    }

}
