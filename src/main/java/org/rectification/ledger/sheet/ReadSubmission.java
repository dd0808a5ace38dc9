package org.rectification.ledger.sheet;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything read from one department's workbook, before any rule is applied.
 *
 * @param file the workbook
 * @param format its container format
 * @param tables one per visible sheet with a recognised header, in workbook order
 * @param skipped the other sheets, each with its reason
 * @param title the title line above the first table, or null
 * @param declaredUnit the unit named in a "填报单位：" line above the table, or null
 * @param filledDate the date of a "填报日期：" line (above or below the table), or null
 * @param signatures every signer label found in the signature block(s)
 */
public record ReadSubmission(Path file, SpreadsheetFormat format, List<SheetTable> tables, List<SkippedSheet> skipped,
        String title, String declaredUnit, LocalDate filledDate, List<SignatureMark> signatures) {

    public int rowCount() {
        return this.tables.stream().mapToInt((table) -> table.rows().size()).sum();
    }

}
