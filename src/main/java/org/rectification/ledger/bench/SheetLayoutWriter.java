package org.rectification.ledger.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectification.ledger.sheet.Field;

/**
 * Writes a {@link SheetLayout} with its task lines as a real workbook (XSSF, SXSSF or HSSF), the one
 * writer behind both the sample county and the benchmark corpus. Records where every task landed so
 * expected findings can name their rows.
 */
public final class SheetLayoutWriter {

    /**
     * @param bytes the file's bytes
     * @param taskRows the 1-based sheet row of each task line, in order
     * @param headerFirstRow first header row (1-based)
     * @param headerLastRow last header row (1-based)
     * @param signatureRow first row of the signature block (1-based)
     */
    public record Written(byte[] bytes, List<Integer> taskRows, int headerFirstRow, int headerLastRow, int signatureRow) {
    }

    static final String DROPDOWN_SHEET = "下拉选项";

    static final String INSTRUCTIONS_SHEET = "填表说明";

    private static final List<String> INSTRUCTIONS = List.of("填表说明",
            "1．本表由各责任单位按月填报，每月10日前报送县委巡察整改办，直至问题整改完成。",
            "2．“整改时限”请填写具体日期（如2026年12月31日）；需长期坚持的，填写“长期坚持”；立行立改的，填写“立行立改”。",
            "3．“整改状态”请从下拉列表中选择：未启动、正在整改、已完成、长期坚持。",
            "4．已完成的任务须在“佐证材料”栏列明佐证材料名称，并按“解决一项、销号一项”要求报送。",
            "5．表格下方须由填报人、审核人、单位负责人签字，并加盖单位公章。");

    private static final List<String> STATUS_CHOICES = List.of("未启动", "正在整改", "已完成", "长期坚持");

    public Written write(SheetLayout layout, List<TaskLine> lines) throws IOException {
        try (Workbook workbook = create(layout)) {
            Styles styles = new Styles(workbook, layout.format == SheetLayout.Format.XLS);
            if (layout.instructions == SheetLayout.Placement.FIRST) {
                writeInstructions(workbook, styles);
            }
            int dataSheetIndex = workbook.getNumberOfSheets();
            Sheet sheet = workbook.createSheet(layout.sheetName);
            Written layoutRows = writeTable(workbook, sheet, styles, layout, lines);
            if (layout.instructions == SheetLayout.Placement.LAST) {
                writeInstructions(workbook, styles);
            }
            if (layout.dropdownSheet) {
                writeDropdowns(workbook, sheet, layout, layoutRows);
            }
            if (layout.sequenceFormulas) {
                workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            }
            List<OoxmlFinisher.EmbeddedImage> images = new ArrayList<>();
            for (SheetLayout.CellImage image : layout.cellImages) {
                int row = layoutRows.signatureRow() - 1 + image.row();
                images.add(new OoxmlFinisher.EmbeddedImage("xl/worksheets/sheet" + (dataSheetIndex + 1) + ".xml",
                        new CellReference(row, image.column()).formatAsString(false), image.id(), image.png()));
            }
            byte[] bytes = save(workbook, layout, images);
            return new Written(bytes, layoutRows.taskRows(), layoutRows.headerFirstRow(), layoutRows.headerLastRow(),
                    layoutRows.signatureRow());
        }
    }

