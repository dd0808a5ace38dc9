package org.rectification.ledger.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rectification.ledger.ledger.OpenTask;
import org.rectification.ledger.sheet.Deadline;
import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.ReadSettings;
import org.rectification.ledger.sheet.ReadSubmission;
import org.rectification.ledger.sheet.SignatureMark;
import org.rectification.ledger.sheet.StatusWords;
import org.rectification.ledger.sheet.SubmissionReader;
import org.rectification.ledger.sheet.TaskRow;
import org.rectification.ledger.sheet.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateWorkbookWriterTests {

    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    private static final List<String> SIGNERS = List.of("填报人", "审核人", "单位负责人");

    @TempDir
    Path folder;

    private static List<OpenTask> tasks() {
        return List.of(
                new OpenTask("MZ-01-1", "政治建设方面", "理论学习不深入", "制定学习计划", "王建国", "县民政局", null, "陈立",
                        LocalDate.of(2026, 12, 31), "2026年12月底前", Deadline.Kind.DATE, TaskStatus.IN_PROGRESS,
                        "已起草学习计划", null, "上月备注", YearMonth.of(2026, 11)),
                new OpenTask("MZ-01-2", "政治建设方面", "理论学习不深入", "每季度开展一次专题学习", "王建国", "县民政局", "县委宣传部",
                        "陈立", null, "长期坚持", Deadline.Kind.ONGOING, TaskStatus.ONGOING, null, null, null, YearMonth.of(2026, 11)),
                new OpenTask("MZ-02-1", "民生保障方面", "低保审核把关不严", "开展低保专项清理", "刘志强", "县民政局", null, "赵静",
                        LocalDate.of(2026, 10, 15), "立行立改", Deadline.Kind.IMMEDIATE, TaskStatus.NOT_STARTED, null,
                        null, null, YearMonth.of(2026, 11)));
    }

    private Path write(List<OpenTask> tasks, TemplateFormat format) throws IOException {
        Path file = this.folder.resolve(MonthlyTemplates.fileName("县民政局", DECEMBER, format));
        try (OutputStream out = Files.newOutputStream(file)) {
            new TemplateWorkbookWriter().write(new TemplateSheet("县民政局", DECEMBER, "县委第三轮巡察",
                    LocalDate.of(2026, 9, 15), SIGNERS, tasks), format, out);
        }
        return file;
    }

    private static Workbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return WorkbookFactory.create(in);
        }
    }

    private static ReadSubmission read(Path file) {
        return new SubmissionReader(new ReadSettings(Map.of(), ReadSettings.DEFAULT_PLACEHOLDERS,
                ReadSettings.DEFAULT_SIGNER_LABELS, LocalDate.of(2026, 9, 15), 30, DECEMBER,
                ReadSettings.Limits.defaults())).read(file);
    }

    @ParameterizedTest
    @EnumSource(TemplateFormat.class)
    void readsBackAsTheDepartmentsOpenTasksWithTheirDeadlinesAndLastMonthsStatus(TemplateFormat format)
            throws IOException {
        ReadSubmission read = read(write(tasks(), format));
        assertThat(read.declaredUnit()).isEqualTo("县民政局");
        assertThat(read.tables()).hasSize(1);
        List<TaskRow> rows = read.tables().get(0).rows();
        assertThat(rows).extracting((row) -> row.value(Field.TASK_CODE)).containsExactly("MZ-01-1", "MZ-01-2", "MZ-02-1");
        assertThat(rows).extracting((row) -> row.seen(Field.PROBLEM))
            .as("the problem merged over its measures is carried to each")
            .containsExactly("理论学习不深入", "理论学习不深入", "低保审核把关不严");
        assertThat(rows).extracting(TaskRow::deadline).extracting(Deadline::kind)
            .containsExactly(Deadline.Kind.DATE, Deadline.Kind.ONGOING, Deadline.Kind.IMMEDIATE);
        assertThat(rows.get(0).deadline().date()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(rows).extracting(TaskRow::status)
            .containsExactly(TaskStatus.IN_PROGRESS, TaskStatus.ONGOING, TaskStatus.NOT_STARTED);
        assertThat(rows.get(0).seen(Field.PROGRESS)).isEqualTo("已起草学习计划");
        assertThat(rows.get(0).seen(Field.REMARKS)).as("last month's remark does not explain this month's changes")
            .isEmpty();
        assertThat(read.tables().get(0).extraColumns()).isEmpty();
        assertThat(read.signatures()).extracting(SignatureMark::label).containsExactly("填报人", "审核人", "单位负责人");
        assertThat(read.signatures()).noneMatch(SignatureMark::signed);
    }

    @ParameterizedTest
    @EnumSource(TemplateFormat.class)
    void signaturesAndFilledDateTypedInTheOpenCellsAreRead(TemplateFormat format) throws IOException {
        Path file = write(tasks(), format);
        try (Workbook workbook = open(file)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String text = (cell.getCellType() == CellType.STRING) ? cell.getStringCellValue() : "";
                    if (text.startsWith("填报日期")) {
                        after(sheet, cell).setCellValue(LocalDate.of(2026, 12, 4));
                    }
                    else if (text.startsWith("填报人") || text.startsWith("审核人") || text.startsWith("单位负责人")) {
                        after(sheet, cell).setCellValue("张三");
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        ReadSubmission read = read(file);
        assertThat(read.filledDate()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(read.signatures()).hasSize(3).allMatch(SignatureMark::signed);
    }

    @ParameterizedTest
    @EnumSource(TemplateFormat.class)
    void locksWhatTheLedgerKnowsAndOpensWhatTheDepartmentFillsIn(TemplateFormat format) throws IOException {
        try (Workbook workbook = open(write(tasks(), format))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getProtect()).isTrue();
            Row header = sheet.getRow(2);
            Row task = sheet.getRow(3);
            List<String> open = new ArrayList<>();
            for (Cell cell : header) {
                if (!task.getCell(cell.getColumnIndex()).getCellStyle().getLocked()) {
                    open.add(cell.getStringCellValue());
                }
            }
            assertThat(open).containsExactly("整改状态", "整改进展", "佐证材料", "备注");
        }
    }

    @ParameterizedTest
    @EnumSource(TemplateFormat.class)
    void offersTheStatusWordsAsADropdownAndValidatesDates(TemplateFormat format) throws IOException {
        try (Workbook workbook = open(write(tasks(), format))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<? extends DataValidation> validations = (sheet instanceof XSSFSheet xssf) ? xssf.getDataValidations()
                    : ((HSSFSheet) sheet).getDataValidations();
            DataValidation status = validations.stream()
                .filter((v) -> v.getValidationConstraint().getValidationType() == DataValidationConstraint.ValidationType.LIST)
                .findFirst()
                .orElseThrow();
            assertThat(status.getValidationConstraint().getExplicitListValues())
                .containsExactly("未启动", "正在整改", "已完成", "长期坚持")
                .allMatch((word) -> StatusWords.parse(word) != null);
            assertThat(status.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(10);
            assertThat(validations.stream()
                .filter((v) -> v.getValidationConstraint().getValidationType() == DataValidationConstraint.ValidationType.DATE))
                .as("deadlines and 填报日期").hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TemplateFormat.class)
    void printsOnA4LandscapeOnePageWideWithTheHeaderRepeated(TemplateFormat format) throws IOException {
        try (Workbook workbook = open(write(tasks(), format))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("3:3"));
        }
    }

    @ParameterizedTest
    @EnumSource(TemplateFormat.class)
    void givesTheCategoryRoomForASixCharacterCategoryOnOneLine(TemplateFormat format) throws IOException {
        try (Workbook workbook = open(write(tasks(), format))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("问题类别");
            // a Chinese character is two widths, plus a character's margin each side
            assertThat(sheet.getColumnWidth(2)).isGreaterThanOrEqualTo(256 * ("业务工作方面".length() * 2 + 2));
        }
    }

    @ParameterizedTest
    @EnumSource(TemplateFormat.class)
    void aDepartmentWithNoTasksGetsTheHeadersAndOpenRows(TemplateFormat format) throws IOException {
        Path file = write(List.of(), format);
        ReadSubmission read = read(file);
        assertThat(read.tables()).hasSize(1);
        assertThat(read.tables().get(0).rows()).isEmpty();
        assertThat(read.tables().get(0).columns()).containsKeys(Field.PROBLEM, Field.MEASURE, Field.LEADER,
                Field.DEPARTMENT, Field.OWNER, Field.DEADLINE, Field.STATUS, Field.PROGRESS, Field.EVIDENCE);
        try (Workbook workbook = open(file)) {
            Row first = workbook.getSheetAt(0).getRow(3);
            assertThat(first.getCell(3).getCellStyle().getLocked()).as("a new task's problem can be typed").isFalse();
        }
    }

    private static Cell after(Sheet sheet, Cell label) {
        int last = label.getColumnIndex();
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            if (range.isInRange(label)) {
                last = range.getLastColumn();
            }
        }
        Row row = label.getRow();
        return (row.getCell(last + 1) != null) ? row.getCell(last + 1) : row.createCell(last + 1);
    }

}
