package org.rectification.ledger.check;

/**
 * One thing wrong with a submission, precise enough for a clerk to find and fix it.
 *
 * @param file the file name as submitted
 * @param sheet the sheet, or null for a finding about the whole file
 * @param row the row number as seen in Excel (1-based), or null
 * @param column the column header as written in the sheet (or the signer label), or null
 * @param columnIndex zero-based column index, or null (used to highlight the cell in the return notice)
 * @param rule the rule that fired
 * @param severity its severity after the job file's overrides
 * @param value the value seen ("" when empty)
 * @param message plain Chinese: what is wrong, e.g. "第7行缺少责任人"
 * @param expected plain Chinese: what to do about it (整改要求)
 */
public record Finding(String file, String sheet, Integer row, String column, Integer columnIndex, RuleCode rule,
        Severity severity, String value, String message, String expected) {

    public boolean isError() {
        return this.severity == Severity.ERROR;
    }

}
