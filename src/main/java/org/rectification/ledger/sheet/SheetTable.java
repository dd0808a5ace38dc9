package org.rectification.ledger.sheet;

import java.util.List;
import java.util.Map;

/**
 * The task table found on one visible sheet of a submission.
 *
 * @param sheet the sheet's name
 * @param headerFirstRow first header row (1-based)
 * @param headerLastRow last header row (1-based; differs from the first for a two-row header)
 * @param columns recognised columns by field
 * @param extraColumns columns whose header we do not recognise (kept, reported)
 * @param rows the task lines, blank rows left out, in sheet order
 */
public record SheetTable(String sheet, int headerFirstRow, int headerLastRow, Map<Field, SheetColumn> columns,
        List<SheetColumn> extraColumns, List<TaskRow> rows) {

    public SheetColumn column(Field field) {
        return this.columns.get(field);
    }

}
