package org.rectification.ledger.bench;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The naive way a typical in-house script reads the sheets: the whole workbook loaded with POI's usermodel
 * (XSSFWorkbook or HSSFWorkbook through WorkbookFactory), every cell of every sheet formatted as text.
 */
final class NaiveRead {

    private NaiveRead() {
    }

    /** Rows that have at least one non-blank cell, over all sheets. */
    static long read(Path file) throws IOException {
        DataFormatter formatter = new DataFormatter();
        long rows = 0;
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            for (Sheet sheet : workbook) {
                sheet.getMergedRegions();
                for (Row row : sheet) {
                    boolean seen = false;
                    for (Cell cell : row) {
                        seen |= !formatter.formatCellValue(cell).isEmpty();
                    }
                    rows += seen ? 1 : 0;
                }
            }
        }
        return rows;
    }

}
