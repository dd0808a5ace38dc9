package org.rectification.ledger.check;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.ReadFailure;
import org.rectification.ledger.sheet.SheetReadException;
import org.rectification.ledger.sheet.SheetTable;
import org.rectification.ledger.sheet.SignatureMark;
import org.rectification.ledger.sheet.TaskRow;
import org.rectification.ledger.intake.FileNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectification.ledger.check.TestSubmissions.ROSTER;
import static org.rectification.ledger.check.TestSubmissions.STANDARD;
import static org.rectification.ledger.check.TestSubmissions.row;
import static org.rectification.ledger.check.TestSubmissions.submission;
import static org.rectification.ledger.check.TestSubmissions.table;

class ReturnNoticeWriterTests {

    private static final String SHEET = "任务表";

    private static final String FORMULA_LIKE = "=HYPERLINK(\"http://example.invalid\",\"点此\")";

    @TempDir
    Path folder;

    /** Written on Tuesday 10 November for the November round: three working days to resubmit, to Friday 13th. */
    private final ReturnNoticeWriter writer = new ReturnNoticeWriter(
            Clock.fixed(Instant.parse("2026-11-10T02:00:00Z"), ZoneId.of("Asia/Shanghai")),
            new NoticeTerms("县委第三轮巡察", YearMonth.of(2026, 11), LocalDate.of(2026, 11, 10), 3));

    private final SubmissionChecker checker = new SubmissionChecker(CheckSettings.defaults(TestSubmissions.FEEDBACK),
            ROSTER);

