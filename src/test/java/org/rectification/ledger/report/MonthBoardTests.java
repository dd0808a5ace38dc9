package org.rectification.ledger.report;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office board counts its figures in the database, grouped by department; the progress workbook counts them
 * task by task. On the same ledger both must give the same figures for every department and overall: 分单位统计,
 * 总体情况 and 未报送单位 read back from the written workbook, and every field of each department's tally (本月销号,
 * 本月新增逾期 and last month's completion included) against the workbook's own task-by-task pass.
 */
class MonthBoardTests {

    @TempDir
    Path out;

    @Test
    void boardFiguresEqualTheProgressWorkbookForEveryDepartment() throws IOException {
        assertBoardMatchesWorkbook(wider(new LedgerFixture()), this.out);
    }

    @Test
    void boardFiguresEqualTheProgressWorkbookOnPostgres() throws IOException, SQLException {
        String server = "jdbc:postgresql://127.0.0.1:5432/test";
        String schema = "board_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(server, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        }
        catch (SQLException ex) {
            Assumptions.abort("Skipped: PostgreSQL at 127.0.0.1:5432 is not reachable: " + ex.getMessage());
        }
        try {
            LedgerFixture fixture = new LedgerFixture(
                    LedgerFixture.dataSource(server + "?currentSchema=" + schema + "&user=postgres"));
            assertBoardMatchesWorkbook(wider(fixture), this.out);
        }
        finally {
            try (Connection connection = DriverManager.getConnection(server, "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @Test
    void aDepartmentPageShowsTheSameLineAsTheOfficeBoard() {
        LedgerFixture fixture = wider(new LedgerFixture());
        ReportRequest request = MonthlyReportsTests.request(this.out);
        MonthBoard board = new MonthBoard(fixture.jdbc);
        List<MonthBoard.DepartmentLine> lines = board.office(request).departments();
        assertThat(lines).isNotEmpty();
        for (MonthBoard.DepartmentLine line : lines) {
            assertThat(board.department(request, line.department()).line()).as(line.department()).isEqualTo(line);
        }
    }

    /**
     * The two months of MonthlyReportsTests and the cases they lack: a department not on the roster whose problem
     * has the same wording as another department's, a task last reported two months before, a long-term (长期坚持)
     * task past a deadline, and a task overdue last month that is completed now.
     */
    static LedgerFixture wider(LedgerFixture fixture) {
        fixture.standard();
        fixture.task(12, "WB-01", "县外单位", "民生保障", "低保审核把关不严", "外单位的措施", 4);
        fixture.month(12, "2026-10", 1, "IN_PROGRESS", "2026-10-15", "DATE", null, null);
        fixture.month(12, "2026-11", 1, "IN_PROGRESS", "2026-10-15", "DATE", null, null);
        fixture.task(13, "WB-02", "县外单位", "民生保障", "第二个问题", "隔月报送的措施", 5);
        fixture.month(13, "2026-09", 1, "NOT_STARTED", "2026-10-10", "DATE", null, null);
        fixture.month(13, "2026-11", 1, "IN_PROGRESS", "2026-10-10", "DATE", null, null);
        fixture.task(14, "SJ-02", "县审计局", "审计整改", "长期问题", "长期坚持的措施", 5);
        fixture.month(14, "2026-10", 9, "IN_PROGRESS", "2026-10-01", "ONGOING", null, null);
        fixture.task(15, "CZ-04", "县财政局", "资金管理", "专项资金拨付滞后", "逾期后完成的措施", 7);
        fixture.month(15, "2026-10", 2, "IN_PROGRESS", "2026-10-10", "DATE", null, null);
        fixture.month(15, "2026-11", 5, "COMPLETED", "2026-10-10", "DATE", "已完成", "凭证");
        return fixture.insert();
    }

    static void assertBoardMatchesWorkbook(LedgerFixture fixture, Path out) throws IOException {
        ReportRequest request = MonthlyReportsTests.request(out);
        MonthBoard.Office office = new MonthBoard(fixture.jdbc).office(request);
        XSSFWorkbook progress = MonthlyReportsTests.open(new MonthlyReports(fixture.jdbc).write(request).progressWorkbook());

        // 分单位统计: every department's line, in whatever order each lists them
        Map<String, List<Object>> workbookLines = new LinkedHashMap<>();
        for (List<Object> row : MonthlyReportsTests.rows(progress.getSheet("分单位统计"))) {
            workbookLines.put((String) row.get(0), row);
        }
        List<Object> total = workbookLines.remove("合计");
        assertThat(office.departments().stream().map(MonthBoard.DepartmentLine::department))
            .containsExactlyInAnyOrderElementsOf(workbookLines.keySet())
            .contains("县外单位", "县卫健局");
        for (MonthBoard.DepartmentLine line : office.departments()) {
            List<Object> row = workbookLines.get(line.department());
            Totals t = line.totals();
            assertThat(Arrays.asList(line.department(), (double) line.problems(), (double) t.tasks(),
                    (double) t.completed(), (double) t.inProgress(), (double) t.notStarted(), (double) t.ongoing(),
                    (double) t.overdue(), t.completionRate(), (double) line.closed(), (double) line.newlyOverdue(),
                    line.submission()))
                .as(line.department())
                .isEqualTo(Arrays.asList(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5),
                        row.get(6), row.get(7), row.get(8), row.get(10), row.get(11), row.get(12)));
        }

        // 总体情况
        Map<String, Object> overview = new LinkedHashMap<>();
        MonthlyReportsTests.rows(progress.getSheet("总体情况")).forEach(r -> overview.put((String) r.get(0), r.get(1)));
        MonthBoard.Overview o = office.overview();
        Totals t = o.totals();
        assertThat(overview).containsEntry("问题总数", (double) o.problems())
            .containsEntry("任务总数", (double) t.tasks())
            .containsEntry("已完成", (double) t.completed())
            .containsEntry("正在整改", (double) t.inProgress())
            .containsEntry("未启动", (double) t.notStarted())
            .containsEntry("长期坚持", (double) t.ongoing())
            .containsEntry("逾期任务", (double) t.overdue())
            .containsEntry("完成率", t.completionRate())
            .containsEntry("本月销号", (double) o.closed())
            .containsEntry("本月新增逾期", (double) o.newlyOverdue())
            .containsEntry("应报送单位", (double) o.submissions().expected())
            .containsEntry("已采纳单位", (double) o.submissions().accepted())
            .containsEntry("其中：按时报送", (double) o.submissions().onTime())
            .containsEntry("已退回待重报单位", (double) o.submissions().returned())
            .containsEntry("未报送单位（未收到文件）", (double) o.submissions().missing())
            .containsEntry("收到文件", (double) o.submissions().files());
        assertThat(total.subList(1, 9)).containsExactly((double) o.problems(), (double) t.tasks(),
                (double) t.completed(), (double) t.inProgress(), (double) t.notStarted(), (double) t.ongoing(),
                (double) t.overdue(), t.completionRate());
        // the fixture has something to count in each figure, so a figure the board got wrong cannot hide as zero
        assertThat(List.of(o.closed(), o.newlyOverdue(), t.overdue(), t.ongoing(), t.completed(), t.inProgress(),
                t.notStarted())).allSatisfy(n -> assertThat(n).isPositive());

        // 未报送单位
        List<List<Object>> missing = new ArrayList<>();
        for (MonthBoard.MissingLine line : office.missing()) {
            missing.add(Arrays.asList(line.department(), (double) line.tasks(), line.state(), line.lastMonth(),
                    line.lastFile(), line.lastOutcome()));
        }
        assertThat(missing).isNotEmpty()
            .containsExactlyElementsOf(MonthlyReportsTests.rows(progress.getSheet("未报送单位"))
                .stream()
                .map(r -> Arrays.asList(r.get(1), r.get(2), r.get(3), r.get(5), r.get(6), r.get(7)))
                .toList());

        // every field of every department's tally, against the workbook's task-by-task pass
        LedgerRows rows = new LedgerRows(fixture.jdbc);
        YearMonth month = request.month();
        List<String> departments = rows.departments(request.roster().names());
        MonthFigures taskByTask = new MonthFigures(departments, month, request.asOf(),
                request.month().minusMonths(1).atEndOfMonth());
        for (String department : departments) {
            rows.monthStates(department, month, task -> taskByTask.add(task, "-"));
        }
        Map<String, Tally> grouped = rows.monthFigures(month, request.asOf(),
                request.month().minusMonths(1).atEndOfMonth());
        assertThat(grouped.keySet()).containsExactlyInAnyOrderElementsOf(
                taskByTask.departments.entrySet().stream().filter(e -> e.getValue().tasks > 0).map(Map.Entry::getKey)
                    .toList());
        taskByTask.departments.forEach((department, expected) -> assertThat(
                fields(grouped.getOrDefault(department, new Tally())))
            .as(department)
            .isEqualTo(fields(expected)));
    }

    private static List<Integer> fields(Tally t) {
        return List.of(t.problems, t.tasks, t.completed, t.inProgress, t.notStarted, t.ongoing, t.overdue, t.closed,
                t.newlyOverdue, t.previousTasks, t.previousCompleted);
    }

}
