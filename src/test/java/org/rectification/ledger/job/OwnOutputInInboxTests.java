package org.rectification.ledger.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.cli.LedgerCommand;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the product wrote and a clerk put back in the inbox (a return notice {@code check} wrote next to a sheet
 * inside the inbox, last month's workbooks saved from a mail) is set aside as OWN_OUTPUT: moved to rejected/,
 * counted for no department, and the department's own submission and rows stay as they were.
 */
@Tag("process")
class OwnOutputInInboxTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static final String HOUSING_SHEET = "住建局-11月整改任务分解表.xlsx";

    private static final String HOUSING_NOTICE = "住建局-11月整改任务分解表-退回意见.xlsx";

    @TempDir
    Path root;

    @Test
    void aNoticeAndMonthlyWorkbooksInTheInboxAreSetAsideAndTheDepartmentsRowsStand() throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.root);
        workspace.drop(OCTOBER);
        assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).isZero();
        workspace.drop(NOVEMBER);
        // the clerk checks a sheet where it lies: the notice lands in the inbox next to it
        LedgerCommand.execute("check", "--job", workspace.jobFile.toString(), "--month", "2026-11",
                workspace.inbox().resolve(HOUSING_SHEET).toString());
        assertThat(workspace.inbox().resolve(HOUSING_NOTICE)).exists();
        // and saves last month's workbooks from a mail into the inbox
        Files.copy(workspace.out().resolve("月度整改进展-2026-10.xlsx"), workspace.inbox().resolve("月度整改进展-2026-10.xlsx"));
        Files.copy(workspace.out().resolve("整改总台账.xlsx"), workspace.inbox().resolve("住建局转来的整改总台账.xlsx"));
        for (String name : List.of(HOUSING_NOTICE, "月度整改进展-2026-10.xlsx", "住建局转来的整改总台账.xlsx")) {
            // arrived early in the month, before the department's own sheet would be superseded by them
            Files.setLastModifiedTime(workspace.inbox().resolve(name), FileTime.from(Instant.parse("2026-11-06T10:00:00Z")));
        }

        assertThat(LedgerCommand.execute(workspace.runArguments(NOVEMBER))).isZero();

        JdbcTemplate jdbc = workspace.jdbc();
        List<Map<String, Object>> setAside = jdbc.queryForList(
                "select file_name, department, reasons, moved_to from submission where outcome = 'SET_ASIDE' order by file_name");
        assertThat(setAside).extracting((row) -> row.get("FILE_NAME"))
            .containsExactly("住建局-11月整改任务分解表-退回意见.xlsx", "住建局转来的整改总台账.xlsx", "月度整改进展-2026-10.xlsx");
        assertThat(setAside).allSatisfy((row) -> {
            assertThat(row.get("DEPARTMENT")).as("counted for no department").isNull();
            assertThat((String) row.get("REASONS")).startsWith("OWN_OUTPUT");
            assertThat((String) row.get("MOVED_TO")).contains("/rejected/");
        });
        assertThat(jdbc.queryForList("select count(*) from finding f join submission s on s.id = f.submission_id "
                + "where s.outcome = 'SET_ASIDE' and f.rule = 'OWN_OUTPUT' and upper(f.severity) = 'NOTICE'", Integer.class))
            .containsExactly(3);
        // the department's own sheet stands: accepted, not superseded, and the month's rows are its rows
        List<Map<String, Object>> housing = jdbc.queryForList("select id, file_name, outcome from submission "
                + "where report_month = '2026-11' and department = '县住房和城乡建设局'");
        assertThat(housing).extracting((row) -> row.get("FILE_NAME") + "|" + row.get("OUTCOME"))
            .containsExactly(HOUSING_SHEET + "|ACCEPTED");
        assertThat(jdbc.queryForList("select distinct s.file_name from task_month tm join submission s "
                + "on s.id = tm.submission_id where tm.report_month = '2026-11' and tm.department = '县住房和城乡建设局'",
                String.class)).containsExactly(HOUSING_SHEET);
        assertThat(workspace.root.resolve("rejected")).isDirectoryContaining((p) -> p.endsWith(HOUSING_NOTICE))
            .isDirectoryContaining((p) -> p.endsWith("月度整改进展-2026-10.xlsx"))
            .isDirectoryContaining((p) -> p.endsWith("住建局转来的整改总台账.xlsx"));
        assertThat(workspace.inbox().resolve(HOUSING_NOTICE)).doesNotExist();
    }

}
