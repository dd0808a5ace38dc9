package org.rectification.ledger.sheet;

import java.util.Map;
import java.util.Set;

/**
 * One task line of a department's sheet, after merged cells are filled and values normalised.
 *
 * @param sheet the sheet's name
 * @param rowNumber the row number as the clerk sees it in Excel (1-based)
 * @param values normalised text of every recognised column present in the sheet ("" when empty);
 * a placeholder such as "待定" is kept here as written so findings can quote it
 * @param missing fields whose value is empty or a placeholder meaning "nobody / nothing"
 * @param deadline the deadline, resolved against the campaign and the reporting month
 * @param status the status, or null when missing or not a known status word
 * @param extras values of columns we do not recognise, by header as written
 */
public record TaskRow(String sheet, int rowNumber, Map<Field, String> values, Set<Field> missing,
        Deadline deadline, TaskStatus status, Map<String, String> extras) {

    /** The value, or null when missing (empty or placeholder) or the column is absent. */
    public String value(Field field) {
        return this.missing.contains(field) ? null : this.values.get(field);
    }

    /** The value as written, "" when the column is absent or empty. */
    public String seen(Field field) {
        return this.values.getOrDefault(field, "");
    }

    public boolean has(Field field) {
        return value(field) != null;
    }

}
