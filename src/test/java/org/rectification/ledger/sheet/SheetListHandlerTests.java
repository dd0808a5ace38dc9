package org.rectification.ledger.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one workbook.xml handler decides which sheets of an .xlsx are hidden, for the checks' read and the
 * notice's copy alike: a hidden or very hidden sheet is skipped by the one and left out by the other.
 */
class SheetListHandlerTests {

    private static final String WORKBOOK = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
              <sheets>
                <sheet name="任务清单" sheetId="1" r:id="rId1"/>
                <sheet name="第二批" sheetId="2" state="visible" r:id="rId2"/>
                <sheet name="下拉选项" sheetId="3" state="hidden" r:id="rId3"/>
                <sheet name="配置" sheetId="4" state="veryHidden" r:id="rId4"/>
              </sheets>
            </workbook>
            """;

    @TempDir
    Path folder;

    @Test
    void hiddenAndVeryHiddenSheetsAreSkippedByTheReadAndLeftOutOfTheNotice() throws IOException, SAXException {
        SheetListHandler handler = new SheetListHandler();
        SecureXml.parse(new ByteArrayInputStream(WORKBOOK.getBytes(StandardCharsets.UTF_8)), handler);
        assertThat(handler.entries()).containsExactly(new SheetListHandler.Entry("任务清单", "rId1", false),
                new SheetListHandler.Entry("第二批", "rId2", false), new SheetListHandler.Entry("下拉选项", "rId3", true),
                new SheetListHandler.Entry("配置", "rId4", true));

        Path file = this.folder.resolve("报送.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            sheet(workbook, "任务清单", "问题一");
            sheet(workbook, "下拉选项", "已完成");
            sheet(workbook, "配置", "未启动");
            workbook.setSheetVisibility(1, SheetVisibility.HIDDEN);
            workbook.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        ReadSubmission read = new SubmissionReader(SubmissionReaderTests.settings()).read(file);
        assertThat(read.tables()).extracting(SheetTable::sheet).containsExactly("任务清单");
        assertThat(read.skipped()).containsExactly(new SkippedSheet("下拉选项", "隐藏工作表，未读取"),
                new SkippedSheet("配置", "隐藏工作表，未读取"));
        try (SourceWorkbook copy = SubmissionReader.readForNotice(file, (name, visible) -> visible, 100, 20)) {
            assertThat(copy.sheets()).extracting(SourceWorkbook.SourceSheet::name).containsExactly("任务清单");
        }
    }

    private static void sheet(XSSFWorkbook workbook, String name, String value) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("反馈问题");
        header.createCell(1).setCellValue("整改措施");
        header.createCell(2).setCellValue("责任单位");
        Row row = sheet.createRow(1);
        row.createCell(0).setCellValue(value);
        row.createCell(1).setCellValue("措施");
        row.createCell(2).setCellValue("办公室");
    }

}
