package org.rectification.ledger.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.rectification.ledger.roster.Roster;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month's reports written from a small two-month ledger; every expected figure is recomputed here from the
 * fixture's rows, not copied from the code under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportsTests {

    static final String MONTH = "2026-11";

    static final LocalDate AS_OF = LocalDate.of(2026, 12, 5);

    @TempDir
    static Path out;

    LedgerFixture fixture;

    ReportFiles files;

    XSSFWorkbook ledger;

    XSSFWorkbook progress;

    JsonNode summary;

    @BeforeAll
    void writeReports() throws IOException {
        this.fixture = new LedgerFixture().standard().insert();
        this.files = new MonthlyReports(this.fixture.jdbc).write(request(out));
        this.ledger = open(this.files.ledgerWorkbook());
        this.progress = open(this.files.progressWorkbook());
        this.summary = JsonMapper.builder().build().readTree(Files.readString(this.files.summaryJson()));
    }

    static ReportRequest request(Path out) {
        Roster roster = new Roster(LedgerFixture.ROSTER.stream().map(n -> new Roster.Department(n, List.of())).toList());
        return new ReportRequest("县委巡察反馈问题", roster, YearMonth.parse(MONTH), AS_OF, out, 10, 20, 10);
    }

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    // ---- independent expectations, from the fixture rows ----

    record Expected(String department, int tasks, int completed, int inProgress, int notStarted, int ongoing,
            int overdue, int closed, int newlyOverdue) {

        double rate() {
            return (this.tasks == 0) ? 0 : (double) this.completed / this.tasks;
        }

    }

    static boolean overdue(LedgerFixture.MonthRow row, LocalDate asOf) {
        return row != null && row.deadline() != null && row.deadline().isBefore(asOf)
                && !row.status().equals("COMPLETED") && !row.status().equals("ONGOING")
                && !"ONGOING".equals(row.deadlineKind());
    }

    List<LedgerFixture.TaskRow> tasksOf(String department) {
        return this.fixture.tasks.stream().filter(t -> t.department().equals(department))
                .filter(t -> this.fixture.stateFor(t.id(), MONTH).isPresent()).toList();
    }

    Expected expected(String department) {
        int[] n = new int[8];
        for (LedgerFixture.TaskRow task : tasksOf(department)) {
            LedgerFixture.MonthRow now = this.fixture.stateFor(task.id(), MONTH).orElseThrow();
            LedgerFixture.MonthRow before = this.fixture.stateBefore(task.id(), MONTH).orElse(null);
            n[0]++;
            switch (now.status()) {
                case "COMPLETED" -> n[1]++;
                case "IN_PROGRESS" -> n[2]++;
                case "NOT_STARTED" -> n[3]++;
                default -> n[4]++;
            }
            if (overdue(now, AS_OF)) {
                n[5]++;
                if (!overdue(before, LocalDate.of(2026, 10, 31))) {
                    n[7]++;
                }
            }
            if (now.month().equals(MONTH) && now.status().equals("COMPLETED")
                    && (before == null || !before.status().equals("COMPLETED"))) {
                n[6]++;
            }
        }
        return new Expected(department, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    }

    Expected expectedTotal() {
        List<Expected> all = LedgerFixture.ROSTER.stream().map(this::expected).toList();
        return new Expected("合计", all.stream().mapToInt(Expected::tasks).sum(),
                all.stream().mapToInt(Expected::completed).sum(), all.stream().mapToInt(Expected::inProgress).sum(),
                all.stream().mapToInt(Expected::notStarted).sum(), all.stream().mapToInt(Expected::ongoing).sum(),
                all.stream().mapToInt(Expected::overdue).sum(), all.stream().mapToInt(Expected::closed).sum(),
                all.stream().mapToInt(Expected::newlyOverdue).sum());
    }

    long problems() {
        return LedgerFixture.ROSTER.stream().flatMap(d -> tasksOf(d).stream())
                .map(t -> t.department() + "|" + t.problem()).distinct().count();
    }

    /** The data rows of a table sheet (below title and header), cells as String, Double, LocalDate or null. */
    static List<List<Object>> rows(XSSFSheet sheet) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                break; // the blank row between the table and its legend
            }
            List<Object> values = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                values.add(value(row.getCell(c)));
            }
            rows.add(values);
        }
        return rows;
    }

    static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate()
                    : (Object) cell.getNumericCellValue();
            case BLANK -> null;
            default -> throw new AssertionError("unexpected " + cell.getCellType() + " at " + cell.getAddress());
        };
    }

    static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    // ---- the tests ----

    @Test
    void writesTheThreeFilesAndNothingElse() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("summary.json",
                    "整改总台账.xlsx", "月度整改进展-2026-11.xlsx");
        }
    }

    @Test
    void namesTheSheetsInOrder() {
        assertThat(sheetNames(this.ledger)).containsExactly("整改总台账", "历史进展");
        assertThat(sheetNames(this.progress)).containsExactly("总体情况", "分单位统计", "问题类别统计", "逾期任务", "临期预警",
                "本月销号", "未报送单位", "退回及问题", "任务明细");
    }

    @Test
    void returnsTheTotals() {
        Expected total = expectedTotal();
        assertThat(this.files.totals()).isEqualTo(new Totals(total.tasks(), total.completed(), total.inProgress(),
                total.notStarted(), total.ongoing(), total.overdue(), total.rate()));
        assertThat(total.tasks()).isEqualTo(10);
        assertThat(total.overdue()).isEqualTo(3);
    }

    @Test
    void listsDepartmentsLaggardsFirstWithTheirFigures() {
        List<List<Object>> rows = rows(this.progress.getSheet("分单位统计"));
        List<Expected> expected = new ArrayList<>(LedgerFixture.ROSTER.stream().map(this::expected).toList());
        expected.sort(Comparator.<Expected, Boolean>comparing(e -> e.tasks() == 0).thenComparingDouble(Expected::rate)
                .thenComparing(e -> -e.overdue()).thenComparing(e -> LedgerFixture.ROSTER.indexOf(e.department())));
        expected.add(expectedTotal());
        assertThat(rows).hasSize(expected.size());
        Map<String, String> submission = Map.of("县民政局", "按时报送", "县财政局", "逾期报送", "县教育局", "已退回待重报",
                "县审计局", "未报送", "县卫健局", "未报送");
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            List<Object> row = rows.get(i);
            assertThat(row.get(0)).isEqualTo(e.department());
            assertThat(row.subList(2, 9)).containsExactly((double) e.tasks(), (double) e.completed(),
                    (double) e.inProgress(), (double) e.notStarted(), (double) e.ongoing(), (double) e.overdue(),
                    e.rate());
            assertThat(row.get(10)).isEqualTo((double) e.closed());
            assertThat(row.get(11)).isEqualTo((double) e.newlyOverdue());
            assertThat(row.get(12)).isEqualTo(submission.get(e.department()));
        }
        assertThat(rows.stream().map(r -> r.get(0))).containsExactly("县财政局", "县审计局", "县民政局", "县教育局", "县卫健局",
                "合计");
    }

    @Test
    void highlightsLowRatesAndOverdueOfDepartmentsWithTasks() {
        var formatting = this.progress.getSheet("分单位统计").getSheetConditionalFormatting();
        assertThat(formatting.getNumConditionalFormattings()).isEqualTo(2);
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
            for (CellRangeAddress range : formatting.getConditionalFormattingAt(i).getFormattingRanges()) {
                ranges.add(range.formatAsString());
            }
        }
        assertThat(ranges).containsExactlyInAnyOrder("I3:I6", "H3:H6");
    }

    @Test
    void summarisesByCategory() {
        List<List<Object>> rows = rows(this.progress.getSheet("问题类别统计"));
        Map<String, Integer> tasksByCategory = new LinkedHashMap<>();
        for (String department : LedgerFixture.ROSTER) {
            for (LedgerFixture.TaskRow task : tasksOf(department)) {
                tasksByCategory.merge((task.category() != null) ? task.category() : "未分类", 1, Integer::sum);
            }
        }
        Map<String, Double> written = new LinkedHashMap<>();
        rows.forEach(r -> written.put((String) r.get(0), (Double) r.get(2)));
        Map<String, Double> expected = new LinkedHashMap<>();
        tasksByCategory.forEach((k, v) -> expected.put(k, (double) v));
        expected.put("合计", (double) expectedTotal().tasks());
        assertThat(written).containsExactlyEntriesOf(expected);
    }

    @Test
    void showsTheOverview() {
        Map<String, Object> overview = new LinkedHashMap<>();
        rows(this.progress.getSheet("总体情况")).forEach(r -> overview.put((String) r.get(0), r.get(1)));
        Expected total = expectedTotal();
        assertThat(overview).containsEntry("整改事项", "县委巡察反馈问题").containsEntry("报告月份", MONTH)
                .containsEntry("统计截止日期", AS_OF).containsEntry("任务总数", (double) total.tasks())
                .containsEntry("问题总数", (double) problems()).containsEntry("已完成", (double) total.completed())
                .containsEntry("正在整改", (double) total.inProgress()).containsEntry("未启动", (double) total.notStarted())
                .containsEntry("长期坚持", (double) total.ongoing()).containsEntry("逾期任务", (double) total.overdue())
                .containsEntry("完成率", total.rate()).containsEntry("本月销号", (double) total.closed())
                .containsEntry("本月新增逾期", (double) total.newlyOverdue())
                // every roster department is expected, with tasks or not (县卫健局 has none): 5 = 2 + 1 + 2
                .containsEntry("应报送单位", 5.0).containsEntry("已采纳单位", 2.0).containsEntry("其中：按时报送", 1.0)
                .containsEntry("已退回待重报单位", 1.0).containsEntry("未报送单位（未收到文件）", 2.0)
                .containsEntry("收到文件", 6.0);
    }

    @Test
    void drawsNativeChartsOnTheOverviewFromTheSheetCells() {
        List<XSSFChart> charts = this.progress.getSheet("总体情况").getDrawingPatriarch().getCharts();
        assertThat(charts).hasSize(2);
        XDDFBarChartData bars = (XDDFBarChartData) charts.get(0).getChartSeries().get(0);
        assertThat(bars.getBarGrouping()).isEqualTo(BarGrouping.STACKED);
        assertThat(bars.getSeriesCount()).isEqualTo(4);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < bars.getSeriesCount(); i++) {
            XDDFChartData.Series series = bars.getSeries(i);
            assertThat(series.getCategoryData().getDataRangeReference()).isEqualTo("'分单位统计'!$A$3:$A$7");
            values.add(series.getValuesData().getDataRangeReference());
        }
        assertThat(values).containsExactly("'分单位统计'!$D$3:$D$7", "'分单位统计'!$E$3:$E$7", "'分单位统计'!$F$3:$F$7",
                "'分单位统计'!$G$3:$G$7");
        assertThat(bars.getSeries(0).getCategoryData().getPointAt(0)).isEqualTo("县财政局");
        XDDFPieChartData pie = (XDDFPieChartData) charts.get(1).getChartSeries().get(0);
        assertThat(pie.getSeries(0).getCategoryData().getDataRangeReference()).isEqualTo("'总体情况'!$A$8:$A$11");
        assertThat(pie.getSeries(0).getValuesData().getDataRangeReference()).isEqualTo("'总体情况'!$B$8:$B$11");
        assertThat(pie.getSeries(0).getValuesData().getPointAt(0).doubleValue()).isEqualTo(expectedTotal().completed());
        // the referenced cells hold what the chart shows
        XSSFSheet overview = this.progress.getSheet("总体情况");
        assertThat(overview.getRow(7).getCell(0).getStringCellValue()).isEqualTo("已完成");
        assertThat(overview.getRow(10).getCell(0).getStringCellValue()).isEqualTo("长期坚持");
    }

    @Test
    void listsOverdueTasksWithDaysOverdue() {
        List<List<Object>> rows = rows(this.progress.getSheet("逾期任务"));
        List<List<Object>> expected = new ArrayList<>();
        for (String department : LedgerFixture.ROSTER) {
            for (LedgerFixture.TaskRow task : tasksOf(department)) {
                LedgerFixture.MonthRow now = this.fixture.stateFor(task.id(), MONTH).orElseThrow();
                if (overdue(now, AS_OF)) {
                    expected.add(List.of(task.code(), department, now.deadline(),
                            (double) ChronoUnit.DAYS.between(now.deadline(), AS_OF)));
                }
            }
        }
        assertThat(rows.stream().map(r -> List.of(r.get(1), r.get(2), r.get(7), r.get(8))).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows).allSatisfy(r -> assertThat(r.get(5)).asString().startsWith("领导"));
    }

    @Test
    void colourCodesTasksNearTheirDeadline() {
        XSSFSheet sheet = this.progress.getSheet("临期预警");
        Map<String, String> warnings = new LinkedHashMap<>();
        Map<String, Short> colours = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (int r = 2; sheet.getRow(r) != null; r++) {
            Row row = sheet.getRow(r);
            order.add(row.getCell(2).getStringCellValue());
            warnings.put(row.getCell(2).getStringCellValue(), row.getCell(1).getStringCellValue());
            colours.put(row.getCell(2).getStringCellValue(), row.getCell(11).getCellStyle().getFillForegroundColor());
        }
        assertThat(warnings).containsOnlyKeys("MZ-02", "CZ-01", "CZ-02", "CZ-03", "JY-01");
        assertThat(warnings.get("CZ-01")).startsWith("红色");
        assertThat(warnings.get("CZ-02")).startsWith("黄色");
        assertThat(warnings.get("CZ-03")).startsWith("绿色");
        assertThat(colours.get("CZ-01")).isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.ROSE.getIndex());
        assertThat(colours.get("CZ-02")).isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.LIGHT_YELLOW.getIndex());
        assertThat(colours.get("CZ-03")).isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.LIGHT_GREEN.getIndex());
        // red, then yellow, then green; each by deadline (CZ-01 9-30, JY-01 11-15, MZ-02 11-20)
        assertThat(order).containsExactly("CZ-01", "JY-01", "MZ-02", "CZ-02", "CZ-03");
        assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue())
                .isEqualTo("图例：红色：已逾期；黄色：10天内到期；绿色：20天内到期");
    }

    @Test
    void fitsEveryHeaderOnAtMostTwoLinesBrokenBetweenWords() {
        for (int i = 0; i < this.progress.getNumberOfSheets(); i++) {
            XSSFSheet sheet = this.progress.getSheetAt(i);
            for (Cell cell : sheet.getRow(1)) {
                String header = cell.getStringCellValue();
                int units = sheet.getColumnWidth(cell.getColumnIndex()) / 256 - 2;
                String[] lines = header.split("\n");
                assertThat(lines).as(sheet.getSheetName() + " " + header).hasSizeLessThanOrEqualTo(2);
                for (String line : lines) {
                    // a line the column holds is not broken again, so no character stands alone
                    assertThat(TableSheet.displayWidth(line)).as(sheet.getSheetName() + " " + header)
                            .isLessThanOrEqualTo(units);
                }
            }
        }
    }

    @Test
    void explainsTheColoursOfTheFiguresTables() {
        XSSFSheet sheet = this.progress.getSheet("分单位统计");
        assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue())
                .isEqualTo("图例：粉红底色＝完成率低于50%或有逾期任务");
    }

    @Test
    void hidesColumnsNobodyFilledAndSaysNoneForAnEmptyList(@TempDir Path again) throws IOException {
        XSSFSheet details = this.progress.getSheet("任务明细");
        assertThat(details.isColumnHidden(8)).as("配合单位: none in the fixture").isTrue();
        assertThat(details.isColumnHidden(1)).as("任务编号").isFalse();
        assertThat(this.progress.getSheet("分单位统计").getRow(1).getLastCellNum()).as("报送情况 is the last column")
                .isEqualTo((short) 13);
        assertThat(this.progress.getSheet("问题类别统计").getRow(1).getLastCellNum()).as("no 报送情况 by category")
                .isEqualTo((short) 12);
        // August: no task existed yet, nothing was found
        Roster roster = request(again).roster();
        ReportFiles august = new MonthlyReports(this.fixture.jdbc).write(new ReportRequest("县委巡察反馈问题", roster,
                YearMonth.of(2026, 8), LocalDate.of(2026, 8, 31), again, 10, 20, 10));
        try (XSSFWorkbook workbook = open(august.progressWorkbook())) {
            for (String sheet : List.of("逾期任务", "临期预警", "本月销号", "退回及问题")) {
                List<List<Object>> rows = rows(workbook.getSheet(sheet));
                assertThat(rows).as(sheet).hasSize(1);
                assertThat(rows.get(0).get(0)).as(sheet).isEqualTo("无");
            }
        }
    }

    @Test
    void listsTasksClosedThisMonthWithEvidence() {
        List<List<Object>> rows = rows(this.progress.getSheet("本月销号"));
        assertThat(rows).hasSize(expectedTotal().closed());
        assertThat(rows.get(0).get(1)).isEqualTo("MZ-01");
        assertThat(rows.get(0).get(10)).isEqualTo("复核记录表");
        assertThat(rows.get(0).get(11)).as("closed with progress and evidence: nothing to check").isNull();
    }

    @Test
    void listsMissingDepartmentsWithWhatTheyLastSent() {
        List<List<Object>> rows = rows(this.progress.getSheet("未报送单位"));
        assertThat(rows.stream().map(r -> r.subList(1, 8)).toList()).containsExactly(
                List.of("县教育局", 2.0, "已退回待重报", "《教育局-11月.xlsx》被退回：缺少审核人签字", "2026-11", "教育局-11月.xlsx",
                        "已退回"),
                List.of("县审计局", 1.0, "未报送", "未收到报送文件", "2026-10", "审计局-10月.xlsx", "已采纳"),
                Arrays.asList("县卫健局", 0.0, "未报送", "未收到报送文件", null, "从未报送", null));
    }

    @Test
    void listsEveryFindingOfTheMonthByDepartment() {
        List<List<Object>> rows = rows(this.progress.getSheet("退回及问题"));
        assertThat(rows.stream().map(r -> List.of(r.get(1), r.get(2), r.get(3), r.get(7), r.get(8))).toList())
                .containsExactly(List.of("县财政局", "财政局-11月.xlsx", "已采纳", "已完成无佐证", "警告"),
                        // the superseded draft: one line, not its findings
                        List.of("县财政局", "财政局-11月-初稿.xlsx", "已被替代", "已被替代", "提示"),
                        List.of("县教育局", "教育局-11月.xlsx", "已退回", "缺少签字", "错误"),
                        List.of("（未识别单位）", "县档案馆-11月.xlsx", "已退回", "单位不在名单", "错误"));
        assertThat(rows.get(1).get(9)).isEqualTo("已被同单位后报送的《财政局-11月.xlsx》替代，本文件的问题不再计入");
        assertThat(rows.get(0).get(5)).isEqualTo(5.0);
        assertThat(rows.get(0).get(6)).isEqualTo("佐证材料");
    }

    @Test
    void detailsEveryTaskThatExistedInTheMonth() {
        List<List<Object>> rows = rows(this.progress.getSheet("任务明细"));
        assertThat(rows.stream().map(r -> r.get(1))).containsExactly("MZ-01", "MZ-02", "MZ-03", "MZ-04", "CZ-01",
                "CZ-02", "CZ-03", "JY-01", "JY-02", "SJ-01");
        // JY-01 did not report in November: its October state stands
        assertThat(rows.get(7).get(10)).isEqualTo("正在整改");
        assertThat(rows.get(7).get(15)).isEqualTo("2026-10");
        assertThat(rows.get(2).get(9)).isEqualTo("长期坚持");
    }

    @Nested
    class MasterLedger {

        @Test
        void holdsEveryTaskWithItsLatestStateInLedgerOrder() {
            List<List<Object>> rows = rows(MonthlyReportsTests.this.ledger.getSheet("整改总台账"));
            assertThat(rows.stream().map(r -> r.get(1))).containsExactly("MZ-01", "MZ-02", "MZ-03", "MZ-04", "MZ-05",
                    "CZ-01", "CZ-02", "CZ-03", "JY-01", "JY-02", "SJ-01");
            assertThat(rows.get(4)).contains("2026-12", "未启动");
            assertThat(rows.get(0).get(14)).isEqualTo("2026-11");
        }

        @Test
        void numbersTheTasksThroughTheSheetNotAgainForEachDepartment() {
            List<List<Object>> rows = rows(MonthlyReportsTests.this.ledger.getSheet("整改总台账"));
            assertThat(rows.stream().map(r -> r.get(0))).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9",
                    "10", "11");
        }

        @Test
        void mergesProblemAndCategoryOverTheirMeasures() {
            XSSFSheet sheet = MonthlyReportsTests.this.ledger.getSheet("整改总台账");
            assertThat(sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString))
                    .containsExactlyInAnyOrder("A1:O1", "D3:D4", "E3:E4", "D5:D6", "E5:E6", "D8:D9", "E8:E9",
                            "D11:D12", "E11:E12");
            assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("低保审核把关不严");
        }

        @Test
        void keepsEachTasksMonthlyHistory() {
            List<List<Object>> rows = rows(MonthlyReportsTests.this.ledger.getSheet("历史进展"));
            assertThat(rows).hasSize(MonthlyReportsTests.this.fixture.months.size());
            assertThat(rows.subList(0, 2).stream().map(r -> List.of(r.get(0), r.get(4), r.get(5))).toList())
                    .containsExactly(List.of("MZ-01", "2026-10", "正在整改"), List.of("MZ-01", "2026-11", "已完成"));
        }

    }

    @Test
    void writesTextThatLooksLikeAFormulaAsText() {
        XSSFSheet sheet = this.ledger.getSheet("整改总台账");
        Cell problem = sheet.getRow(4).getCell(4);
        assertThat(problem.getCellType()).isEqualTo(CellType.STRING);
        assertThat(problem.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"点我\")");
        assertThat(problem.getCellStyle().getQuotePrefixed()).isTrue();
        assertThat(sheet.getRow(4).getCell(5).getStringCellValue()).isEqualTo("+定期公示办事流程");
        assertThat(sheet.getRow(4).getCell(5).getCellType()).isEqualTo(CellType.STRING);
        Cell progressCell = this.progress.getSheet("任务明细").getRow(3).getCell(12);
        assertThat(progressCell.getCellType()).isEqualTo(CellType.STRING);
        assertThat(progressCell.getStringCellValue()).isEqualTo("=1+1");
        for (XSSFWorkbook workbook : List.of(this.ledger, this.progress)) {
            for (var s : workbook) {
                for (Row row : s) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(cell.getAddress().toString()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    @Test
    void setsUpEverySheetForPrintingAndReading() {
        for (XSSFWorkbook workbook : List.of(this.ledger, this.progress)) {
            for (var s : workbook) {
                XSSFSheet sheet = (XSSFSheet) s;
                String name = sheet.getSheetName();
                PrintSetup print = sheet.getPrintSetup();
                assertThat(print.getLandscape()).as(name).isTrue();
                assertThat(print.getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(print.getFitWidth()).as(name).isEqualTo((short) 1);
                assertThat(print.getFitHeight()).as(name).isEqualTo((short) 0);
                assertThat(sheet.getFitToPage()).as(name).isTrue();
                assertThat(sheet.getRepeatingRows()).as(name).isEqualTo(CellRangeAddress.valueOf("2:2"));
                assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("第 &P 页 / 共 &N 页");
                assertThat(sheet.getHeader().getCenter()).as(name).isNotBlank();
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as(name).isEqualTo((short) 2);
                assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).as(name).startsWith("A2:");
                assertThat(sheet.getColumnWidth(0)).as(name).isGreaterThan(256 * 4);
            }
            assertThat(workbook.getNumCellStyles()).isLessThan(40);
        }
        assertThat(this.ledger.getSheet("整改总台账").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:O13");
        // the problem column is wide for Chinese text, but capped
        assertThat(this.ledger.getSheet("整改总台账").getColumnWidth(4)).isBetween(16 * 256, 36 * 256);
    }

    @Test
    void writesTheSummaryJson() throws IOException {
        JsonNode json = this.summary;
        assertThat(json.get("campaign").asString()).isEqualTo("县委巡察反馈问题");
        assertThat(json.get("month").asString()).isEqualTo(MONTH);
        assertThat(json.get("asOf").asString()).isEqualTo("2026-12-05");
        List<String> outcomes = new ArrayList<>();
        json.get("submissions").forEach(s -> outcomes.add(s.get("file").asString() + "=" + s.get("outcome").asString()));
        // in the order the files arrived (not their modification time, which runs backwards in the fixture): 民政局 on the due day, its duplicate after
        assertThat(outcomes).containsExactly("教育局-11月.xlsx=rejected", "县档案馆-11月.xlsx=rejected",
                "民政局-11月.xlsx=accepted", "民政局-11月(1).xlsx=duplicate", "财政局-11月-初稿.xlsx=superseded",
                "财政局-11月.xlsx=accepted");
        JsonNode rejected = json.get("submissions").get(0);
        assertThat(rejected.get("reasons").size()).isEqualTo(2);
        assertThat(rejected.get("reasons").get(0).asString()).isEqualTo("SIGNATURE_MISSING: 审核人");
        assertThat(rejected.get("sha256").asString()).hasSize(64);
        assertThat(json.get("submissions").get(1).get("department").isNull()).isTrue();
        Map<String, String> states = new LinkedHashMap<>();
        json.get("departments").forEach(d -> states.put(d.get("department").asString(), d.get("submission").asString()));
        assertThat(states).containsExactly(Map.entry("县民政局", "accepted"), Map.entry("县财政局", "accepted"),
                Map.entry("县教育局", "returned"), Map.entry("县审计局", "missing"), Map.entry("县卫健局", "missing"));
        assertThat(json.get("submissionCounts").toString())
                .isEqualTo("{\"expected\":5,\"accepted\":2,\"onTime\":1,\"returned\":1,\"missing\":2}");
        for (JsonNode department : json.get("departments")) {
            Expected e = expected(department.get("department").asString());
            assertThat(department.get("tasks").asInt()).isEqualTo(e.tasks());
            assertThat(department.get("completed").asInt()).isEqualTo(e.completed());
            assertThat(department.get("inProgress").asInt()).isEqualTo(e.inProgress());
            assertThat(department.get("notStarted").asInt()).isEqualTo(e.notStarted());
            assertThat(department.get("ongoing").asInt()).isEqualTo(e.ongoing());
            assertThat(department.get("overdue").asInt()).isEqualTo(e.overdue());
            assertThat(department.get("completionRate").asDouble()).isCloseTo(e.rate(),
                    org.assertj.core.data.Offset.offset(0.0001));
        }
        Expected total = expectedTotal();
        JsonNode totals = json.get("totals");
        assertThat(totals.get("tasks").asInt()).isEqualTo(total.tasks());
        assertThat(totals.get("overdue").asInt()).isEqualTo(total.overdue());
        assertThat(totals.get("completionRate").asDouble()).isEqualTo(0.3);
        assertThat(json.get("missingSubmissions").toString()).isEqualTo("[{\"department\":\"县教育局\",\"submission\":"
                + "\"returned\",\"reason\":\"《教育局-11月.xlsx》被退回：缺少审核人签字\"},{\"department\":\"县审计局\","
                + "\"submission\":\"missing\",\"reason\":\"未收到报送文件\"},{\"department\":\"县卫健局\",\"submission\":"
                + "\"missing\",\"reason\":\"未收到报送文件\"}]");
        // summary.json keeps every finding with its code, the superseded draft's included
        assertThat(json.get("findings").size()).isEqualTo(4);
        assertThat(json.get("findings").get(0).get("rule").asString()).isEqualTo("OWNER_MISSING");
        JsonNode first = json.get("findings").get(1);
        assertThat(first.get("rule").asString()).isEqualTo("COMPLETED_WITHOUT_EVIDENCE");
        assertThat(first.get("severity").asString()).isEqualTo("warning");
        assertThat(first.get("row").asInt()).isEqualTo(5);
        assertThat(first.get("column").asString()).isEqualTo("佐证材料");
        assertThat(first.get("file").asString()).isEqualTo("财政局-11月.xlsx");
        assertThat(json.get("outputs").get("ledger").get("sha256").asString())
                .isEqualTo(SummaryJsonWriter.sha256(this.files.ledgerWorkbook()));
        String text = Files.readString(this.files.summaryJson());
        assertThat(text).contains("\"县民政局\"").contains("\n  \"month\"").doesNotContain("\\u");
    }

    @Test
    void writesTheSameBytesWhenRunAgain(@TempDir Path again) throws IOException {
        ReportFiles second = new MonthlyReports(this.fixture.jdbc).write(request(again));
        assertThat(second.ledgerWorkbook()).hasSameBinaryContentAs(this.files.ledgerWorkbook());
        assertThat(second.progressWorkbook()).hasSameBinaryContentAs(this.files.progressWorkbook());
        assertThat(second.summaryJson()).hasSameTextualContentAs(this.files.summaryJson());
    }

    @Test
    void replacesEarlierReportsInPlace(@TempDir Path again) throws IOException {
        Path stale = again.resolve("整改总台账.xlsx");
        Files.writeString(stale, "half a file");
        ReportFiles written = new MonthlyReports(this.fixture.jdbc).write(request(again));
        assertThat(written.ledgerWorkbook()).hasSameBinaryContentAs(this.files.ledgerWorkbook());
        try (Stream<Path> files = Files.list(again)) {
            assertThat(files).hasSize(3);
        }
    }

    @Test
    void keepsStylesCachedAndQuotesOnlyFormulaLikeText() {
        XSSFCellStyle plain = this.ledger.getSheet("整改总台账").getRow(2).getCell(5).getCellStyle();
        assertThat(plain.getQuotePrefixed()).isFalse();
        assertThat(plain.getWrapText()).isTrue();
    }

}
