package org.rectification.ledger.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.cli.LedgerCommand;
import org.rectification.ledger.job.LedgerWorkspace;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample county's October and November runs, then December's sheets written by {@code templates}, filled in
 * as a clerk would (or with a locked deadline changed anyway) and dropped in the inbox for December's real run.
 */
@Tag("process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateRoundTripTests {

    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    private static final String CLEAN_XLSX = "县民政局-2026年12月整改任务分解表.xlsx";

    private static final String CLEAN_XLS = "县教育局-2026年12月整改任务分解表.xls";

    private static final String POSTPONED_XLSX = "县住房和城乡建设局-2026年12月整改任务分解表.xlsx";

    private static final String POSTPONED_XLS = "县审计局-2026年12月整改任务分解表.xls";

    private static final LocalDate LATER = LocalDate.of(2027, 6, 30);

    private Path root;

    private LedgerWorkspace workspace;

    private JdbcTemplate jdbc;

    private final List<String> postponedMeasures = new ArrayList<>();

    @BeforeAll
    void runOctoberNovemberThenDecemberFromTheTemplates(@TempDir Path root) throws Exception {
        this.root = root;
        this.workspace = LedgerWorkspace.h2(this.root);
        for (YearMonth month : List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11))) {
            this.workspace.drop(month);
            assertThat(LedgerCommand.execute(this.workspace.runArguments(month))).isZero();
        }
        Path xlsx = this.root.resolve("templates-xlsx");
        Path xls = this.root.resolve("templates-xls");
        assertThat(LedgerCommand.execute("templates", "--job", this.workspace.jobFile.toString(), "--month", "2026-12",
                "--out", xlsx.toString())).isZero();
        assertThat(LedgerCommand.execute("templates", "--job", this.workspace.jobFile.toString(), "--month", "2026-12",
                "--out", xls.toString(), "--format", "xls")).isZero();

        Files.createDirectories(this.workspace.inbox());
        fillAsAClerk(xlsx.resolve(CLEAN_XLSX), null);
        fillAsAClerk(xls.resolve(CLEAN_XLS), null);
        fillAsAClerk(xlsx.resolve(POSTPONED_XLSX), LATER);
        fillAsAClerk(xls.resolve(POSTPONED_XLS), LATER);
        assertThat(LedgerCommand.execute(this.workspace.runArguments(DECEMBER))).isZero();
        this.jdbc = this.workspace.jdbc();
    }

    @AfterAll
    void closeTheLedger() {
        if (this.jdbc != null) {
            ((SingleConnectionDataSource) this.jdbc.getDataSource()).destroy();
        }
    }

    @Test
    void writesASheetForEveryExpectedDepartmentInBothFormats() throws IOException {
        try (var xlsx = Files.list(this.root.resolve("templates-xlsx")); var xls = Files.list(this.root.resolve("templates-xls"))) {
            assertThat(xlsx.filter((p) -> p.toString().endsWith(".xlsx")).count()).isEqualTo(10);
            assertThat(xls.filter((p) -> p.toString().endsWith(".xls")).count()).isEqualTo(10);
        }
    }

    @Test
    void aFilledInXlsxTemplateIsAcceptedWithNoFindings() {
        assertAcceptedWithoutFindings(CLEAN_XLSX);
        assertThat(this.jdbc.queryForObject("select count(*) from task_month tm join submission s on s.id = "
                + "tm.submission_id where s.file_name = ? and tm.status = 'COMPLETED' and tm.report_month = '2026-12'",
                Integer.class, CLEAN_XLSX)).as("the first open task reported completed").isEqualTo(1);
    }

    @Test
    void aFilledInXlsTemplateIsAcceptedWithNoFindingsEvenWithoutTaskCodes() {
        assertAcceptedWithoutFindings(CLEAN_XLS);
        assertThat(this.jdbc.queryForObject("select count(*) from task where department = '县教育局'", Integer.class))
            .as("tasks without codes are found again by their texts, not duplicated").isEqualTo(6);
    }

    @Test
    void aDeadlineMovedLaterInAProtectedXlsxCellIsReadAndReported() {
        assertPostponed(POSTPONED_XLSX);
    }

    @Test
    void aDeadlineMovedLaterInAProtectedXlsCellIsReadAndReported() {
        assertPostponed(POSTPONED_XLS);
    }

    @Test
    void theReportCommandWritesDecembersDraftFromTheSameLedger() throws IOException {
        assertThat(LedgerCommand.execute("report", "--job", this.workspace.jobFile.toString(), "--month", "2026-12",
                "--as-of", "2026-12-31")).isZero();
        Path report = this.workspace.out().resolve("整改情况报告-2026-12.docx");
        try (InputStream in = Files.newInputStream(report);
                org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
            String text = document.getParagraphs().stream().map((p) -> p.getText()).reduce("", (a, b) -> a + b + "\n");
            assertThat(text).contains("一、总体情况").contains("截至2026年12月31日").contains("已采纳4个");
        }
    }

    private void assertAcceptedWithoutFindings(String file) {
        assertThat(this.jdbc.queryForObject("select outcome from submission where file_name = ?", String.class, file))
            .isEqualTo("ACCEPTED");
        assertThat(this.jdbc.queryForList("select rule from finding where file_name = ?", String.class, file)).isEmpty();
        assertThat(this.jdbc.queryForObject("select cast(filled_date as varchar(10)) from submission where file_name = ?",
                String.class, file)).isEqualTo("2026-12-04");
    }

    private void assertPostponed(String file) {
        assertThat(this.jdbc.queryForObject("select outcome from submission where file_name = ?", String.class, file))
            .isEqualTo("ACCEPTED");
        assertThat(this.jdbc.queryForList("select rule from finding where file_name = ?", String.class, file))
            .containsExactly("DEADLINE_POSTPONED");
        String department = this.jdbc.queryForObject("select department from submission where file_name = ?",
                String.class, file);
        List<String> deadlines = new ArrayList<>();
        for (String measure : this.postponedMeasures) {
            deadlines.addAll(this.jdbc.queryForList("select cast(deadline as varchar(10)) from task where department = ? "
                    + "and measure = ?", String.class, department, measure));
        }
        assertThat(deadlines).as("the change is merged, and reported").containsExactly(LATER.toString());
    }

    /**
     * Fills a sheet in as a clerk would: every status chosen (the first task completed, with progress and evidence),
     * progress written, the three signers' names typed in the block and 填报日期 entered; with {@code postpone}, the
     * first date deadline is also typed over although it is locked. Drops the result in the inbox.
     */
    private void fillAsAClerk(Path template, LocalDate postpone) throws IOException {
        Workbook workbook;
        try (InputStream in = Files.newInputStream(template)) {
            workbook = WorkbookFactory.create(in);
        }
        try (workbook) {
            Sheet sheet = workbook.getSheetAt(0);
            int header = headerRow(sheet);
            int status = column(sheet.getRow(header), "整改状态");
            int progress = column(sheet.getRow(header), "整改进展");
            int evidence = column(sheet.getRow(header), "佐证材料");
            int deadline = column(sheet.getRow(header), "整改时限");
            int measure = column(sheet.getRow(header), "整改措施");
            boolean first = true;
            boolean postponed = postpone == null;
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || text(row.getCell(measure)).isEmpty()) {
                    continue;
                }
                row.getCell(status).setCellValue(first ? "已完成" : "正在整改");
                row.getCell(progress).setCellValue(first ? "已全部完成，经验收合格" : "本月继续推进，已完成阶段目标");
                if (first) {
                    row.getCell(evidence).setCellValue("验收报告");
                }
                Cell due = row.getCell(deadline);
                if (!postponed && due.getCellType() == CellType.NUMERIC) {
                    due.setCellValue(postpone);
                    this.postponedMeasures.add(text(row.getCell(measure)));
                    postponed = true;
                }
                first = false;
            }
            assertThat(postponed).as("a date deadline to move in " + template).isTrue();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String label = text(cell);
                    if (label.startsWith("填报日期")) {
                        cellAfter(sheet, cell).setCellValue(LocalDate.of(2026, 12, 4));
                    }
                    else if (label.startsWith("填报人") || label.startsWith("审核人") || label.startsWith("单位负责人")) {
                        cellAfter(sheet, cell).setCellValue(label.startsWith("填报人") ? "张三"
                                : label.startsWith("审核人") ? "李四" : "王五");
                    }
                }
            }
            Path target = this.workspace.inbox().resolve(template.getFileName().toString());
            try (OutputStream out = Files.newOutputStream(target)) {
                workbook.write(out);
            }
            Files.setLastModifiedTime(target, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        }
    }

    /** The cell right of a label, past the label's merged range. */
    private static Cell cellAfter(Sheet sheet, Cell label) {
        int last = label.getColumnIndex();
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            if (range.isInRange(label)) {
                last = range.getLastColumn();
            }
        }
        Row row = label.getRow();
        return (row.getCell(last + 1) != null) ? row.getCell(last + 1) : row.createCell(last + 1);
    }

    private static int headerRow(Sheet sheet) {
        for (Row row : sheet) {
            if (column(row, "整改状态") >= 0) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no header row");
    }

    private static int column(Row row, String header) {
        for (Cell cell : row) {
            if (header.equals(text(cell))) {
                return cell.getColumnIndex();
            }
        }
        return -1;
    }

    private static String text(Cell cell) {
        return (cell != null && cell.getCellType() == CellType.STRING) ? cell.getStringCellValue().trim() : "";
    }

}