    /**
     * The department's sheet: title merged over A1:K1, 填报单位 line, header in row 3, two task lines (the
     * problem merged over both, the first without 责任人, the second without 整改状态) and the signature row 7.
     */
    private static Path sourceWorkbook(Workbook workbook, Path file, boolean reviewerSigned) throws IOException {
        Sheet help = workbook.createSheet("填表说明");
        help.createRow(0).createCell(0).setCellValue("请按模板填写");
        Sheet sheet = workbook.createSheet(SHEET);
        sheet.createRow(0).createCell(0).setCellValue("县民政局巡察反馈问题整改任务分解表");
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 10));
        sheet.createRow(1).createCell(0).setCellValue("填报单位：县民政局    填报日期：2026年11月5日");
        CellStyle headerStyle = workbook.createCellStyle();
        headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Row header = sheet.createRow(2);
        for (int i = 0; i < STANDARD.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue((STANDARD.get(i) == Field.OWNER) ? "具体责任人" : STANDARD.get(i).label());
            cell.setCellStyle(headerStyle);
        }
        for (TaskRow task : rows()) {
            Row row = sheet.createRow(task.rowNumber() - 1);
            for (int i = 0; i < STANDARD.size(); i++) {
                String value = task.seen(STANDARD.get(i));
                if (!value.isEmpty() && !(i == 1 && task.rowNumber() == 5)) {
                    row.createCell(i).setCellValue(value);
                }
            }
        }
        sheet.addMergedRegion(new CellRangeAddress(3, 4, 1, 1));
        sheet.setColumnWidth(2, 40 * 256);
        Row signatures = sheet.createRow(6);
        signatures.createCell(0).setCellValue("填报人：李四");
        signatures.createCell(3).setCellValue(reviewerSigned ? "审核人：赵六" : "审核人：");
        signatures.createCell(6).setCellValue("单位负责人（签字）：王五");
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        workbook.close();
        return file;
    }

    private static List<TaskRow> rows() {
        return List.of(row(SHEET, 4, Field.TASK_CODE, "1-1", Field.OWNER, "", Field.REMARKS, FORMULA_LIKE),
                row(SHEET, 5, Field.TASK_CODE, "1-2", Field.MEASURE, "开展专项检查", Field.STATUS, ""));
    }

    private CheckedSubmission checked(Path source, boolean reviewerSigned) {
        List<SignatureMark> marks = List.of(new SignatureMark("填报人", "李四", false, SHEET, 7, 0),
                new SignatureMark("审核人", reviewerSigned ? "赵六" : null, false, SHEET, 7, 3),
                new SignatureMark("单位负责人", "王五", false, SHEET, 7, 6));
        SheetTable table = table(SHEET, STANDARD, Map.of(Field.OWNER, "具体责任人"), rows().toArray(TaskRow[]::new));
        return this.checker.check(source.getFileName().toString(), submission("县民政局", marks, table),
                (department) -> Map.of());
    }

    private static XSSFWorkbook open(Path notice) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(notice));
    }

    private static String text(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        Cell cell = (r != null) ? r.getCell(column) : null;
        if (cell == null) {
            return null;
        }
        return (cell.getCellType() == CellType.NUMERIC) ? String.valueOf((int) cell.getNumericCellValue())
                : cell.getStringCellValue();
    }

    private static byte[] fill(XSSFSheet sheet, String address) {
        org.apache.poi.ss.util.CellReference reference = new org.apache.poi.ss.util.CellReference(address);
        XSSFCell cell = sheet.getRow(reference.getRow()).getCell(reference.getCol());
        XSSFCellStyle style = cell.getCellStyle();
        if (style.getFillPattern() != FillPatternType.SOLID_FOREGROUND) {
            return null;
        }
        return style.getFillForegroundColorColor().getRGB();
    }

    private static String comment(XSSFSheet sheet, String address) {
        org.apache.poi.ss.util.CellReference reference = new org.apache.poi.ss.util.CellReference(address);
        XSSFCell cell = sheet.getRow(reference.getRow()).getCell(reference.getCol());
        return (cell.getCellComment() != null) ? cell.getCellComment().getString().getString() : null;
    }

    @Test
    void returnsXlsxSubmissionWithFindingsListAndMarkedCells() throws IOException {
        Path source = sourceWorkbook(new XSSFWorkbook(), this.folder.resolve("民政局-10月.xlsx"), false);
        CheckedSubmission checked = checked(source, false);
        Path target = this.folder.resolve("out/退回意见-民政局-10月.xlsx");

        this.writer.write(source, ReturnNotice.of(checked), target);

        try (XSSFWorkbook notice = open(target)) {
            assertThat(notice.getNumberOfSheets()).isEqualTo(2);
            XSSFSheet findings = notice.getSheetAt(0);
            assertThat(findings.getSheetName()).isEqualTo("退回意见");
            assertThat(text(findings, 0, 0)).isEqualTo("县委第三轮巡察2026年11月整改台账退回意见");
            assertThat(text(findings, 1, 0)).isEqualTo("处理结果：退回（整改后重新报送）");
            assertThat(text(findings, 2, 0)).isEqualTo("报送单位：县民政局");
            assertThat(text(findings, 3, 0)).isEqualTo("报送文件：民政局-10月.xlsx");
            assertThat(text(findings, 4, 0)).isEqualTo("日期：2026年11月10日");
            assertThat(text(findings, 5, 0)).isEqualTo("重新报送期限：请于2026年11月13日（星期五）前修改后重新报送");
            assertThat(text(findings, 6, 0)).isEqualTo("共3个问题，其中错误2个、警告1个、提示0个");
            List<String> header = new ArrayList<>();
            findings.getRow(8).forEach((cell) -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactly("序号", "工作表", "行", "列", "问题", "填写内容", "整改要求");
            assertThat(List.of(text(findings, 9, 0), text(findings, 9, 1), text(findings, 9, 2), text(findings, 9, 3),
                    text(findings, 9, 4))).containsExactly("1", SHEET, "7", "审核人（D列）", "【错误】“审核人”处未签名或签章");
            assertThat(List.of(text(findings, 10, 2), text(findings, 10, 3), text(findings, 10, 4), text(findings, 10, 6)))
                .containsExactly("4", "具体责任人（F列）", "【错误】第4行“具体责任人”为空", "请填写具体责任人姓名，不得为空或填写“待定”");
            assertThat(text(findings, 11, 4)).isEqualTo("【警告】第5行“整改状态”为空，暂按“未启动”计");
            assertThat(fill(findings, "E11")).isEqualTo(NoticeFindingsSheet.ERROR_FILL);
            assertThat(fill(findings, "E12")).isEqualTo(NoticeFindingsSheet.WARNING_FILL);
            assertThat(findings.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 9);
            assertThat(findings.getPrintSetup().getLandscape()).isTrue();
            assertThat(findings.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(findings.getRow(10).getCell(4).getCellStyle().getWrapText()).isTrue();
            assertThat(findings.getRow(10).getCell(0).getCellStyle().getAlignment()).as("序号")
                .isEqualTo(HorizontalAlignment.CENTER);
            assertThat(findings.getRow(10).getCell(2).getCellStyle().getAlignment()).as("行")
                .isEqualTo(HorizontalAlignment.CENTER);
            assertThat(findings.getRow(10).getCell(4).getCellStyle().getAlignment()).as("问题")
                .isEqualTo(HorizontalAlignment.LEFT);

            XSSFSheet own = notice.getSheetAt(1);
            assertThat(own.getSheetName()).isEqualTo(SHEET);
            assertThat(own.getFitToPage()).as("the department's sheet prints one page wide").isTrue();
            assertThat(own.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(own.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(fill(own, "F4")).isEqualTo(NoticeFindingsSheet.ERROR_FILL);
            assertThat(comment(own, "F4")).contains("【错误】第4行“具体责任人”为空", "整改要求：请填写具体责任人姓名");
            assertThat(fill(own, "H5")).isEqualTo(NoticeFindingsSheet.WARNING_FILL);
            assertThat(comment(own, "H5")).contains("第5行“整改状态”为空");
            assertThat(fill(own, "D7")).isEqualTo(NoticeFindingsSheet.ERROR_FILL);
            assertThat(text(own, 6, 3)).isEqualTo("审核人：");
            assertThat(comment(own, "D7")).contains("“审核人”处未签名或签章");
            assertThat(fill(own, "C4")).isNull();
            assertThat(comment(own, "C4")).isNull();
            assertThat(text(own, 3, 2)).isEqualTo("修订党组议事规则");
            assertThat(fill(own, "A3")).isNotNull();
            assertThat(own.getMergedRegions()).extracting(CellRangeAddress::formatAsString)
                .contains("A1:K1", "B4:B5");
            assertThat(own.getColumnWidth(2)).isEqualTo(40 * 256);
            XSSFCell formulaLike = own.getRow(3).getCell(10);
            assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formulaLike.getStringCellValue()).isEqualTo(FORMULA_LIKE);
            assertThat(formulaLike.getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void acceptsXlsSubmissionWithCorrectionsAndMarksItsCells() throws IOException {
        Path source = sourceWorkbook(new HSSFWorkbook(), this.folder.resolve("民政局-10月.xls"), true);
        CheckedSubmission checked = checked(source, true);
        Path target = this.folder.resolve("退回意见-民政局-10月.xlsx");

        this.writer.write(source, ReturnNotice.of(checked), target);

        try (XSSFWorkbook notice = open(target)) {
            XSSFSheet findings = notice.getSheetAt(0);
            assertThat(text(findings, 1, 0)).isEqualTo("处理结果：已接收，请核实修正以下问题");
            assertThat(text(findings, 5, 0)).isEqualTo("修正期限：请于2026年11月13日（星期五）前核实修正以上问题");
            assertThat(text(findings, 6, 0)).isEqualTo("共2个问题，其中错误1个、警告1个、提示0个");
            XSSFSheet own = notice.getSheet(SHEET);
            assertThat(notice.getSheet("填表说明")).isNull();
            assertThat(fill(own, "F4")).isEqualTo(NoticeFindingsSheet.ERROR_FILL);
            assertThat(comment(own, "F4")).contains("第4行“具体责任人”为空");
            assertThat(fill(own, "H5")).isEqualTo(NoticeFindingsSheet.WARNING_FILL);
            assertThat(fill(own, "D7")).isNull();
            assertThat(fill(own, "A3")).containsExactly((byte) 0xC0, (byte) 0xC0, (byte) 0xC0);
            assertThat(own.getMergedRegions()).extracting(CellRangeAddress::formatAsString).contains("B4:B5");
            assertThat(own.getRow(3).getCell(10).getCellType()).isEqualTo(CellType.STRING);
        }
    }

    @Test
    void marksTheSheetWhenWrittenLaterFromTheStoredFindingsAlone() throws IOException {
        Path source = sourceWorkbook(new HSSFWorkbook(), this.folder.resolve("民政局-10月.xls"), false);
        CheckedSubmission checked = checked(source, false);
        // the nightly job writes notices after the merge committed, from the findings in the database
        ReturnNotice stored = ReturnNotice.ofStoredFindings(checked.fileName(), checked.department(),
                checked.findings(), checked.rejected());
        Path target = this.folder.resolve("退回意见-民政局-10月.xlsx");

        this.writer.write(source, stored, target);

        try (XSSFWorkbook notice = open(target)) {
            XSSFSheet own = notice.getSheet(SHEET);
            assertThat(own).as("the department's own sheet is in the notice").isNotNull();
            assertThat(fill(own, "F4")).isEqualTo(NoticeFindingsSheet.ERROR_FILL);
            assertThat(fill(own, "D7")).isEqualTo(NoticeFindingsSheet.ERROR_FILL);
            assertThat(comment(own, "D7")).contains("“审核人”处未签名或签章");
        }
    }

    @Test
    void namesADepartmentsSheetCalledLikeTheFindingsSheetApart() throws IOException {
        Path source = this.folder.resolve("民政局-10月.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(source)) {
            workbook.createSheet("退回意见").createRow(0).createCell(0).setCellValue("单位自己的退回意见");
            workbook.write(out);
        }
        Finding finding = new Finding("民政局-10月.xlsx", "退回意见", 1, "责任人", 0, RuleCode.OWNER_MISSING,
                Severity.ERROR, "", "第1行缺少责任人", "补填责任人");
        Path target = this.folder.resolve("notice.xlsx");

        this.writer.write(source, ReturnNotice.ofStoredFindings("民政局-10月.xlsx", "县民政局", List.of(finding), true),
                target);

        try (XSSFWorkbook notice = open(target)) {
            assertThat(notice.getNumberOfSheets()).isEqualTo(2);
            assertThat(notice.getSheetName(0)).isEqualTo("退回意见");
            assertThat(notice.getSheetName(1)).isEqualTo("退回意见(2)");
            assertThat(text(notice.getSheetAt(1), 0, 0)).isEqualTo("单位自己的退回意见");
            assertThat(comment(notice.getSheetAt(1), "A1")).contains("第1行缺少责任人");
        }
    }

    @Test
    void listsTheFindingsOnlyForASourceTooLargeToCopySafely() throws IOException {
        Path source = sourceWorkbook(new XSSFWorkbook(), this.folder.resolve("民政局-10月.xlsx"), false);
        CheckedSubmission checked = checked(source, false);
        // pad the file past the copy limit: the notice must not load it into memory
        java.nio.file.Files.write(source, new byte[(int) ReturnNoticeWriter.MAX_SOURCE_BYTES + 1],
                java.nio.file.StandardOpenOption.APPEND);
        Path target = this.folder.resolve("退回意见-民政局-10月.xlsx");

        this.writer.write(source, ReturnNotice.of(checked), target);

        try (XSSFWorkbook notice = open(target)) {
            assertThat(notice.getNumberOfSheets()).isEqualTo(1);
            assertThat(notice.getSheetAt(0).getSheetName()).isEqualTo("退回意见");
        }
    }

    @Test
    void marksTheVisibleCellOfAMergedRange() throws IOException {
        Path source = sourceWorkbook(new XSSFWorkbook(), this.folder.resolve("民政局-10月.xlsx"), true);
        SheetTable table = table(SHEET, STANDARD, Map.of(), row(SHEET, 4, Field.TASK_CODE, "1-1"),
                row(SHEET, 5, Field.TASK_CODE, "1-2", Field.PROBLEM, ""));
        CheckedSubmission checked = this.checker.check("民政局-10月.xlsx",
                submission("县民政局", TestSubmissions.allSigned(SHEET, 7), table), (department) -> Map.of());
        Path target = this.folder.resolve("notice.xlsx");

        this.writer.write(source, ReturnNotice.of(checked), target);

        try (XSSFWorkbook notice = open(target)) {
            assertThat(fill(notice.getSheet(SHEET), "B4")).isEqualTo(NoticeFindingsSheet.ERROR_FILL);
            assertThat(comment(notice.getSheet(SHEET), "B4")).contains("第5行“反馈问题”为空");
        }
    }

    @Test
    void copiesAnXlsxSheetsValuesHeightsAndHiddenColumnsButNotItsHiddenSheets() throws IOException {
        Path source = this.folder.resolve("民政局-11月.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(SHEET);
            Row header = sheet.createRow(2);
            header.createCell(0).setCellValue("序号");
            Row task = sheet.createRow(3);
            task.setHeightInPoints(42);
            task.createCell(0).setCellValue(1);
            task.createCell(1).setCellValue(true);
            task.createCell(2).setCellFormula("A4*2.5");
            task.createCell(3).setCellFormula("\"已\"&\"完成\"");
            org.apache.poi.xssf.usermodel.XSSFRichTextString rich =
                    new org.apache.poi.xssf.usermodel.XSSFRichTextString("加粗 和 普通");
            org.apache.poi.xssf.usermodel.XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            rich.applyFont(0, 2, bold);
            task.createCell(4).setCellValue(rich);
            sheet.setColumnHidden(6, true);
            sheet.createRow(4).createCell(6).setCellValue("辅助列");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            Sheet options = workbook.createSheet("下拉选项");
            options.createRow(0).createCell(0).setCellValue("已完成");
            workbook.setSheetHidden(1, true);
            try (OutputStream out = Files.newOutputStream(source)) {
                workbook.write(out);
            }
        }
        CheckedSubmission checked = this.checker.check("民政局-11月.xlsx", submission("县民政局",
                TestSubmissions.allSigned(SHEET, 10), table(SHEET, row(SHEET, 4, Field.OWNER, ""))),
                (department) -> Map.of());
        // as the nightly job writes it: from the stored findings, every visible sheet
        ReturnNotice stored = ReturnNotice.ofStoredFindings(checked.fileName(), checked.department(),
                checked.findings(), checked.rejected());
        Path target = this.folder.resolve("notice.xlsx");

        this.writer.write(source, stored, target);

        try (XSSFWorkbook notice = open(target)) {
            assertThat(notice.getSheet("下拉选项")).as("a hidden helper sheet stays out").isNull();
            XSSFSheet own = notice.getSheet(SHEET);
            Row task = own.getRow(3);
            assertThat(task.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(task.getCell(1).getBooleanCellValue()).isTrue();
            assertThat(task.getCell(2).getNumericCellValue()).as("a formula as its last result").isEqualTo(2.5);
            assertThat(task.getCell(3).getStringCellValue()).isEqualTo("已完成");
            assertThat(task.getCell(4).getStringCellValue()).as("the text of every run").isEqualTo("加粗 和 普通");
            assertThat(task.getHeightInPoints()).isEqualTo(42f);
            assertThat(own.isColumnHidden(6)).isTrue();
            assertThat(text(own, 4, 6)).isEqualTo("辅助列");
            assertThat(fill(own, "F4")).as("the empty owner cell is created and marked")
                .isEqualTo(NoticeFindingsSheet.ERROR_FILL);
        }
    }

    @Test
    void sharesStylesInsteadOfCreatingOnePerCell() throws IOException {
        Path source = this.folder.resolve("big.xlsx");
        List<TaskRow> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(SHEET);
            for (int r = 3; r < 103; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 11; c++) {
                    row.createCell(c).setCellValue("x" + r + c);
                }
                rows.add(row(SHEET, r + 1, Field.OWNER, "", Field.STATUS, ""));
            }
            try (OutputStream out = Files.newOutputStream(source)) {
                workbook.write(out);
            }
        }
        CheckedSubmission checked = this.checker.check("民政局.xlsx", submission("县民政局",
                TestSubmissions.allSigned(SHEET, 110), table(SHEET, rows.toArray(TaskRow[]::new))),
                (department) -> Map.of());
        Path target = this.folder.resolve("notice.xlsx");

        this.writer.write(source, ReturnNotice.of(checked), target);

        try (XSSFWorkbook notice = open(target)) {
            assertThat(notice.getSheet(SHEET).getRow(3).getCell(5).getCellComment()).isNotNull();
            assertThat(notice.getNumCellStyles()).isLessThan(20);
        }
    }

    @Test
    void makesEveryWrappedRowTallEnoughForItsText() throws IOException {
        Path source = sourceWorkbook(new XSSFWorkbook(), this.folder.resolve("民政局-10月.xlsx"), false);
        try (XSSFWorkbook workbook = open(source)) {
            // a long measure in a wrapped cell of the 40-unit column C, on a row of the default height
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            Cell measure = workbook.getSheet(SHEET).getRow(3).getCell(2);
            measure.setCellValue("逐户复核低保对象".repeat(15));
            measure.setCellStyle(wrapped);
            try (OutputStream out = Files.newOutputStream(source)) {
                workbook.write(out);
            }
        }
        Path target = this.folder.resolve("notice.xlsx");

        this.writer.write(source, ReturnNotice.of(checked(source, false)), target);

        try (XSSFWorkbook notice = open(target)) {
            // 120 CJK characters = 240 width units in a 40-unit column: at least 6 lines of an 11-point font
            assertThat(notice.getSheet(SHEET).getRow(3).getHeightInPoints()).isGreaterThan(6 * 11f);
            XSSFSheet findings = notice.getSheetAt(0);
            for (int r = 9; r <= findings.getLastRowNum(); r++) {
                assertThat(findings.getRow(r).getHeightInPoints()).isGreaterThanOrEqualTo(14f);
            }
        }
    }

    @Test
    void makesAFindingsRowWithALongMessageTallEnough() throws IOException {
        Path source = Files.writeString(this.folder.resolve("民政局-10月.xlsx"), "not a zip");
        String detail = "文件的内容与扩展名不符，可能是从其他系统导出的网页或文本文件".repeat(4);
        CheckedSubmission checked = this.checker.unreadable("民政局-10月.xlsx",
                new SheetReadException(ReadFailure.NOT_A_SPREADSHEET, source, detail));
        Path target = this.folder.resolve("notice.xlsx");

        this.writer.write(source, ReturnNotice.of(checked), target);

        try (XSSFWorkbook notice = open(target)) {
            // the problem column is 50 units wide: about 130 CJK characters need at least 5 lines
            assertThat(notice.getSheetAt(0).getRow(10).getHeightInPoints()).isGreaterThan(5 * 11f);
        }
    }

    @Test
    @Tag("slow")
    void listsAtMostTwentyThousandFindingsAndSaysThereAreMore() throws IOException {
        Path source = Files.writeString(this.folder.resolve("民政局-10月.xlsx"), "not a zip");
        List<Finding> findings = new java.util.ArrayList<>();
        for (int row = 3; row < NoticeFindingsSheet.MAX_LISTED + 8; row++) {
            findings.add(new Finding("民政局-10月.xlsx", SHEET, row, "责任人", 5, RuleCode.OWNER_MISSING,
                    Severity.ERROR, "", "第" + row + "行未填写责任人", "填写责任人"));
        }
        CheckedSubmission checked = new CheckedSubmission("民政局-10月.xlsx", null, "民政局", findings, List.of(), true);
        Path target = this.folder.resolve("notice.xlsx");

        this.writer.write(source, ReturnNotice.of(checked), target);

        try (XSSFWorkbook notice = open(target)) {
            XSSFSheet sheet = notice.getSheetAt(0);
            assertThat(text(sheet, 6, 0)).contains(String.valueOf(findings.size()));
            assertThat(text(sheet, 7, 0)).contains("只列出前20000个");
            int header = 0;
            while (!"序号".equals(text(sheet, header, 0))) {
                header++;
            }
            assertThat(sheet.getLastRowNum() - header).isEqualTo(NoticeFindingsSheet.MAX_LISTED);
        }
    }

    @Test
    void tellsADepartmentNotOnTheRosterToAskTheOffice() {
        assertThat(org.rectification.ledger.system.Messages.get("check.unknown-department.expected"))
            .contains("联系整改办").contains("单位名单").doesNotContain("全称");
    }

    @Nested
    class WithoutTheDepartmentsSheet {

        @Test
        void listsTheFindingOfAnUnreadableFileOnly() throws IOException {
            Path source = Files.writeString(ReturnNoticeWriterTests.this.folder.resolve("民政局-10月.xlsx"), "not a zip");
            CheckedSubmission checked = ReturnNoticeWriterTests.this.checker.unreadable("民政局-10月.xlsx",
                    new SheetReadException(ReadFailure.NOT_A_SPREADSHEET, source, "不是zip文件"));
            Path target = ReturnNoticeWriterTests.this.folder.resolve("notice.xlsx");

            ReturnNoticeWriterTests.this.writer.write(source, ReturnNotice.of(checked), target);

            try (XSSFWorkbook notice = open(target)) {
                assertThat(notice.getNumberOfSheets()).isEqualTo(1);
                XSSFSheet findings = notice.getSheetAt(0);
                assertThat(text(findings, 1, 0)).isEqualTo("处理结果：退回（整改后重新报送）");
                assertThat(text(findings, 2, 0)).isEqualTo("报送单位：县民政局");
                assertThat(text(findings, 10, 4)).isEqualTo("【错误】文件不是Excel表格（不是zip文件）");
                assertThat(text(findings, 10, 6)).isEqualTo("请报送.xlsx或.xls格式的Excel文件");
            }
        }

        @Test
        void saysSoWhenTheSourceCannotBeOpened() throws IOException {
            Path source = Files.writeString(ReturnNoticeWriterTests.this.folder.resolve("民政局-10月.xlsx"), "garbage");
            CheckedSubmission checked = checked(source, false);
            Path target = ReturnNoticeWriterTests.this.folder.resolve("notice.xlsx");

            ReturnNoticeWriterTests.this.writer.write(source, ReturnNotice.of(checked), target);

            try (XSSFWorkbook notice = open(target)) {
                assertThat(notice.getNumberOfSheets()).isEqualTo(1);
                assertThat(text(notice.getSheetAt(0), 7, 0)).isEqualTo("原表无法打开，本退回意见仅列出问题清单");
                assertThat(text(notice.getSheetAt(0), 9, 0)).isEqualTo("序号");
            }
        }

        @Test
        void replacesAnEarlierNoticeLeavingNoTemporaryFile() throws IOException {
            Path source = sourceWorkbook(new XSSFWorkbook(), ReturnNoticeWriterTests.this.folder.resolve("in.xlsx"),
                    false);
            Path out = Files.createDirectories(ReturnNoticeWriterTests.this.folder.resolve("out"));
            Path target = Files.writeString(out.resolve("notice.xlsx"), "old");

            ReturnNoticeWriterTests.this.writer.write(source, ReturnNotice.of(checked(source, false)), target);

            try (Stream<Path> files = Files.list(out)) {
                assertThat(files).containsExactly(target);
            }
            try (XSSFWorkbook notice = open(target)) {
                assertThat(notice.getSheetAt(0).getSheetName()).isEqualTo("退回意见");
            }
        }

        @Test
        void writesTheNoticeOfAFileWhoseNameIsAsLongAsTheFileSystemAllows() throws IOException {
            String longName = "民政局-" + "整改".repeat(39) + "x.xls";
            assertThat(FileNames.bytes(longName)).isEqualTo(249);
            Path source = Files.writeString(ReturnNoticeWriterTests.this.folder.resolve(longName), "not a zip");
            CheckedSubmission checked = ReturnNoticeWriterTests.this.checker.unreadable(longName,
                    new SheetReadException(ReadFailure.NOT_A_SPREADSHEET, source, "不是zip文件"));
            String noticeName = ReturnNoticeWriter.noticeFileName(longName);
            Path target = ReturnNoticeWriterTests.this.folder.resolve(noticeName);

            ReturnNoticeWriterTests.this.writer.write(source, ReturnNotice.of(checked), target);

            assertThat(FileNames.bytes(noticeName)).isLessThanOrEqualTo(FileNames.MAX_BYTES);
            assertThat(noticeName).startsWith("民政局-整改整改").endsWith("…-退回意见.xlsx");
            assertThat(ReturnNoticeWriter.noticeFileName(longName, 2)).endsWith("…-退回意见(2).xlsx");
            try (Stream<Path> files = Files.list(ReturnNoticeWriterTests.this.folder)) {
                assertThat(files).containsExactlyInAnyOrder(source, target);
            }
        }

    }

    /** Long values are data: a notice never refuses a text, it cuts it to a cell and says so. */
    @Nested
    class LongValues {

        private final String cut = org.rectification.ledger.system.Messages.get("system.cell-text.cut");

        @Test
        void cutsACellLongerThanExcelHoldsInTheCopiedSheetAndSaysSo() throws IOException {
            // found by the fuzzing corpus: a hand-made .xlsx holding a 100,000-character string made POI refuse the
            // copy, and the notice went out without the department's sheet
            Path source = sourceWorkbook(new XSSFWorkbook(), ReturnNoticeWriterTests.this.folder.resolve("民政局-10月.xlsx"),
                    false);
            String title = "县民政局巡察反馈问题整改任务分解表";
            Files.write(source, withLongerString(Files.readAllBytes(source), title, title + "长长" + prose(40_000)));
            Path target = ReturnNoticeWriterTests.this.folder.resolve("退回意见-民政局-10月.xlsx");

            ReturnNoticeWriterTests.this.writer.write(source, ReturnNotice.of(checked(source, false)), target);

            try (XSSFWorkbook notice = open(target)) {
                XSSFSheet own = notice.getSheet(SHEET);
                assertThat(own).as("the department's own sheet is in the notice").isNotNull();
                String copied = text(own, 0, 0);
                assertThat(copied.length()).isEqualTo(32_767);
                assertThat(copied).startsWith(title + "长长").endsWith(this.cut);
                assertThat(own.getRow(0).getCell(0).getCellStyle().getWrapText()).as("wrapped").isTrue();
                assertThat(own.getRow(2).getCell(0).getCellStyle().getWrapText()).as("a header as it was").isFalse();
                assertThat(fill(own, "D7")).as("and still marked").isEqualTo(NoticeFindingsSheet.ERROR_FILL);
            }
        }

        @Test
        void cutsAFindingQuotingAWholeCellAndKeepsTheValueSeen() throws IOException {
            String essay = "根据" + prose(32_760);
            CheckedSubmission checked = ReturnNoticeWriterTests.this.checker.check("民政局-10月.xlsx",
                    TestSubmissions.signed(table(SHEET, row(SHEET, 4, Field.DEADLINE, essay))), (department) -> Map.of());
            Path target = ReturnNoticeWriterTests.this.folder.resolve("退回意见.xlsx");

            ReturnNoticeWriterTests.this.writer.write(null, ReturnNotice.of(checked), target);

            try (XSSFWorkbook notice = open(target)) {
                Sheet findings = notice.getSheetAt(0);
                int last = findings.getLastRowNum();
                assertThat(text(findings, last, 4).length()).isEqualTo(32_767);
                assertThat(text(findings, last, 4)).startsWith("【错误】第4行“整改时限”填写的“根据").endsWith(this.cut);
                assertThat(text(findings, last, 5)).as("the value seen fits whole").isEqualTo(essay);
            }
        }

        /** TextForms that compresses like prose: POI takes a long run of one character for a zip bomb. */
        private static String prose(int length) {
            String characters = "整改落实责任推进问题措施完成销号督办台账佐证材料会议研究部署排查清单制度机制建立健全监督检查专项治理规范管理";
            java.util.Random random = new java.util.Random(length);
            StringBuilder text = new StringBuilder(length);
            while (text.length() < length) {
                text.append(characters.charAt(random.nextInt(characters.length())));
            }
            return text.toString();
        }

        private static byte[] withLongerString(byte[] xlsx, String from, String to) throws IOException {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                    java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
                for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals("xl/sharedStrings.xml")) {
                        String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                        assertThat(xml).contains(from);
                        content = xml.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    zip.write(content);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        }

    }

}
