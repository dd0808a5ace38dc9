package org.rectification.ledger.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.check.NoticeTerms;
import org.rectification.ledger.check.ReturnNoticeWriter;
import org.rectification.ledger.cli.LedgerCommand;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notice step redone after the files left the inbox (as when a killed run's records of the moves were lost):
 * each notice copies the department's sheet from where the file is now, archive/ or rejected/.
 */
@Tag("process")
class NoticeStepRedoneTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @TempDir
    Path temp;

    @Test
    void aNoticeRedoneAfterItsFileWasMovedStillCarriesTheDepartmentsMarkedSheets() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp);
        workspace.drop(OCTOBER);
        assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).isZero();
        workspace.drop(NOVEMBER);
        assertThat(LedgerCommand.execute(workspace.runArguments(NOVEMBER))).isZero();
        Map<Path, List<String>> written = notices(workspace);
        assertThat(written.values()).as("notices with the department's sheets after a plain run")
            .anySatisfy((sheets) -> assertThat(sheets).hasSizeGreaterThan(1));
        assertThat(workspace.spreadsheetsUnder("inbox")).as("every file has left the inbox").isEmpty();

        JdbcTemplate jdbc = workspace.jdbc();
        List<String> november = jdbc.queryForList(
                "select notice_path from submission where report_month = '2026-11' and notice_path is not null",
                String.class);
        assertThat(november).hasSizeGreaterThan(1);
        jdbc.update("update submission set moved_to = null where report_month = '2026-11'");
        for (String notice : november) {
            Files.delete(Path.of(notice));
        }
        JdbcSubmissionDao submissions = new JdbcSubmissionDao(jdbc);
        JdbcLedgerDao ledger = new JdbcLedgerDao(jdbc);
        PendingNoticeReader reader = new PendingNoticeReader(ledger, submissions, workspace.root.resolve("rejected"),
                workspace.out(), NOVEMBER);
        NoticeContentProcessor processor = new NoticeContentProcessor(submissions, ledger,
                workspace.root.resolve("archive"), workspace.root.resolve("rejected"));
        NoticeFilesWriter writer = new NoticeFilesWriter(
                new ReturnNoticeWriter(new NoticeTerms("县委第三轮巡察", NOVEMBER, NOVEMBER.atEndOfMonth(), 3)));
        reader.open(new ExecutionContext());
        writer.open(new ExecutionContext());
        try {
            Chunk<NoticeItem> chunk = new Chunk<>();
            for (DueNotice due = reader.read(); due != null; due = reader.read()) {
                chunk.add(processor.process(due));
            }
            writer.write(chunk);
        }
        finally {
            writer.close();
        }

        assertThat(notices(workspace)).isEqualTo(written);
    }

    /** Every notice under the workspace with its sheet names. */
    private static Map<Path, List<String>> notices(LedgerWorkspace workspace) throws Exception {
        Map<Path, List<String>> notices = new TreeMap<>();
        List<Path> files;
        try (var walk = Files.walk(workspace.root)) {
            files = walk.filter((p) -> p.getFileName().toString().endsWith("-退回意见.xlsx")).toList();
        }
        for (Path file : files) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
                List<String> sheets = new ArrayList<>();
                workbook.forEach((sheet) -> sheets.add(sheet.getSheetName()));
                notices.put(file, sheets);
            }
        }
        return notices;
    }

}
