package org.rectification.ledger.sheet;

/**
 * The container format of a submission, decided by its bytes, not its name.
 */
public enum SpreadsheetFormat {

    /** Office Open XML workbook (.xlsx, .xlsm): a zip. */
    OOXML,
    /** Legacy BIFF8 workbook (.xls): an OLE2 compound file. */
    BIFF8

}
