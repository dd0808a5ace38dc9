package org.rectification.ledger.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rectification report for the fixture's November, checked against the progress workbook written from the same
 * ledger: its facts must be the workbook's figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RectificationReportTests {

    private Path report;

    private XWPFDocument document;

    private XSSFWorkbook progress;

    private String text;

    @BeforeAll
    void writeTheWorkbookAndTheReport(@TempDir Path out) throws IOException {
        LedgerFixture fixture = new LedgerFixture().standard().insert();
        MonthlyReports reports = new MonthlyReports(fixture.jdbc);
        ReportRequest request = MonthlyReportsTests.request(out);
        this.progress = MonthlyReportsTests.open(reports.write(request).progressWorkbook());
        this.report = reports.writeRectificationReport(request);
        try (InputStream in = Files.newInputStream(this.report)) {
            this.document = new XWPFDocument(in);
        }
        StringBuilder all = new StringBuilder();
        this.document.getParagraphs().forEach((p) -> all.append(p.getText()).append('\n'));
        this.text = all.toString();
    }

    private Map<String, Object> overview() {
        Map<String, Object> overview = new LinkedHashMap<>();
        MonthlyReportsTests.rows(this.progress.getSheet("总体情况")).forEach((r) -> overview.put((String) r.get(0), r.get(1)));
        return overview;
    }

    private static String count(Object value) {
        return String.valueOf(((Double) value).intValue());
    }

    @Test
    void isNamedForTheMonthInTheOutFolder() {
        assertThat(this.report.getFileName().toString()).isEqualTo("整改情况报告-2026-11.docx");
    }

    @Test
    void statesTheProgressWorkbooksFiguresForTheMonth() {
        Map<String, Object> figures = overview();
        assertThat(this.text).contains("共反馈问题" + count(figures.get("问题总数")) + "个")
            .contains("细化为整改任务" + count(figures.get("任务总数")) + "项")
            .contains("已完成" + count(figures.get("已完成")) + "项")
            .contains(String.format(java.util.Locale.ROOT, "整改完成率%.1f%%", (Double) figures.get("完成率") * 100))
            .contains("正在整改" + count(figures.get("正在整改")) + "项")
            .contains("逾期未完成" + count(figures.get("逾期任务")) + "项")
            .contains("本月完成销号" + count(figures.get("本月销号")) + "项")
            .contains("本月应报送单位" + count(figures.get("应报送单位")) + "个")
            .contains("已采纳" + count(figures.get("已采纳单位")) + "个")
            .contains("其中按时报送" + count(figures.get("其中：按时报送")) + "个")
            .contains("已退回待重报" + count(figures.get("已退回待重报单位")) + "个")
            .contains("未收到报送" + count(figures.get("未报送单位（未收到文件）")) + "个")
            .contains("截至2026年12月5日");
    }

    @Test
    void comparesWithLastMonth() {
        XWPFTable figures = this.document.getTables().get(0);
        assertThat(cells(figures.getRow(0))).containsExactly("指标", "本月", "上月", "较上月变化");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (XWPFTableRow row : figures.getRows().subList(1, figures.getRows().size())) {
            rows.put(row.getCell(0).getText(), cells(row));
        }
        List<String> tasks = rows.get("任务总数");
        assertThat(tasks.get(1)).isEqualTo(count(overview().get("任务总数")));
        int change = Integer.parseInt(tasks.get(1)) - Integer.parseInt(tasks.get(2));
        assertThat(tasks.get(3)).isEqualTo((change == 0) ? "持平" : (change > 0 ? "增加" + change + "项" : "减少" + -change + "项"));
        assertThat(rows).containsKeys("已完成", "逾期任务", "完成率", "本月销号");
    }

    @Test
    void hasTheFourHeadingsInOrder() {
        List<String> headings = List.of("一、总体情况", "二、整改进展", "三、存在问题", "四、下一步工作");
        int at = -1;
        for (String heading : headings) {
            int found = this.text.indexOf(heading + "\n");
            assertThat(found).as(heading).isGreaterThan(at);
            at = found;
        }
    }

    @Test
    void listsEveryRosterDepartmentWithTheWorkbooksFigures() {
        XWPFTable departments = this.document.getTables().get(1);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (XWPFTableRow row : departments.getRows().subList(1, departments.getRows().size())) {
            rows.put(row.getCell(0).getText(), cells(row));
        }
        List<String> expected = new ArrayList<>(LedgerFixture.ROSTER);
        expected.add("合计");
        assertThat(rows.keySet()).containsExactlyElementsOf(expected);
        for (List<Object> line : MonthlyReportsTests.rows(this.progress.getSheet("分单位统计"))) {
            List<String> row = rows.get((String) line.get(0));
            assertThat(row.get(1)).as("tasks of " + line.get(0)).isEqualTo(count(line.get(2)));
            assertThat(row.get(2)).as("completed of " + line.get(0)).isEqualTo(count(line.get(3)));
            assertThat(row.get(6)).as("overdue of " + line.get(0)).isEqualTo(count(line.get(7)));
            if (line.get(12) != null) {
                assertThat(row.get(8)).isEqualTo(line.get(12));
            }
        }
    }

    @Test
    void listsOverdueAndClosedTasksAndTheDepartmentsThatDidNotSubmit() {
        int overdue = MonthlyReportsTests.rows(this.progress.getSheet("逾期任务")).size();
        int closed = MonthlyReportsTests.rows(this.progress.getSheet("本月销号")).size();
        List<XWPFTable> tables = this.document.getTables();
        assertThat(tables.stream().filter((t) -> t.getRow(0).getCell(3).getText().equals("整改措施")
                && t.getRow(0).getTableCells().size() == 7).findFirst().orElseThrow().getRows()).hasSize(overdue + 1);
        assertThat(tables.stream().filter((t) -> t.getRow(0).getTableCells().size() == 5).findFirst().orElseThrow()
            .getRows()).hasSize(closed + 1);
        for (List<Object> missing : MonthlyReportsTests.rows(this.progress.getSheet("未报送单位"))) {
            assertThat(this.text).contains(missing.get(1) + "（" + missing.get(3) + "）");
        }
    }

    @Test
    void leavesTheNarrativeAsHighlightedPlaceholders() {
        List<XWPFRun> placeholders = new ArrayList<>();
        for (XWPFParagraph paragraph : this.document.getParagraphs()) {
            for (XWPFRun run : paragraph.getRuns()) {
                String text = run.text();
                if (text.contains("【待填写")) {
                    placeholders.add(run);
                    assertThat(run.isHighlighted()).as(text).isTrue();
                }
                else {
                    assertThat(run.isHighlighted()).as(text).isFalse();
                }
            }
        }
        // addressee, overall, one per department with tasks, problems, next steps, signer and date
        assertThat(placeholders).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void isSetOnA4InGovernmentDocumentFontsWithFallbacksAndPageNumbers() throws Exception {
        var section = this.document.getDocument().getBody().getSectPr();
        assertThat(section.getPgSz().getW().toString()).isEqualTo("11906");
        assertThat(section.getPgSz().getH().toString()).isEqualTo("16838");
        XWPFParagraph title = this.document.getParagraphs().get(0);
        assertThat(eastAsia(title.getRuns().get(0))).isEqualTo("方正小标宋简体");
        XWPFParagraph heading = this.document.getParagraphs().stream()
            .filter((p) -> p.getText().equals("一、总体情况")).findFirst().orElseThrow();
        assertThat(eastAsia(heading.getRuns().get(0))).isEqualTo("黑体");
        XWPFParagraph body = this.document.getParagraphs().stream().filter((p) -> p.getText().startsWith("本轮巡察"))
            .findFirst().orElseThrow();
        assertThat(eastAsia(body.getRuns().get(0))).isEqualTo("仿宋_GB2312");
        assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);

        PackagePart fonts = this.document.getPackage()
            .getPart(PackagingURIHelper.createPartName("/word/fontTable.xml"));
        String table = new String(fonts.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(table).contains("<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>")
            .contains("<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/>");

        assertThat(this.document.getFooterList()).hasSize(1);
        assertThat(this.document.getFooterList().get(0)._getHdrFtr().xmlText()).contains("PAGE");
    }

    private static String eastAsia(XWPFRun run) {
        return run.getCTR().getRPr().getRFontsArray(0).getEastAsia();
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map((c) -> c.getText()).toList();
    }

}
