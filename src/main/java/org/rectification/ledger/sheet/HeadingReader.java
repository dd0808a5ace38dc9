package org.rectification.ledger.sheet;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the lines around a table that identify the submission: the title row, the "填报单位：县民政局"
 * line above the table and the "填报日期：2026年11月5日" line above or below it.
 */
final class HeadingReader {

    private static final List<String> DATE_LABELS = List.of("填报日期", "填表日期", "报送日期", "日期");

    private final BlockLabels labels;

    private final Placeholders placeholders;

    private final DeadlineParser dates;

    HeadingReader(BlockLabels labels, Placeholders placeholders, DeadlineParser dates) {
        this.labels = labels;
        this.placeholders = placeholders;
        this.dates = dates;
    }

    /** The first text above the header that is not a labelled line, or null. */
    String title(SheetGrid grid, int headerRow) {
        for (int row = 0; row < headerRow; row++) {
            for (CellValue value : grid.rawRow(row).values()) {
                String text = TextForms.clean(value.text());
                if (text.isEmpty()) {
                    continue;
                }
                if (this.labels.find(text).isEmpty() && !TextForms.key(text).matches("附件\\d*[:：]?")) {
                    return text;
                }
                break;
            }
        }
        return null;
    }

    /** The unit after "填报单位：" above the header, or null. */
    String declaredUnit(SheetGrid grid, int headerRow) {
        String unit = labelled(grid, 0, headerRow - 1, List.of("填报单位"));
        return (unit == null || this.placeholders.isMissing(unit)) ? null : unit;
    }

    /** The date after "填报日期：" in the given rows, or null when absent or not a date. */
    LocalDate filledDate(SheetGrid grid, int fromRow, int toRow) {
        for (String label : DATE_LABELS) {
            LocalDate date = dateAfter(grid, fromRow, toRow, label);
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    private LocalDate dateAfter(SheetGrid grid, int fromRow, int toRow, String label) {
        for (int row = Math.max(0, fromRow); row <= toRow; row++) {
            TreeMap<Integer, CellValue> cells = grid.rawRow(row);
            for (Map.Entry<Integer, CellValue> cell : cells.entrySet()) {
                BlockLabels.Occurrence occurrence = occurrence(cell.getValue().text(), label);
                if (occurrence == null) {
                    continue;
                }
                String text = valueAfter(cell.getValue().text(), occurrence);
                if (!text.isEmpty()) {
                    return this.dates.date(TextForms.key(text));
                }
                CellValue right = nextValue(cells, cell.getKey());
                if (right != null) {
                    return (right.date() != null) ? right.date() : this.dates.date(TextForms.key(right.text()));
                }
            }
        }
        return null;
    }

    private String labelled(SheetGrid grid, int fromRow, int toRow, List<String> wanted) {
        for (int row = Math.max(0, fromRow); row <= toRow; row++) {
            TreeMap<Integer, CellValue> cells = grid.rawRow(row);
            for (Map.Entry<Integer, CellValue> cell : cells.entrySet()) {
                for (String label : wanted) {
                    BlockLabels.Occurrence occurrence = occurrence(cell.getValue().text(), label);
                    if (occurrence == null) {
                        continue;
                    }
                    String text = valueAfter(cell.getValue().text(), occurrence);
                    if (text.isEmpty()) {
                        CellValue right = nextValue(cells, cell.getKey());
                        text = (right != null) ? TextForms.clean(right.text()) : "";
                    }
                    return text.isEmpty() ? null : text;
                }
            }
        }
        return null;
    }

    private BlockLabels.Occurrence occurrence(String text, String label) {
        return this.labels.find(text).stream().filter((o) -> o.label().equals(label)).findFirst().orElse(null);
    }

    private String valueAfter(String text, BlockLabels.Occurrence occurrence) {
        List<BlockLabels.Occurrence> all = this.labels.find(text);
        BlockLabels.Occurrence next = all.stream().filter((o) -> o.start() >= occurrence.end()).findFirst().orElse(null);
        return this.labels.valueAfter(text, occurrence, next);
    }

    /** The next non-empty cell to the right, unless it is itself a label. */
    private CellValue nextValue(TreeMap<Integer, CellValue> cells, int column) {
        for (CellValue value : cells.tailMap(column + 1).values()) {
            if (value.text().isBlank()) {
                continue;
            }
            return (this.labels.startsWithLabel(value.text()) || BlockLabels.startsWithAnyLabel(value.text())) ? null
                    : value;
        }
        return null;
    }

}
