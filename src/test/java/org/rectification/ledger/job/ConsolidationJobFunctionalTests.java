package org.rectification.ledger.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.cli.LedgerCommand;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole nightly job on the sample county (sample-sheets/, see its MANIFEST.md) for October and
 * November, on the embedded H2 database and on the local PostgreSQL, and asserts the exact ledger,
 * findings, folders and outputs.
 */
class ConsolidationJobFunctionalTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @TempDir
    Path root;

    @Test
    void runsTheSampleCountyOnTheEmbeddedDatabase() throws Exception {
        runsTheSampleCounty(LedgerWorkspace.h2(this.root));
    }

    @Test
    void runsTheSampleCountyOnPostgres() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.postgresOrSkip(this.root);
        try {
            runsTheSampleCounty(workspace);
        }
        finally {
            workspace.dropPostgresSchema();
        }
    }

    private void runsTheSampleCounty(LedgerWorkspace workspace) throws Exception {
        try {
            runsBothMonths(workspace);
        }
        finally {
            workspace.closeConnections();
        }
    }

    private void runsBothMonths(LedgerWorkspace workspace) throws Exception {
        workspace.drop(OCTOBER);
        assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).isZero();
        JdbcTemplate jdbc = workspace.jdbc();
        assertOctober(jdbc, workspace);

        workspace.drop(NOVEMBER);
        assertThat(LedgerCommand.execute(workspace.runArguments(NOVEMBER))).isZero();
        assertNovember(jdbc, workspace);

        // Rerunning the month with nothing new changes nothing.
        List<String> tasksBefore = tasks(jdbc);
        assertThat(LedgerCommand.execute(workspace.runArguments(NOVEMBER))).isZero();
        assertThat(tasks(jdbc)).containsExactlyElementsOf(tasksBefore);
        assertThat(count(jdbc, "select count(*) from task_month")).isEqualTo(54 + 46);

        // The same bytes dropped again are recorded as a duplicate and not processed.
        Path again = workspace.inbox().resolve("民政局-11月（再次报送）.xlsx");
        Files.copy(LedgerWorkspace.SAMPLES.resolve("2026-11/民政局-11月整改任务分解表.xlsx"), again);
        Files.setLastModifiedTime(again, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertThat(LedgerCommand.execute(workspace.runArguments(NOVEMBER))).isZero();
        assertThat(jdbc.queryForObject("select outcome from submission where file_name = ?", String.class,
                "民政局-11月（再次报送）.xlsx")).isEqualTo("DUPLICATE");
        assertThat(tasks(jdbc)).containsExactlyElementsOf(tasksBefore);
        assertThat(workspace.root.resolve("archive/2026-11/民政局-11月（再次报送）.xlsx")).exists();
    }

    private void assertOctober(JdbcTemplate jdbc, LedgerWorkspace workspace) throws IOException {
        assertThat(outcomes(jdbc, "2026-10")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("人社局-10月整改任务分解表.xls", "ACCEPTED"), Map.entry("住建局-10月整改任务分解表.xlsx", "ACCEPTED"),
                Map.entry("农业农村局-10月整改任务分解表.xlsx", "ACCEPTED"), Map.entry("卫健局-10月整改任务分解表.xlsx", "ACCEPTED"),
                Map.entry("审计局-10月整改任务分解表.xls", "ACCEPTED"), Map.entry("市场监管局-10月整改任务分解表.xlsx", "ACCEPTED"),
                Map.entry("教育局-10月整改任务分解表.xls", "ACCEPTED"), Map.entry("档案馆-10月整改任务分解表.xls", "REJECTED"),
                Map.entry("民政局-10月整改任务分解表.xlsx", "ACCEPTED"), Map.entry("自然资源局-10月整改任务分解表.xlsx", "ACCEPTED"),
                Map.entry("财政局-10月整改任务分解表.xlsx", "ACCEPTED")));
        assertThat(count(jdbc, "select count(*) from task")).isEqualTo(54);
        assertThat(findings(jdbc, "2026-10")).containsExactlyInAnyOrder(
                "人社局-10月整改任务分解表.xls|6|COMPLETED_WITHOUT_PROGRESS",
                "农业农村局-10月整改任务分解表.xlsx|5|DEADLINE_UNPARSEABLE",
                "卫健局-10月整改任务分解表.xlsx|5|DEADLINE_UNPARSEABLE",
                "市场监管局-10月整改任务分解表.xlsx|3|DEADLINE_BEFORE_FEEDBACK",
                "市场监管局-10月整改任务分解表.xlsx|5|DEADLINE_BEFORE_FEEDBACK",
                "档案馆-10月整改任务分解表.xls|-|UNKNOWN_DEPARTMENT",
                "自然资源局-10月整改任务分解表.xlsx|8|STATUS_MISSING");
        assertThat(jdbc.queryForObject("select tm.deadline_text from task_month tm join task t on t.id = tm.task_id "
                + "where t.task_code = 'ZJ-03-1'", String.class)).isEqualTo("立行立改");
        assertThat(jdbc.queryForObject("select cast(deadline as varchar(10)) from task where task_code = 'ZJ-03-1'",
                String.class)).as("立行立改 = feedback date + 30 days").isEqualTo("2026-10-15");
        assertThat(listing(workspace.root.resolve("rejected"))).containsExactly("档案馆-10月整改任务分解表-退回意见.xlsx",
                "档案馆-10月整改任务分解表.xls");
        assertThat(listing(workspace.root.resolve("archive/2026-10"))).hasSize(10);
        assertThat(listing(workspace.inbox())).isEmpty();
        assertThat(workspace.out().resolve("月度整改进展-2026-10.xlsx")).exists();
    }

    private void assertNovember(JdbcTemplate jdbc, LedgerWorkspace workspace) throws Exception {
        assertThat(outcomes(jdbc, "2026-11")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("人社局-11月整改任务分解表.xls", "ACCEPTED"), Map.entry("住建局-11月整改任务分解表.xlsx", "ACCEPTED"),
                Map.entry("卫健局-11月整改任务分解表.xlsx", "ACCEPTED"), Map.entry("审计局-11月整改任务分解表.xls", "REJECTED"),
                Map.entry("市场监管局-11月整改任务分解表.xlsx", "ACCEPTED"), Map.entry("损坏文件.xlsx", "REJECTED"),
                Map.entry("教育局-11月整改任务分解表.xls", "ACCEPTED"), Map.entry("整改情况说明.xls", "REJECTED"),
                Map.entry("民政局-11月整改任务分解表.xlsx", "ACCEPTED"), Map.entry("自然资源局-11月.xlsx", "ACCEPTED"),
                Map.entry("自然资源局-11月（重复）.xlsx", "DUPLICATE"), Map.entry("财政局-11月.xlsx", "SUPERSEDED"),
                Map.entry("财政局-11月（修改版）.xlsx", "ACCEPTED")));
        assertThat(findings(jdbc, "2026-11")).containsExactlyInAnyOrder(
                "人社局-11月整改任务分解表.xls|4|COMPLETED_WITHOUT_EVIDENCE",
                "住建局-11月整改任务分解表.xlsx|5|DEADLINE_POSTPONED", "住建局-11月整改任务分解表.xlsx|6|OWNER_MISSING",
                "卫健局-11月整改任务分解表.xlsx|3|STATUS_REGRESSED", "审计局-11月整改任务分解表.xls|11|SIGNATURE_MISSING",
                "损坏文件.xlsx|-|UNREADABLE", "教育局-11月整改任务分解表.xls|-|TASK_DROPPED",
                "整改情况说明.xls|-|NOT_A_SPREADSHEET", "财政局-11月.xlsx|7|TASK_CODE_DUPLICATE",
                "财政局-11月.xlsx|8|TASK_CODE_DUPLICATE");
        // 54 from October, plus 卫健局's 约谈 task, SJ-01-1 and SJ-01-3 (deadlines corrected) and CZ-03-2.
        assertThat(count(jdbc, "select count(*) from task")).isEqualTo(58);
        assertThat(count(jdbc, "select count(*) from task_month where report_month = '2026-11'")).isEqualTo(46);
        assertThat(byStatus(jdbc)).containsExactlyInAnyOrderEntriesOf(
                Map.of("COMPLETED", 21, "IN_PROGRESS", 25, "NOT_STARTED", 7, "ONGOING", 5));
        // Row errors keep the previous state: ZJ-02-1's owner stays as October had it.
        assertThat(jdbc.queryForObject("select owner from task where task_code = 'ZJ-02-1'", String.class))
            .isEqualTo("方强");
        assertThat(jdbc.queryForObject("select last_month from task where task_code = 'ZJ-02-1'", String.class))
            .isEqualTo("2026-10");
        // The superseded file's rows are replaced by its correction's.
        assertThat(jdbc.queryForList("select task_code from task where department = '县财政局' order by task_code",
                String.class)).containsExactly("CZ-01-1", "CZ-01-2", "CZ-02-1", "CZ-02-2", "CZ-03-1", "CZ-03-2");
        assertThat(jdbc.queryForObject("select completed_month from task where task_code = 'CZ-01-1'", String.class))
            .isEqualTo("2026-11");
        // What 县民政局 reported for MZ-01-2 in October stays answerable.
        assertThat(jdbc.queryForObject("select tm.status from task_month tm join task t on t.id = tm.task_id where "
                + "t.task_code = 'MZ-01-2' and tm.report_month = '2026-10'", String.class)).isEqualTo("IN_PROGRESS");

        JsonNode summary = JsonMapper.builder().build().readTree(workspace.out().resolve("summary.json").toFile());
        assertThat(summary.path("month").asString()).isEqualTo("2026-11");
        assertThat(summary.path("asOf").asString()).isEqualTo("2026-11-30");
        JsonNode totals = summary.path("totals");
        assertThat(totals.path("tasks").asInt()).isEqualTo(58);
        assertThat(totals.path("completed").asInt()).isEqualTo(21);
        assertThat(totals.path("overdue").asInt()).isEqualTo(1);
        // 应报送 10 = 已采纳 8 + 已退回待重报 1 (县审计局) + 未报送 1 (县农业农村局)
        // (on time or not follows when the copies appeared in the inbox: today, not the month's 5th)
        JsonNode counts = summary.path("submissionCounts");
        assertThat(List.of(counts.path("expected").asInt(), counts.path("accepted").asInt(),
                counts.path("returned").asInt(), counts.path("missing").asInt())).containsExactly(10, 8, 1, 1);
        assertThat(summary.path("missingSubmissions").toString()).isEqualTo("[{\"department\":\"县农业农村局\","
                + "\"submission\":\"missing\",\"reason\":\"未收到报送文件\"},{\"department\":\"县审计局\",\"submission\":"
                + "\"returned\",\"reason\":\"《审计局-11月整改任务分解表.xls》被退回：“审核人”处未签名或签章\"}]");
        assertThat(summary.path("findings").size()).isEqualTo(10);
        assertThat(summary.path("submissions").size()).isEqualTo(13);
        Map<String, JsonNode> byFile = new java.util.HashMap<>();
        summary.path("submissions").forEach((node) -> byFile.put(node.path("file").asString(), node));
        JsonNode minzheng = byFile.get("民政局-11月整改任务分解表.xlsx");
        assertThat(minzheng.path("sheetsRead").toString()).isEqualTo("[\"整改任务分解表\"]");
        assertThat(minzheng.path("sheetsSkipped").toString())
            .as("which sheets were not read, and why").isEqualTo("[\"填表说明（填表说明，未读取）\",\"下拉选项（隐藏工作表，未读取）\"]");
        assertThat(byFile.get("财政局-11月（修改版）.xlsx").path("extraColumns").toString())
            .as("an unknown column is kept and reported").isEqualTo("[\"Sheet1!L：督办科室\"]");
        assertThat(byFile.get("财政局-11月（修改版）.xlsx").path("rowsMerged").asInt()).isEqualTo(6);
        // the file it superseded merged nothing that stands: its rows were replaced
        assertThat(byFile.get("财政局-11月.xlsx").path("rowsMerged").asInt()).isZero();
        assertThat(byFile.get("财政局-11月.xlsx").path("rowsReplaced").asInt()).isEqualTo(4);

        assertThat(listing(workspace.root.resolve("rejected"))).containsExactly("审计局-11月整改任务分解表-退回意见.xlsx",
                "审计局-11月整改任务分解表.xls", "损坏文件-退回意见.xlsx", "损坏文件.xlsx", "整改情况说明-退回意见.xlsx",
                "整改情况说明.xls", "档案馆-10月整改任务分解表-退回意见.xlsx", "档案馆-10月整改任务分解表.xls");
        assertThat(listing(workspace.root.resolve("archive/2026-11"))).hasSize(10);
        assertThat(listing(workspace.inbox())).isEmpty();
        assertThat(listing(workspace.out())).contains("summary.json", "整改总台账.xlsx", "月度整改进展-2026-10.xlsx",
                "月度整改进展-2026-11.xlsx");
        assertThat(workspace.out().resolve("退回意见/2026-11/县住房和城乡建设局/住建局-11月整改任务分解表-退回意见.xlsx"))
            .exists();
        try (Stream<Path> all = Files.walk(workspace.root)) {
            assertThat(all.map(Path::toString).filter((p) -> p.endsWith(".tmp"))).as("no half-written file").isEmpty();
        }
        assertNotices(workspace);
    }

    /** The return notices of the broken November sheets say exactly what is wrong, on the department's own sheet. */
    private void assertNotices(LedgerWorkspace workspace) throws Exception {
        try (XSSFWorkbook notice = new XSSFWorkbook(
                workspace.root.resolve("rejected/审计局-11月整改任务分解表-退回意见.xlsx").toFile())) {
            Sheet findings = notice.getSheetAt(0);
            assertThat(findings.getSheetName()).isEqualTo("退回意见");
            assertThat(text(findings.getRow(1).getCell(0))).isEqualTo("处理结果：退回（整改后重新报送）");
            assertThat(findingRows(findings)).containsExactly("整改任务分解表|11|“审核人”处未签名或签章");
            XSSFSheet own = notice.getSheet("整改任务分解表");
            assertThat(own).as("the department's own sheet").isNotNull();
            assertThat(own.getCellComments()).hasSize(1);
        }
        try (XSSFWorkbook notice = new XSSFWorkbook(workspace.out()
            .resolve("退回意见/2026-11/县住房和城乡建设局/住建局-11月整改任务分解表-退回意见.xlsx")
            .toFile())) {
            Sheet findings = notice.getSheetAt(0);
            assertThat(text(findings.getRow(1).getCell(0))).isEqualTo("处理结果：已接收，请核实修正以下问题");
            // the column as the department wrote it (责 任 人), the value seen (待定)
            assertThat(findingRows(findings)).containsExactly("住建局|5|第5行整改时限由2026年12月31日推迟至2027年3月31日，备注中未说明原因",
                    "住建局|6|第6行“责 任 人”填写为“待定”，视同未填写");
            XSSFSheet own = notice.getSheetAt(1);
            assertThat(own.getCellComments().values()).extracting((comment) -> comment.getString().getString())
                .anyMatch((comment) -> comment.contains("待定"));
        }
    }

    /** 工作表|行|问题 for every finding listed under the header row of a notice's first sheet. */
    private static List<String> findingRows(Sheet findings) {
        List<String> rows = new java.util.ArrayList<>();
        int header = -1;
        for (Row row : findings) {
            if (header < 0 && "序号".equals(text(row.getCell(0)))) {
                header = row.getRowNum();
                continue;
            }
            if (header >= 0 && !text(row.getCell(0)).isEmpty()) {
                String problem = text(row.getCell(4)).replaceFirst("^【[^】]*】", "");
                rows.add(text(row.getCell(1)) + "|" + text(row.getCell(2)) + "|" + problem);
            }
        }
        return rows;
    }

    private static String text(Cell cell) {
        return (cell == null) ? "" : new DataFormatter().formatCellValue(cell);
    }

    private static Map<String, String> outcomes(JdbcTemplate jdbc, String month) {
        Map<String, String> outcomes = new java.util.HashMap<>();
        jdbc.query("select file_name, outcome from submission where report_month = ?",
                (java.sql.ResultSet rs) -> {
                    outcomes.put(rs.getString(1), rs.getString(2));
                }, month);
        return outcomes;
    }

    private static List<String> findings(JdbcTemplate jdbc, String month) {
        return jdbc.queryForList("select concat(file_name, '|', coalesce(cast(row_no as varchar(10)), '-'), '|', rule) "
                + "from finding where report_month = ?", String.class, month);
    }

    private static Map<String, Integer> byStatus(JdbcTemplate jdbc) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.query("select status, count(*) from task group by status", (java.sql.ResultSet rs) -> {
            counts.put(rs.getString(1), rs.getInt(2));
        });
        return counts;
    }

    private static List<String> tasks(JdbcTemplate jdbc) {
        return jdbc.queryForList("select concat_ws('|', task_key, status, last_month, completed_month) as t from task "
                + "order by t", String.class);
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static List<String> listing(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map((p) -> p.getFileName().toString()).sorted().toList();
        }
    }

}
