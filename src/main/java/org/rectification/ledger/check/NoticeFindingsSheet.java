package org.rectification.ledger.check;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectification.ledger.sheet.CellText;
import org.rectification.ledger.system.Messages;

/**
 * The first sheet of a return notice (退回意见): title, verdict (returned or accepted with corrections),
 * department, file and date, then one line per finding, printable on A4 landscape.
 */
final class NoticeFindingsSheet {

    /** Fill of an error: light red. */
    static final byte[] ERROR_FILL = { (byte) 0xFF, (byte) 0xC7, (byte) 0xCE };

    /** Fill of a warning or notice: light yellow. */
    static final byte[] WARNING_FILL = { (byte) 0xFF, (byte) 0xEB, (byte) 0x9C };

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.ROOT);

    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.CHINA);

    private static final String[] HEADERS = { "number", "sheet", "row", "column", "message", "value", "expected" };

    private static final int[] WIDTHS = { 6, 14, 6, 20, 50, 26, 46 };

    /**
     * Most findings listed: the sheet is built in memory, and a sheet of a million rows can have hundreds of
     * thousands (as many as the rows the notice copies, {@link MarkedSheetCopier#MAX_ROWS}).
     */
    static final int MAX_LISTED = MarkedSheetCopier.MAX_ROWS;

    /** The font size of the findings table. */
    private static final double FONT_POINTS = 11;

    private final XSSFWorkbook workbook;

    private final XSSFSheet sheet;

    private final ReturnNotice notice;

    private int nextRow;

    NoticeFindingsSheet(XSSFWorkbook workbook, ReturnNotice notice, LocalDate today, NoticeTerms terms) {
        this.workbook = workbook;
        this.notice = notice;
        this.sheet = workbook.createSheet(Messages.get("check.notice.sheet"));
        String department = (notice.department() != null) ? notice.department()
                : Messages.get("check.notice.unknown-department");
        List<Finding> findings = notice.findings();
        long errors = findings.stream().filter((finding) -> finding.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter((finding) -> finding.severity() == Severity.WARNING).count();
        long notices = findings.stream().filter((finding) -> finding.severity() == Severity.NOTICE).count();

        String month = (terms.month() != null)
                ? Messages.get("check.notice.month", String.valueOf(terms.month().getYear()),
                        String.valueOf(terms.month().getMonthValue()))
                : "";
        infoLine(Messages.get("check.notice.title", (terms.campaign() != null) ? terms.campaign() : "", month),
                font(true, 16, false));
        infoLine(Messages.get(notice.rejected() ? "check.notice.rejected" : "check.notice.accepted"),
                font(true, 12, notice.rejected()));
        infoLine(Messages.get("check.notice.department", department), null);
        infoLine(Messages.get("check.notice.file", notice.fileName()), null);
        infoLine(Messages.get("check.notice.date", DATE.format(today)), null);
        LocalDate deadline = terms.resubmitBy(today);
        infoLine(Messages.get(notice.rejected() ? "check.notice.resubmit-by" : "check.notice.correct-by",
                DATE.format(deadline), WEEKDAY.format(deadline)), font(true, 11, true));
        infoLine(Messages.get("check.notice.count", String.valueOf(findings.size()), String.valueOf(errors),
                String.valueOf(warnings), String.valueOf(notices)), null);
        if (findings.size() > MAX_LISTED) {
            infoLine(Messages.get("check.notice.count-listed", String.valueOf(MAX_LISTED)), font(false, 11, true));
        }
    }

    /** Says under the header lines that the department's own sheets could not be attached. */
    void noteSourceUnavailable() {
        infoLine(Messages.get("check.notice.source-unavailable"), font(false, 11, true));
    }

    /** Writes the findings table and the page set-up. */
    void finish() {
        this.nextRow++;
        int headerRow = this.nextRow;
        XSSFCellStyle header = style(font(true, 11, false), true, null);
        XSSFCellStyle plain = style(null, false, null);
        // 序号 and 行 are short numbers: centred under their centred headers, not pressed against the left border
        XSSFCellStyle number = style(null, false, null);
        number.setAlignment(HorizontalAlignment.CENTER);
        XSSFCellStyle error = style(null, false, ERROR_FILL);
        XSSFCellStyle warning = style(null, false, WARNING_FILL);
        XSSFRow row = this.sheet.createRow(this.nextRow++);
        for (int i = 0; i < HEADERS.length; i++) {
            XSSFCell cell = row.createCell(i);
            cell.setCellValue(Messages.get("check.notice.header." + HEADERS[i]));
            cell.setCellStyle(header);
            this.sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        int sequence = 1;
        List<Finding> all = this.notice.findings();
        for (Finding finding : all.subList(0, Math.min(all.size(), MAX_LISTED))) {
            row = this.sheet.createRow(this.nextRow++);
            cell(row, 0, number).setCellValue(sequence++);
            cell(row, 1, plain).setCellValue(CellText.fit((finding.sheet() != null) ? finding.sheet() : ""));
            XSSFCell rowCell = cell(row, 2, number);
            if (finding.row() != null) {
                rowCell.setCellValue(finding.row());
            }
            cell(row, 3, plain).setCellValue(CellText.fit(column(finding)));
            // a message quoting a whole cell passes a cell's 32,767 characters: cut, and it says so
            cell(row, 4, (finding.severity() == Severity.ERROR) ? error : warning).setCellValue(CellText
                .fit(Messages.get("check.notice.problem", finding.severity().label(), finding.message())));
            cell(row, 5, plain).setCellValue(CellText.fit(finding.value()));
            cell(row, 6, plain).setCellValue(CellText.fit((finding.expected() != null) ? finding.expected() : ""));
            fitHeight(row);
        }
        this.sheet.createFreezePane(0, headerRow + 1);
        this.sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, 0, HEADERS.length - 1));
        if (!this.notice.findings().isEmpty()) {
            this.sheet.setAutoFilter(new CellRangeAddress(headerRow, this.nextRow - 1, 0, HEADERS.length - 1));
        }
        PrintSetup print = this.sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        this.sheet.setFitToPage(true);
        this.sheet.setHorizontallyCenter(true);
    }

    /** Makes the row tall enough for its tallest wrapped cell, so no text runs over the rows below. */
    private static void fitHeight(XSSFRow row) {
        float height = 0;
        for (int i = 0; i < HEADERS.length; i++) {
            XSSFCell cell = row.getCell(i);
            if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                height = Math.max(height, WrappedText.height(cell.getStringCellValue(), WIDTHS[i], FONT_POINTS));
            }
        }
        row.setHeightInPoints(Math.max(height, row.getSheet().getDefaultRowHeightInPoints()));
    }

    /** "具体责任人（F列）", or the signer label, or nothing. */
    static String column(Finding finding) {
        if (finding.column() == null) {
            return "";
        }
        return (finding.columnIndex() != null) ? Messages.get("check.notice.column", finding.column(),
                CellReference.convertNumToColString(finding.columnIndex())) : finding.column();
    }

    private void infoLine(String text, XSSFFont font) {
        int index = this.nextRow++;
        XSSFRow row = this.sheet.createRow(index);
        XSSFCellStyle style = this.workbook.createCellStyle();
        if (font != null) {
            style.setFont(font);
        }
        if (index == 0) {
            style.setAlignment(HorizontalAlignment.CENTER);
            row.setHeightInPoints(28);
        }
        XSSFCell cell = row.createCell(0);
        cell.setCellValue(CellText.fit(text));
        cell.setCellStyle(style);
        // one row of its own each: nothing to check against the others (the checked call reads them all back
        // out of the sheet's XML every time)
        this.sheet.addMergedRegionUnsafe(new CellRangeAddress(index, index, 0, HEADERS.length - 1));
    }

    private XSSFCell cell(XSSFRow row, int column, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }

    private XSSFFont font(boolean bold, int points, boolean red) {
        XSSFFont font = this.workbook.createFont();
        font.setBold(bold);
        font.setFontHeightInPoints((short) points);
        if (red) {
            font.setColor(new XSSFColor(new byte[] { (byte) 0xC0, 0, 0 }, null));
        }
        return font;
    }

    private XSSFCellStyle style(XSSFFont font, boolean header, byte[] fill) {
        XSSFCellStyle style = this.workbook.createCellStyle();
        if (font != null) {
            style.setFont(font);
        }
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setAlignment(header ? HorizontalAlignment.CENTER : HorizontalAlignment.LEFT);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        if (header) {
            style.setFillForegroundColor(new XSSFColor(new byte[] { (byte) 0xD9, (byte) 0xE1, (byte) 0xF2 }, null));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        else if (fill != null) {
            style.setFillForegroundColor(new XSSFColor(fill, null));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return style;
    }

}
