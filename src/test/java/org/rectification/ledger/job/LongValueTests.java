package org.rectification.ledger.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.cli.LedgerCommand;
import org.rectification.ledger.sheet.CellText;
import org.rectification.ledger.system.Messages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectification.ledger.job.LongValueSheets.CELL;
import static org.rectification.ledger.job.LongValueSheets.text;

/**
 * Long values are data: a .xlsx and an .xls with a 32,767-character cell in every text column, a
 * 201-character 责任人 and sheet names of 300 and 255 characters go through the whole nightly run on H2 and on
 * PostgreSQL. The run completes, the rows are merged with their whole text, summary.json keeps it whole, and every
 * workbook cell stays within Excel's 32,767 characters, saying so where a text had to be cut.
 */
@Tag("process")
class LongValueTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path root;

    @Test
    void longValuesAreStoredWholeOnTheEmbeddedDatabase() throws Exception {
        runsLongValues(LedgerWorkspace.h2(this.root));
    }

    @Test
    void longValuesAreStoredWholeOnPostgres() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.postgresOrSkip(this.root);
        try {
            runsLongValues(workspace);
        }
        finally {
            workspace.dropPostgresSchema();
        }
    }

    @Test
    void controlCharactersInCellsAreStoredOnPostgres() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.postgresOrSkip(this.root);
        try {
            Files.createDirectories(workspace.inbox());
            LongValueSheets.controls(workspace.inbox().resolve("人社局-10月（控制字符）.xls"));

            assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).isZero();

            JdbcTemplate jdbc = workspace.jdbc();
            try {
                assertThat(jdbc.queryForObject("select outcome from submission", String.class)).isEqualTo("ACCEPTED");
                // found with this test: a NUL in an .xls cell failed the run on PostgreSQL ("invalid byte sequence for
                // encoding UTF8: 0x00") on every rerun; the reader drops NUL, every other character is kept
                String problem = jdbc.queryForObject("select distinct problem from task where problem like '问题控制字符%'",
                        String.class);
                assertThat(problem).startsWith("问题控制字符：字").endsWith("完").contains("\u0001字\u0002字")
                    .doesNotContain("\u0000");
            }
            finally {
                close(jdbc);
            }
            assertOpens(workspace.out().resolve("整改总台账.xlsx"));
        }
        finally {
            workspace.dropPostgresSchema();
        }
    }

    private static void assertOpens(Path workbookFile) throws Exception {
        longCells(workbookFile);
    }

    private void runsLongValues(LedgerWorkspace workspace) throws Exception {
        Files.createDirectories(workspace.inbox());
        LongValueSheets.writeBoth(workspace.inbox());

        assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).isZero();

        JdbcTemplate jdbc = workspace.jdbc();
        try {
            assertDatabase(workspace, jdbc);
        }
        finally {
            close(jdbc);
        }

        JsonNode summary = JsonMapper.builder().build().readTree(workspace.out().resolve("summary.json").toFile());
        List<String> values = new ArrayList<>();
        summary.path("findings").forEach((finding) -> values.add(finding.path("value").asString()));
        assertThat(values).as("summary.json keeps whole values").contains(text("deadline", "xlsx", CELL),
                text("deadline", "xls", CELL), text("status", "xlsx", CELL));

        String cut = Messages.get("system.cell-text.cut");
        for (String name : List.of("整改总台账.xlsx", "月度整改进展-2026-10.xlsx")) {
            Map<String, Cell> cells = longCells(workspace.out().resolve(name));
            assertThat(cells).as(name + " shows the whole problem text").containsKey(text("problem", "xlsx", CELL));
            assertThat(cells.get(text("problem", "xlsx", CELL)).getCellStyle().getWrapText()).as("wrapped").isTrue();
        }
        Map<String, Cell> progress = longCells(workspace.out().resolve("月度整改进展-2026-10.xlsx"));
        assertThat(progress.keySet()).as("the finding quoting a whole cell is cut, and says so")
            .anySatisfy((text) -> assertThat(text).hasSize(CellText.MAX_LENGTH).endsWith(cut)
                .contains("整改时限"));

        Path notice;
        try (Stream<Path> files = Files.walk(workspace.out().resolve("退回意见"))) {
            notice = files.filter((p) -> p.getFileName().toString().startsWith("住建局-10月（长内容）")).findFirst()
                .orElseThrow();
        }
        Map<String, Cell> noticeCells = longCells(notice);
        assertThat(noticeCells).as("the value seen, whole").containsKey(text("deadline", "xlsx", CELL));
        assertThat(noticeCells.keySet()).anySatisfy((text) -> assertThat(text).hasSize(CellText.MAX_LENGTH)
            .startsWith("【错误】第6行").endsWith(cut));
        assertThat(noticeCells).as("the department's own sheet is copied with its long cells")
            .containsKey(text("measure", "xlsx", CELL));
        try (XSSFWorkbook workbook = new XSSFWorkbook(notice.toFile())) {
            assertThat(workbook.getSheetName(1)).isEqualTo(LongValueSheets.XLSX_SHEET.substring(0, 31));
        }
    }

    private static void assertDatabase(LedgerWorkspace workspace, JdbcTemplate jdbc) throws Exception {
        assertThat(jdbc.queryForList("select file_name || '=' || outcome from submission order by file_name",
                String.class)).as(String.valueOf(jdbc.queryForList("select rule, substring(message, 1, 300) from finding"))).containsExactly(LongValueSheets.XLS + "=ACCEPTED", LongValueSheets.XLSX + "=ACCEPTED");
        assertThat(workspace.spreadsheetsUnder("inbox")).isEmpty();
        assertStoredWhole(jdbc, "xlsx", LongValueSheets.XLSX_SHEET);
        assertStoredWhole(jdbc, "xls", LongValueSheets.XLS_SHEET);
        assertThat(jdbc.queryForList("select sheets_read from submission order by file_name", String.class))
            .containsExactly(LongValueSheets.XLS_SHEET, LongValueSheets.XLSX_SHEET);
    }

    private static void assertStoredWhole(JdbcTemplate jdbc, String file, String sheet) {
        String code = text("code", file, CELL);
        Map<String, Object> task = jdbc.queryForMap("select * from task where task_code = ?", code);
        for (String column : List.of("seq", "category", "problem", "measure", "leader", "owner", "progress", "evidence",
                "remarks", "co")) {
            String name = column.equals("co") ? "co_departments" : column;
            assertThat((String) task.get(name)).as(file + " " + name).hasSize(CELL).isEqualTo(text(column, file, CELL));
        }
        assertThat(task.get("source_sheet")).isEqualTo(sheet);
        assertThat(jdbc.queryForObject("select count(*) from task_month tm join task t on t.id = tm.task_id where "
                + "t.task_code = ? and tm.problem = t.problem and tm.progress = t.progress", Integer.class, code))
            .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from task where owner = ? and source_sheet = ?", Integer.class,
                LongValueSheets.OWNER_201, sheet)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select value_seen from finding where rule = 'DEADLINE_UNPARSEABLE' and sheet = ?",
                String.class, sheet)).isEqualTo(text("deadline", file, CELL));
    }

    /** Every text cell of a workbook longer than 1,000 characters, by its text; fails on a cell over the limit. */
    private static Map<String, Cell> longCells(Path workbookFile) throws Exception {
        Map<String, Cell> cells = new java.util.HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(workbookFile.toFile())) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            String value = cell.getStringCellValue();
                            assertThat(value.length()).as(workbookFile.getFileName() + " " + cell.getAddress())
                                .isLessThanOrEqualTo(CellText.MAX_LENGTH);
                            if (value.length() > 1000) {
                                cells.put(value, cell);
                            }
                        }
                    }
                }
            }
        }
        return cells;
    }

    /** Closes the test's own connection: H2 keeps re-creating its lock file while one is open, and the folder would stay. */
    static void close(JdbcTemplate jdbc) {
        if (jdbc.getDataSource() instanceof SingleConnectionDataSource single) {
            single.destroy();
        }
    }

}