    private static Workbook create(SheetLayout layout) {
        if (layout.format == SheetLayout.Format.XLS) {
            HSSFWorkbook workbook = new HSSFWorkbook();
            workbook.createInformationProperties();
            SummaryInformation summary = workbook.getSummaryInformation();
            summary.getFirstSection().setCodepage(CodePageUtil.CP_GBK);
            workbook.getDocumentSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_GBK);
            workbook.getDocumentSummaryInformation().setCompany("某县");
            summary.setAuthor(layout.author);
            summary.setLastAuthor(layout.author);
            summary.setApplicationName("Microsoft Excel");
            summary.setCreateDateTime(date(layout));
            summary.setLastSaveDateTime(date(layout));
            // HSSF records the operating system's user name by default; that would make the bytes depend on who runs it
            workbook.getInternalWorkbook().getWriteAccess().setUsername("Administrator");
            return workbook;
        }
        XSSFWorkbook workbook = new XSSFWorkbook();
        POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
        core.setCreator(layout.author);
        core.setLastModifiedByUser(layout.author);
        core.setCreated(Optional.of(date(layout)));
        core.setModified(Optional.of(date(layout)));
        workbook.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication("Microsoft Excel");
        return layout.streaming ? new SXSSFWorkbook(workbook, 200, true) : workbook;
    }

    private static Date date(SheetLayout layout) {
        return Date.from(layout.savedAt.toInstant(ZoneOffset.ofHours(8)));
    }

    private static byte[] save(Workbook workbook, SheetLayout layout, List<OoxmlFinisher.EmbeddedImage> images)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        if (workbook instanceof SXSSFWorkbook streaming) {
            streaming.dispose();
        }
        if (layout.format == SheetLayout.Format.XLS) {
            return out.toByteArray();
        }
        return OoxmlFinisher.finish(out.toByteArray(), layout.savedAt, layout.storedZip, images);
    }

    private Written writeTable(Workbook workbook, Sheet sheet, Styles styles, SheetLayout layout, List<TaskLine> lines) {
        int lastColumn = layout.lastColumn();
        for (int i = 0; i <= lastColumn; i++) {
            Field field = (i < layout.columns.size()) ? layout.columns.get(i).field() : null;
            sheet.setColumnWidth(i, 256 * width(field));
        }
        int r = 0;
        if (layout.title != null) {
            Row row = sheet.createRow(r);
            row.setHeightInPoints(30);
            text(row, 0, layout.title, styles.title);
            sheet.addMergedRegionUnsafe(new CellRangeAddress(r, r, 0, lastColumn));
            r++;
        }
        if (layout.unitLine != null) {
            text(sheet.createRow(r), 0, layout.unitLine, styles.plain);
            sheet.addMergedRegionUnsafe(new CellRangeAddress(r, r, 0, lastColumn));
            r++;
        }
        int headerFirst = r + 1;
        r = writeHeader(sheet, styles, layout, r);
        int headerLast = r;

        List<Integer> taskRows = new ArrayList<>();
        List<int[]> problemRuns = new ArrayList<>();
        List<int[]> leaderRuns = new ArrayList<>();
        TaskLine previous = null;
        int sequence = 0;
        for (TaskLine line : lines) {
            boolean newProblem = previous == null || !Objects.equals(previous.problem(), line.problem())
                    || !Objects.equals(previous.category(), line.category());
            if (newProblem && previous != null && layout.blankRowBetweenProblems) {
                Row blank = sheet.createRow(r++);
                for (int i = 0; i <= lastColumn; i++) {
                    blank.createCell(i).setCellStyle(styles.body);
                }
            }
            if (newProblem) {
                problemRuns.add(new int[] { r, r });
            }
            boolean newLeader = newProblem || !Objects.equals(previous.leader(), line.leader());
            if (newLeader) {
                leaderRuns.add(new int[] { r, r });
            }
            problemRuns.get(problemRuns.size() - 1)[1] = r;
            leaderRuns.get(leaderRuns.size() - 1)[1] = r;
            Row row = sheet.createRow(r);
            sequence++;
            for (int i = 0; i <= lastColumn; i++) {
                SheetLayout.Column column = (i < layout.columns.size()) ? layout.columns.get(i) : null;
                Cell cell = row.createCell(i);
                cell.setCellStyle(styles.body);
                if (column == null || (column.field() == null && column.header().isBlank())) {
                    continue;
                }
                if (column.field() == Field.SEQUENCE) {
                    if (layout.sequenceFormulas) {
                        cell.setCellFormula("ROW()-" + headerLast);
                    }
                    else {
                        cell.setCellValue(sequence);
                    }
                    continue;
                }
                boolean mergedAway = layout.mergeProblems && !newProblem
                        && (column.field() == Field.PROBLEM || column.field() == Field.CATEGORY
                                || (column.field() == Field.LEADER && layout.mergeLeader && !newLeader));
                Object value = (column.field() == null) ? line.extra() : line.value(column.field());
                if (!mergedAway) {
                    value(cell, value, styles);
                }
            }
            taskRows.add(r + 1);
            previous = line;
            r++;
        }
        if (layout.mergeProblems) {
            int category = layout.indexOf(Field.CATEGORY);
            int problem = layout.indexOf(Field.PROBLEM);
            int leader = layout.indexOf(Field.LEADER);
            for (int[] run : problemRuns) {
                if (run[1] > run[0]) {
                    if (category >= 0) {
                        sheet.addMergedRegionUnsafe(new CellRangeAddress(run[0], run[1], category, category));
                    }
                    if (problem >= 0) {
                        sheet.addMergedRegionUnsafe(new CellRangeAddress(run[0], run[1], problem, problem));
                    }
                }
            }
            if (layout.mergeLeader && leader >= 0) {
                for (int[] run : leaderRuns) {
                    if (run[1] > run[0]) {
                        sheet.addMergedRegionUnsafe(new CellRangeAddress(run[0], run[1], leader, leader));
                    }
                }
            }
        }
        int signatureStart = r + 1;
        writeSignature(workbook, sheet, styles, layout, signatureStart);
        return new Written(null, taskRows, headerFirst, headerLast, signatureStart + 1);
    }

    private static int writeHeader(Sheet sheet, Styles styles, SheetLayout layout, int r) {
        int lastColumn = layout.lastColumn();
        Row top = sheet.createRow(r);
        top.setHeightInPoints(32);
        if (!layout.twoRowHeader()) {
            for (int i = 0; i <= lastColumn; i++) {
                String header = (i < layout.columns.size()) ? layout.columns.get(i).header() : "";
                text(top, i, header, styles.header);
            }
            return r + 1;
        }
        Row bottom = sheet.createRow(r + 1);
        bottom.setHeightInPoints(24);
        for (int i = 0; i <= lastColumn; i++) {
            SheetLayout.Column column = (i < layout.columns.size()) ? layout.columns.get(i) : null;
            if (column == null) {
                text(top, i, "", styles.header);
                text(bottom, i, "", styles.header);
            }
            else if (column.group() == null) {
                text(top, i, column.header(), styles.header);
                text(bottom, i, "", styles.header);
                sheet.addMergedRegionUnsafe(new CellRangeAddress(r, r + 1, i, i));
            }
            else {
                boolean first = i == 0 || !column.group().equals(layout.columns.get(i - 1).group());
                text(top, i, first ? column.group() : "", styles.header);
                text(bottom, i, column.header(), styles.header);
                if (first) {
                    int last = i;
                    while (last + 1 < layout.columns.size() && column.group().equals(layout.columns.get(last + 1).group())) {
                        last++;
                    }
                    if (last > i) {
                        sheet.addMergedRegionUnsafe(new CellRangeAddress(r, r, i, last));
                    }
                }
            }
        }
        return r + 2;
    }

    private static void writeSignature(Workbook workbook, Sheet sheet, Styles styles, SheetLayout layout, int start) {
        for (SheetLayout.SignCell cell : layout.signature) {
            int r = start + cell.row();
            Row row = (sheet.getRow(r) != null) ? sheet.getRow(r) : sheet.createRow(r);
            text(row, cell.column(), cell.text(), styles.plain);
            if (cell.lastColumn() > cell.column()) {
                sheet.addMergedRegionUnsafe(new CellRangeAddress(r, r, cell.column(), cell.lastColumn()));
            }
        }
        for (SheetLayout.CellImage image : layout.cellImages) {
            int r = start + image.row();
            Row row = (sheet.getRow(r) != null) ? sheet.getRow(r) : sheet.createRow(r);
            row.setHeightInPoints(32);
            row.createCell(image.column()).setCellStyle(styles.plain);
        }
        if (layout.pictures.isEmpty()) {
            return;
        }
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        for (SheetLayout.Picture picture : layout.pictures) {
            for (int r = start + picture.row(); r < start + picture.lastRow(); r++) {
                Row row = (sheet.getRow(r) != null) ? sheet.getRow(r) : sheet.createRow(r);
                row.setHeightInPoints(30);
            }
            ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
            anchor.setCol1(picture.column());
            anchor.setRow1(start + picture.row());
            anchor.setCol2(picture.lastColumn());
            anchor.setRow2(start + picture.lastRow());
            anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
            drawing.createPicture(anchor, workbook.addPicture(picture.png(), Workbook.PICTURE_TYPE_PNG));
        }
    }

    private static void writeInstructions(Workbook workbook, Styles styles) {
        Sheet sheet = workbook.createSheet(INSTRUCTIONS_SHEET);
        sheet.setColumnWidth(0, 256 * 100);
        for (int i = 0; i < INSTRUCTIONS.size(); i++) {
            text(sheet.createRow(i), 0, INSTRUCTIONS.get(i), (i == 0) ? styles.title : styles.plain);
        }
    }

    private static void writeDropdowns(Workbook workbook, Sheet dataSheet, SheetLayout layout, Written rows) {
        Sheet sheet = workbook.createSheet(DROPDOWN_SHEET);
        sheet.createRow(0).createCell(0).setCellValue("状态选项");
        for (int i = 0; i < STATUS_CHOICES.size(); i++) {
            sheet.createRow(i + 1).createCell(0).setCellValue(STATUS_CHOICES.get(i));
        }
        workbook.setSheetHidden(workbook.getSheetIndex(sheet), true);
        Name name = workbook.createName();
        name.setNameName("状态选项");
        name.setRefersToFormula("'" + DROPDOWN_SHEET + "'!$A$2:$A$" + (STATUS_CHOICES.size() + 1));
        int status = layout.indexOf(Field.STATUS);
        if (status < 0 || rows.taskRows().isEmpty()) {
            return;
        }
        int first = rows.taskRows().get(0) - 1;
        int last = rows.taskRows().get(rows.taskRows().size() - 1) - 1;
        DataValidationHelper helper = dataSheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createFormulaListConstraint("状态选项"),
                new CellRangeAddressList(first, last, status, status));
        validation.setShowErrorBox(false);
        dataSheet.addValidationData(validation);
    }

    private static int width(Field field) {
        if (field == null) {
            return 12;
        }
        return switch (field) {
            case PROBLEM, MEASURE -> 36;
            case PROGRESS -> 30;
            case EVIDENCE, REMARKS, DEPARTMENT, CO_DEPARTMENTS -> 18;
            case CATEGORY, DEADLINE -> 14;
            case SEQUENCE -> 6;
            default -> 11;
        };
    }

    private static void text(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (text != null && !text.isEmpty()) {
            cell.setCellValue(text);
        }
    }

    private static void value(Cell cell, Object value, Styles styles) {
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
        }
        else if (value instanceof String text && !text.isEmpty()) {
            cell.setCellValue(text);
        }
    }

    /** The few cell styles every sheet uses. */
    private static final class Styles {

        final CellStyle title;

        final CellStyle plain;

        final CellStyle header;

        final CellStyle body;

        final CellStyle date;

        Styles(Workbook workbook, boolean legacy) {
            Font titleFont = font(workbook, 16, true);
            Font bold = font(workbook, 11, true);
            Font normal = font(workbook, 11, false);
            this.title = workbook.createCellStyle();
            this.title.setFont(titleFont);
            this.title.setAlignment(HorizontalAlignment.CENTER);
            this.title.setVerticalAlignment(VerticalAlignment.CENTER);
            this.plain = workbook.createCellStyle();
            this.plain.setFont(normal);
            this.plain.setVerticalAlignment(VerticalAlignment.CENTER);
            this.header = bordered(workbook, bold);
            this.header.setAlignment(HorizontalAlignment.CENTER);
            this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            this.body = bordered(workbook, normal);
            this.date = bordered(workbook, normal);
            this.date.setDataFormat(workbook.createDataFormat()
                .getFormat(legacy ? "yyyy\"年\"m\"月\"d\"日\"" : "yyyy-mm-dd"));
        }

        private static Font font(Workbook workbook, int points, boolean bold) {
            Font font = workbook.createFont();
            font.setFontName("宋体");
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            return font;
        }

        private static CellStyle bordered(Workbook workbook, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }

    }

}
