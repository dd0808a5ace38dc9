package org.rectification.ledger.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.YearMonth;
import java.time.ZoneId;
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
import org.rectification.ledger.check.ReturnNoticeWriter;
import org.rectification.ledger.cli.LedgerCommand;
import org.rectification.ledger.sheet.CellText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One nightly run over the {@link FuzzCorpus} (seeded, so every run sees the same files) and the sample county's
 * October sheets: the run completes, every file leaves the inbox, archived or set aside in rejected/ with a reason
 * a clerk can read and its notice, and the good sheets are merged exactly as without the corpus. The corpus
 * arrives before the good sheets, so a mutated sheet that still reads is superseded by its department's real one.
 */
@Tag("process")
class FuzzCorpusTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static final long SEED = 20261013L;

    @TempDir
    Path root;

    @Test
    void oneNightOverTheFuzzCorpusCompletesAndSetsEveryFileAsideWithItsReason() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.root);
        Files.createDirectories(workspace.inbox());
        List<Path> corpus = FuzzCorpus.write(workspace.inbox(), SEED);
        FileTime early = FileTime.from(OCTOBER.atDay(1).atTime(8, 0).atZone(ZoneId.systemDefault()).toInstant());
        for (Path file : corpus) {
            Files.setLastModifiedTime(file, early);
        }
        workspace.drop(OCTOBER);

        assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).isZero();

        try (Stream<Path> left = Files.list(workspace.inbox())) {
            assertThat(left.map((p) -> p.getFileName().toString())).as("nothing left in the inbox").isEmpty();
        }
        JdbcTemplate jdbc = workspace.jdbc();
        try {
            assertEveryFileSetAside(workspace, corpus, jdbc);
        }
        finally {
            close(jdbc);
        }
        assertOpens(workspace.out().resolve("整改总台账.xlsx"));
        assertOpens(workspace.out().resolve("月度整改进展-2026-10.xlsx"));
        try (Stream<Path> notices = Files.walk(workspace.root)) {
            for (Path notice : notices.filter((p) -> p.getFileName().toString().endsWith("-退回意见.xlsx")).toList()) {
                assertOpens(notice);
            }
        }
    }

    private static void assertEveryFileSetAside(LedgerWorkspace workspace, List<Path> corpus, JdbcTemplate jdbc) {
        // what the corpus came to, for the test's output: each file's outcome and its errors
        jdbc.queryForList("select s.file_name, s.outcome, f.rule, substring(f.message, 1, 120) message from submission s "
                + "left join finding f on f.submission_id = s.id and f.severity = 'error' where s.file_name like '模糊-%' "
                + "order by s.file_name, f.id").forEach(System.out::println);
        for (Path file : corpus) {
            String name = file.getFileName().toString();
            Map<String, Object> submission = jdbc.queryForMap("select id, outcome, reasons from submission where "
                    + "file_name = ?", name);
            String outcome = (String) submission.get("outcome");
            if ("REJECTED".equals(outcome)) {
                assertThat((String) submission.get("reasons")).as(name + ": its reason code").isNotBlank();
                List<String> messages = jdbc.queryForList("select message from finding where submission_id = ? and "
                        + "severity = 'error'", String.class, submission.get("id"));
                assertThat(messages).as(name + ": a reason a clerk can read").isNotEmpty()
                    .allSatisfy((message) -> assertThat(message).containsPattern("\\p{IsHan}")
                        .doesNotContain("Exception").doesNotContain("java.").doesNotContain("Cannot invoke"));
                assertThat(workspace.root.resolve("rejected").resolve(name)).as(name).exists();
                assertThat(workspace.root.resolve("rejected").resolve(ReturnNoticeWriter.noticeFileName(name)))
                    .as(name + ": its notice").exists();
            }
            else {
                assertThat(outcome).as(name).isIn("ACCEPTED", "SUPERSEDED", "DUPLICATE");
                assertThat(workspace.root.resolve("archive/2026-10").resolve(name)).as(name).exists();
            }
        }
        assertThat(jdbc.queryForList("select file_name || '=' || outcome from submission where file_name not like "
                + "'模糊-%' order by file_name", String.class)).as("the good sheets, as without the corpus")
            .containsExactlyInAnyOrder("人社局-10月整改任务分解表.xls=ACCEPTED", "住建局-10月整改任务分解表.xlsx=ACCEPTED",
                    "农业农村局-10月整改任务分解表.xlsx=ACCEPTED", "卫健局-10月整改任务分解表.xlsx=ACCEPTED",
                    "审计局-10月整改任务分解表.xls=ACCEPTED", "市场监管局-10月整改任务分解表.xlsx=ACCEPTED",
                    "教育局-10月整改任务分解表.xls=ACCEPTED", "档案馆-10月整改任务分解表.xls=REJECTED",
                    "民政局-10月整改任务分解表.xlsx=ACCEPTED", "自然资源局-10月整改任务分解表.xlsx=ACCEPTED",
                    "财政局-10月整改任务分解表.xlsx=ACCEPTED");
        assertThat(jdbc.queryForObject("select count(*) from task", Integer.class)).as("the sample's 54 tasks")
            .isEqualTo(54);
        assertThat(jdbc.queryForObject("select count(*) from task_month tm join submission s on s.id = tm.submission_id "
                + "where s.file_name like '模糊-%'", Integer.class)).as("nothing of the corpus stays merged").isZero();

    }

    /** Opens with POI, and no text cell passes a cell's 32,767 characters. */
    private static void assertOpens(Path workbookFile) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(workbookFile.toFile())) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            assertThat(cell.getStringCellValue().length()).as(workbookFile.getFileName() + " "
                                    + cell.getAddress()).isLessThanOrEqualTo(CellText.MAX_LENGTH);
                        }
                    }
                }
            }
        }
    }

    /** Closes the test's own connection: H2 keeps re-creating its lock file while one is open, and the folder would stay. */
    static void close(JdbcTemplate jdbc) {
        if (jdbc.getDataSource() instanceof SingleConnectionDataSource single) {
            single.destroy();
        }
    }

}
