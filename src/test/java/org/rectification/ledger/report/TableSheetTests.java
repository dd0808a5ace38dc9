package org.rectification.ledger.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.rectification.ledger.report.ReportStyles.Fill;
import org.rectification.ledger.report.ReportStyles.Kind;
import org.rectification.ledger.report.TableSheet.Column;

import static org.assertj.core.api.Assertions.assertThat;
import org.rectification.ledger.system.Messages;

class TableSheetTests {

    @Test
    void continuesOnANewSheetWhenTheRowLimitIsReached() throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        TableSheet table = new TableSheet(workbook, new ReportStyles(workbook), "逾期任务", "标题",
                List.of(new Column("编号", Kind.TEXT, 10), new Column("问题", Kind.MERGED, 10)), null, 5, 2);
        int first = table.row(Fill.NONE, "1", "问题A");
        for (int i = 2; i <= 3; i++) {
            table.row(Fill.NONE, String.valueOf(i), "问题A");
        }
        table.mergeRows(first, 4, 1);
        assertThat(table.full()).isTrue();
        table.row(Fill.NONE, "4", "问题B");
        table.finish();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        workbook.write(bytes);
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(read.getNumberOfSheets()).isEqualTo(2);
            assertThat(read.getSheetAt(1).getSheetName()).isEqualTo("逾期任务(2)");
            assertThat(read.getSheetAt(0).getLastRowNum()).isEqualTo(4);
            assertThat(read.getSheetAt(1).getRow(2).getCell(0).getStringCellValue()).isEqualTo("4");
            assertThat(read.getSheetAt(1).getRow(1).getCell(1).getStringCellValue()).isEqualTo("问题");
            assertThat(read.getSheetAt(0).getMergedRegions()).contains(CellRangeAddress.valueOf("B3:B5"));
            assertThat(read.getSheetAt(1).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:B3");
        }
    }

    @Test
    void countsChineseCharactersDoubleForColumnWidths() {
        assertThat(TableSheet.displayWidth("整改措施")).isEqualTo(8);
        assertThat(TableSheet.displayWidth("MZ-01")).isEqualTo(5);
        assertThat(TableSheet.displayWidth("（全角）")).isEqualTo(8);
    }

    @Test
    void givesWrappedTextTheLinesItNeeds() {
        assertThat(TableSheet.lines("短", 10)).isEqualTo(1);
        assertThat(TableSheet.lines("建立健全工作机制，按月对账销号", 10)).isEqualTo(3);
        assertThat(TableSheet.lines("第一行\n第二行", 10)).isEqualTo(2);
    }

    @Test
    void guardsOnlyTextThatStartsLikeAFormula() {
        assertThat(List.of("=1+1", "+公示", "-清理", "@预算")).allMatch(TableSheet::guarded);
        assertThat(List.of("已完成", "", "1=1")).noneMatch(TableSheet::guarded);
    }

    @Test
    void fitsATextLongerThanACellHoldsAndShowsTheBeginningOfLongTexts() throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        TableSheet table = new TableSheet(workbook, new ReportStyles(workbook), "任务明细", "标题",
                List.of(new Column("问题", Kind.TEXT, 30), new Column("措施", Kind.MERGED, 30)), null);
        String whole = prose(32_767);
        String longer = "=" + whole + whole;
        table.row(Fill.NONE, whole, longer);
        table.row(Fill.NONE, "短问题", "短措施");
        table.finish();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        workbook.write(bytes);
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            var row = read.getSheetAt(0).getRow(2);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(whole);
            String cut = row.getCell(1).getStringCellValue();
            assertThat(cut.length()).isEqualTo(32_767);
            assertThat(cut.endsWith(org.rectification.ledger.system.Messages.get("system.cell-text.cut"))).isTrue();
            assertThat(row.getCell(1).getCellStyle().getQuotePrefixed()).as("still guarded").isTrue();
            assertThat(row.getCell(0).getCellStyle().getWrapText()).isTrue();
            assertThat(row.getCell(0).getCellStyle().getVerticalAlignment()).isEqualTo(VerticalAlignment.TOP);
            assertThat(row.getHeightInPoints()).isEqualTo(409f);
            assertThat(read.getSheetAt(0).getRow(3).getCell(0).getCellStyle().getVerticalAlignment())
                .isEqualTo(VerticalAlignment.CENTER);
        }
    }

    /** TextForms that compresses like prose: POI takes a long run of one phrase for a zip bomb when reading it back. */
    private static String prose(int length) {
        String characters = "整改落实责任推进问题措施完成销号督办台账佐证材料会议研究部署排查清单制度机制建立健全监督检查专项治理";
        java.util.Random random = new java.util.Random(length);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(characters.charAt(random.nextInt(characters.length())));
        }
        return text.toString();
    }

}
