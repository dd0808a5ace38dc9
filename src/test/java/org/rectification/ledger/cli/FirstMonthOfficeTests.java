package org.rectification.ledger.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rectification.ledger.job.RunParameters;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.roster.Roster;
import org.rectification.ledger.office.RosterLoader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new office's first month, from an empty ledger: a roster of five of which one does not report, two sheets
 * accepted, one returned, one department silent. Every place the figures appear says 应报送 4 = 已采纳 2 +
 * 已退回待重报 1 + 未报送 1. Timeliness follows arrival: one sheet the watcher saw early in the month, one copied in
 * today with its old modification time kept (cp --preserve=timestamps), which is late.
 */
class FirstMonthOfficeTests {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    private static final Path SAMPLES = Path.of("sample-sheets");

    @TempDir
    Path office;

    @Test
    void figuresAddUpInTheWorkbookSummaryAndStatus() throws Exception {
        Files.writeString(this.office.resolve("roster.csv"), """
                单位名称,别名,是否报送,联系人,联系邮箱
                县民政局,民政局,是,张三,mz@example.gov.cn
                县财政局,财政局,是,,
                县教育局,教育局,是,,
                县审计局,审计局,是,,
                县档案馆,档案馆,否,,
                """, StandardCharsets.UTF_8);
        Path job = this.office.resolve("job.yml");
        Files.writeString(job, """
                campaign:
                  name: 县委第三轮巡察
                  feedback-date: 2026-09-15
                roster: roster.csv
                folders: { inbox: inbox, archive: archive, rejected: rejected, out: out, work: work }
                checks:
                  required-signers: [填报人, 审核人, 单位负责人]
                intake: { settle-seconds: 0 }
                database: { url: ~ }
                """, StandardCharsets.UTF_8);
        JobFile jobFile = JobFileParser.parse(job);
        Roster roster = RosterLoader.load(jobFile.roster());
        Path inbox = jobFile.folders().inbox();
        Files.createDirectories(inbox);
        // seen by the folder watcher on the 5th: on time
        Path minzheng = copy("2026-10/民政局-10月整改任务分解表.xlsx", inbox);
        Instant fifth = at(MONTH.atDay(5).atTime(9, 0));
        // copied today keeping the department's timestamp of the 3rd: it arrived today, after the due day
        Path caizheng = copy("2026-10/财政局-10月整改任务分解表.xlsx", inbox);
        Files.setLastModifiedTime(caizheng, FileTime.from(at(MONTH.atDay(3).atTime(8, 0))));
        // no reviewer's signature: returned
        copy("2026-11/审计局-11月整改任务分解表.xls", inbox);

        StringWriter console = new StringWriter();
        int code = RunCommand.runOnce(jobFile, roster, new RunParameters(MONTH, MONTH.atEndOfMonth(), inbox, 1),
                Map.of(minzheng, fifth), new PrintWriter(console), new PrintWriter(new StringWriter()));

        assertThat(code).isZero();
        assertThat(console.toString()).contains("应报送单位 4 个：已采纳 2，已退回待重报 1，未报送 1（未采纳：县教育局、县审计局）");

        JsonNode summary = JsonMapper.builder().build().readTree(jobFile.folders().out().resolve("summary.json").toFile());
        assertThat(summary.path("submissionCounts").toString())
            .isEqualTo("{\"expected\":4,\"accepted\":2,\"onTime\":1,\"returned\":1,\"missing\":1}");
        Map<String, String> states = new LinkedHashMap<>();
        summary.path("departments").forEach((d) -> states.put(d.path("department").asString(),
                d.path("submission").asString() + (d.has("onTime") ? "/" + d.path("onTime").asBoolean() : "")));
        assertThat(states).containsExactly(Map.entry("县民政局", "accepted/true"), Map.entry("县财政局", "accepted/false"),
                Map.entry("县教育局", "missing"), Map.entry("县审计局", "returned"), Map.entry("县档案馆", "not-expected"));
        assertThat(summary.path("missingSubmissions").toString()).isEqualTo("[{\"department\":\"县教育局\",\"submission\":"
                + "\"missing\",\"reason\":\"未收到报送文件\"},{\"department\":\"县审计局\",\"submission\":\"returned\","
                + "\"reason\":\"《审计局-11月整改任务分解表.xls》被退回：“审核人”处未签名或签章\"}]");

        try (InputStream in = Files.newInputStream(jobFile.folders().out().resolve("月度整改进展-2026-10.xlsx"));
                XSSFWorkbook progress = new XSSFWorkbook(in)) {
            Map<String, Object> overview = new LinkedHashMap<>();
            rows(progress.getSheet("总体情况")).forEach((r) -> overview.put((String) r.get(0), r.get(1)));
            assertThat(overview).containsEntry("应报送单位", 4.0).containsEntry("已采纳单位", 2.0)
                .containsEntry("其中：按时报送", 1.0).containsEntry("已退回待重报单位", 1.0)
                .containsEntry("未报送单位（未收到文件）", 1.0).containsEntry("收到文件", 3.0);
            Map<String, Object> byDepartment = new LinkedHashMap<>();
            rows(progress.getSheet("分单位统计")).forEach((r) -> byDepartment.put((String) r.get(0), r.get(12)));
            assertThat(byDepartment).containsEntry("县民政局", "按时报送").containsEntry("县财政局", "逾期报送")
                .containsEntry("县教育局", "未报送").containsEntry("县审计局", "已退回待重报").containsEntry("县档案馆", "无需报送");
            List<List<Object>> missing = rows(progress.getSheet("未报送单位"));
            assertThat(missing.stream().map((r) -> List.of(r.get(1), r.get(3), r.get(4))).toList()).containsExactly(
                    List.of("县教育局", "未报送", "未收到报送文件"),
                    List.of("县审计局", "已退回待重报", "《审计局-11月整改任务分解表.xls》被退回：“审核人”处未签名或签章"));
        }

        CommandOutput status = CommandOutput.of("status", "--job", job.toString(), "--month", MONTH.toString());
        assertThat(status.exitCode()).isZero();
        assertThat(status.text()).contains("2026-10 应报送单位 4 个：已采纳 2，已退回待重报 1，未报送 1")
            .contains("  县教育局：未报送（未收到报送文件）")
            .contains("  县审计局：已退回待重报（《审计局-11月整改任务分解表.xls》被退回：“审核人”处未签名或签章）");
        // status opened the ledger a second time: H2 traced no "table already exists" (the only other entry seen
        // here is an internal assertion of H2's compaction on close, which fires only with -ea, as under surefire)
        Path trace = jobFile.folders().work().resolve("ledger.trace.db");
        assertThat(Files.exists(trace) ? readQuietly(trace) : "").doesNotContain("already exists");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        }
        catch (java.io.IOException ex) {
            return ex.toString();
        }
    }

    private static Path copy(String sample, Path inbox) throws Exception {
        Path source = SAMPLES.resolve(sample);
        return Files.copy(source, inbox.resolve(source.getFileName().toString()));
    }

    private static Instant at(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant();
    }

    private static List<List<Object>> rows(XSSFSheet sheet) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 2; sheet.getRow(r) != null; r++) { // the table ends at the blank row above its legend
            Row row = sheet.getRow(r);
            List<Object> values = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                values.add((cell == null || cell.getCellType() == CellType.BLANK) ? null
                        : (cell.getCellType() == CellType.NUMERIC) ? (Object) cell.getNumericCellValue()
                                : cell.getStringCellValue());
            }
            rows.add(values);
        }
        return rows;
    }

}
