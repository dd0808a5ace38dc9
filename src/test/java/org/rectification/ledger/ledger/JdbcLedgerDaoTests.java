package org.rectification.ledger.ledger;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectification.ledger.check.CheckedSubmission;
import org.rectification.ledger.check.Finding;
import org.rectification.ledger.check.PreviousTask;
import org.rectification.ledger.check.RuleCode;
import org.rectification.ledger.check.Severity;
import org.rectification.ledger.intake.InboxScanner;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.sheet.Deadline;
import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.TaskRow;
import org.rectification.ledger.sheet.TaskStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcLedgerDaoTests {

    private static final String DEPARTMENT = "县民政局";

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private JdbcTemplate jdbc;

    private JdbcLedgerDao ledger;

    private JdbcSubmissionDao submissions;

    @BeforeEach
    void migrate() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.ledger = new JdbcLedgerDao(this.jdbc);
        this.submissions = new JdbcSubmissionDao(this.jdbc);
    }

    private long submission(String name, YearMonth month) {
        return this.submissions.register(new InboxScanner.InboxFile(Path.of("/inbox/" + name), 100, Instant.now()),
                UUID.randomUUID().toString().replace("-", ""), month, Outcome.PENDING, null, null, 1, Instant.now());
    }

    private static TaskRow row(int rowNumber, String problem, String measure, TaskStatus status, LocalDate deadline) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        values.put(Field.PROBLEM, problem);
        values.put(Field.MEASURE, measure);
        values.put(Field.LEADER, "李副局长");
        values.put(Field.OWNER, "王科长");
        values.put(Field.DEPARTMENT, DEPARTMENT);
        values.put(Field.PROGRESS, "已推进");
        return new TaskRow("Sheet1", rowNumber, values, EnumSet.noneOf(Field.class),
                new Deadline(Deadline.Kind.DATE, deadline, deadline.toString()), status, Map.of());
    }

    /** A sheet's worth of rows from row 5 on, each a task of its own, in progress. */
    private static List<TaskRow> distinctRows(int count) {
        List<TaskRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(5 + i, "问题" + i, "措施" + i, TaskStatus.IN_PROGRESS, LocalDate.of(2026, 12, 31)));
        }
        return rows;
    }

    private static CheckedSubmission accepted(String file, TaskRow... rows) {
        return new CheckedSubmission(file, null, DEPARTMENT, List.of(), List.of(rows), false);
    }

    private int count(String sql, Object... args) {
        return this.jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void mergesEachRowAsOneTaskWithItsMonthlyHistory() {
        long october = submission("民政局-10月.xlsx", OCTOBER);
        this.ledger.record(october, OCTOBER, accepted("民政局-10月.xlsx",
                row(5, "问题一", "措施一", TaskStatus.IN_PROGRESS, LocalDate.of(2026, 12, 31)),
                row(6, "问题一", "措施二", null, LocalDate.of(2026, 11, 30))), Instant.now());

        assertThat(count("select count(*) from task")).isEqualTo(2);
        assertThat(count("select count(*) from task_month where report_month = '2026-10'")).isEqualTo(2);
        assertThat(this.jdbc.queryForObject("select status from task where measure = '措施二'", String.class))
            .as("a row without status is merged as not started").isEqualTo("NOT_STARTED");
        assertThat(this.jdbc.queryForObject("select outcome from submission where id = ?", String.class, october))
            .isEqualTo("ACCEPTED");
    }

    @Test
    void aSheetTooLargeToHoldItsKeysStillMergesARepeatedTaskOnceWithItsLastRow() {
        long october = submission("民政局-10月.xlsx", OCTOBER);
        List<TaskRow> rows = distinctRows(12_000);
        // task 7 again further down, now completed: the ledger keeps one task 7, as the later row says
        rows.add(row(12_005, "问题7", "措施7", TaskStatus.COMPLETED, LocalDate.of(2026, 12, 31)));

        this.ledger.record(october, OCTOBER, accepted("民政局-10月.xlsx", rows.toArray(TaskRow[]::new)), Instant.now());

        assertThat(count("select count(*) from task")).isEqualTo(12_000);
        assertThat(count("select count(*) from task_month")).isEqualTo(12_000);
        assertThat(this.jdbc.queryForObject("select status from task where problem = '问题7'", String.class))
            .isEqualTo("COMPLETED");
        assertThat(count("select count(*) from task where status = 'COMPLETED'")).isEqualTo(1);
    }

    @Test
    void aLargeSheetIsMergedInPartsOfItsRowsEachInTheOrderOfItsTaskKeys() {
        long october = submission("民政局-10月.xlsx", OCTOBER);
        this.ledger.record(october, OCTOBER, accepted("民政局-10月.xlsx", distinctRows(25_000).toArray(TaskRow[]::new)),
                Instant.now());

        // the first 20,000 rows are one part, the last 5,000 the next: ids follow the parts, and the keys within one
        List<String> firstPartKeys = this.jdbc.queryForList(
                "select task_key from task where source_row < ? order by id", String.class, 5 + 20_000);
        assertThat(firstPartKeys).hasSize(20_000).isSorted();
        assertThat(count("select count(*) from task where source_row >= ?", 5 + 20_000)).isEqualTo(5_000);
        assertThat(count("select count(*) from task where source_row >= ? and id < (select max(id) from task "
                + "where source_row < ?)", 5 + 20_000, 5 + 20_000))
            .as("every task of the second part comes after the first part").isZero();
        assertThat(this.jdbc.queryForList("select task_key from task where source_row >= ? order by id",
                String.class, 5 + 20_000)).isSorted();
    }

    @Test
    void overdueTasksOfOneDeadlineAreListedInTheOrderOfTheDepartmentsLatestSheet() {
        LocalDate due = LocalDate.of(2026, 10, 31);
        long october = submission("民政局-10月.xlsx", OCTOBER);
        this.ledger.record(october, OCTOBER, accepted("a", row(5, "问题一", "措施一", TaskStatus.IN_PROGRESS, due)),
                Instant.now());
        // November adds a task above October's: it is the newer task (the higher id) but the first row of the sheet
        long november = submission("民政局-11月.xlsx", NOVEMBER);
        this.ledger.record(november, NOVEMBER, accepted("b",
                row(5, "问题零", "措施零", TaskStatus.IN_PROGRESS, due),
                row(6, "问题一", "措施一", TaskStatus.IN_PROGRESS, due)), Instant.now());

        assertThat(this.ledger.overdueTasks(LocalDate.of(2026, 11, 30)))
            .extracting(JdbcLedgerDao.OverdueTask::problem)
            .containsExactly("问题零", "问题一");
    }

    @Test
    void nextMonthUpdatesTasksInsteadOfDuplicatingAndKeepsHistory() {
        long october = submission("民政局-10月.xlsx", OCTOBER);
        this.ledger.record(october, OCTOBER, accepted("a",
                row(5, "问题一", "措施一", TaskStatus.IN_PROGRESS, LocalDate.of(2026, 12, 31))), Instant.now());
        long november = submission("民政局-11月.xlsx", NOVEMBER);
        Map<String, PreviousTask> previous = this.ledger.previousMonth(DEPARTMENT, NOVEMBER);
        assertThat(previous).hasSize(1);
        assertThat(previous.values().iterator().next().status()).isEqualTo(TaskStatus.IN_PROGRESS);

        this.ledger.record(november, NOVEMBER, accepted("b",
                row(5, "问题 一", "措施一", TaskStatus.COMPLETED, LocalDate.of(2026, 12, 31))), Instant.now());

        assertThat(count("select count(*) from task")).as("same task across months, spaces ignored").isEqualTo(1);
        assertThat(count("select count(*) from task_month")).isEqualTo(2);
        Map<String, Object> task = this.jdbc.queryForMap("select status, completed_month, first_month, last_month from task");
        assertThat(task).containsEntry("STATUS", "COMPLETED").containsEntry("COMPLETED_MONTH", "2026-11")
            .containsEntry("FIRST_MONTH", "2026-10").containsEntry("LAST_MONTH", "2026-11");
        assertThat(this.jdbc.queryForObject("select status from task_month where report_month = '2026-10'", String.class))
            .as("what the department reported in October stays answerable").isEqualTo("IN_PROGRESS");
    }

    @Test
    void aLaterFileOfTheSameMonthSupersedesTheEarlierOnesRows() {
        long first = submission("财政局-11月.xlsx", NOVEMBER);
        this.ledger.record(first, NOVEMBER, accepted("first",
                row(5, "问题一", "措施一", TaskStatus.IN_PROGRESS, LocalDate.of(2026, 12, 31)),
                row(6, "问题一", "措施写错了", TaskStatus.IN_PROGRESS, LocalDate.of(2026, 12, 31))), Instant.now());
        long second = submission("财政局-11月（修改版）.xlsx", NOVEMBER);
        JdbcLedgerDao.MergeResult result = this.ledger.record(second, NOVEMBER, accepted("second",
                row(5, "问题一", "措施一", TaskStatus.COMPLETED, LocalDate.of(2026, 12, 31)),
                row(6, "问题一", "措施二", TaskStatus.IN_PROGRESS, LocalDate.of(2026, 12, 31))), Instant.now());

        assertThat(result.superseded()).isEqualTo(first);
        assertThat(this.jdbc.queryForObject("select outcome from submission where id = ?", String.class, first))
            .isEqualTo("SUPERSEDED");
        assertThat(this.jdbc.queryForList("select measure from task order by measure", String.class))
            .as("the task only the superseded file had is gone; nothing is counted twice")
            .containsExactly("措施一", "措施二");
        assertThat(count("select count(*) from task_month")).isEqualTo(2);
        assertThat(this.jdbc.queryForObject("select status from task where measure = '措施一'", String.class))
            .isEqualTo("COMPLETED");
    }

    @Test
    void aRejectedSubmissionMergesNothingButKeepsItsFindings() {
        long rejected = submission("审计局-11月.xlsx", NOVEMBER);
        Finding finding = new Finding("审计局-11月.xlsx", null, null, "审核人", null, RuleCode.SIGNATURE_MISSING,
                Severity.ERROR, "", "缺少审核人签字", "请审核人签字");
        this.ledger.record(rejected, NOVEMBER, new CheckedSubmission("审计局-11月.xlsx", null, "县审计局",
                List.of(finding), List.of(), true), Instant.now());

        assertThat(count("select count(*) from task")).isZero();
        assertThat(this.jdbc.queryForObject("select reasons from submission where id = ?", String.class, rejected))
            .isEqualTo("SIGNATURE_MISSING: 审核人");
        assertThat(this.ledger.findingsOf(rejected)).containsExactly(finding);
    }

    @Test
    void aRejectedResubmissionDoesNotSupersedeTheAcceptedOne() {
        long accepted = submission("a.xlsx", NOVEMBER);
        this.ledger.record(accepted, NOVEMBER, accepted("a",
                row(5, "问题一", "措施一", TaskStatus.IN_PROGRESS, LocalDate.of(2026, 12, 31))), Instant.now());
        long rejected = submission("b.xlsx", NOVEMBER);
        this.ledger.record(rejected, NOVEMBER, new CheckedSubmission("b.xlsx", null, DEPARTMENT, List.of(), List.of(),
                true), Instant.now());
        assertThat(this.jdbc.queryForObject("select outcome from submission where id = ?", String.class, accepted))
            .isEqualTo("ACCEPTED");
        assertThat(count("select count(*) from task")).isEqualTo(1);
    }

    @Test
    void aNoticeIsNeededForCheckedFilesWithFindingsStillInTheInbox() {
        long clean = submission("a.xlsx", NOVEMBER);
        this.ledger.record(clean, NOVEMBER, accepted("a.xlsx",
                row(5, "问题一", "措施一", TaskStatus.IN_PROGRESS, LocalDate.of(2026, 12, 31))), Instant.now());
        long returned = submission("b.xlsx", NOVEMBER);
        Finding finding = new Finding("b.xlsx", null, null, "审核人", null, RuleCode.SIGNATURE_MISSING,
                Severity.ERROR, "", "缺少审核人签字", "请审核人签字");
        this.ledger.record(returned, NOVEMBER, new CheckedSubmission("b.xlsx", null, DEPARTMENT, List.of(finding),
                List.of(), true), Instant.now());
        long moved = submission("c.xlsx", NOVEMBER);
        this.ledger.record(moved, NOVEMBER, new CheckedSubmission("c.xlsx", null, DEPARTMENT, List.of(finding),
                List.of(), true), Instant.now());
        this.submissions.markMoved(moved, Path.of("/rejected/c.xlsx"));
        submission("d.xlsx", NOVEMBER);

        assertThat(this.ledger.needingNotice(NOVEMBER)).extracting(Submission::id).containsExactly(returned);
        assertThat(this.ledger.findingsIn(YearMonth.of(2026, 11))).extracting(RecordedFinding::submissionId)
            .containsExactlyInAnyOrder(returned, moved);
    }

    @Test
    void aMonthsTaskStatesComeTypedWithTheMonthBefore() {
        long october = submission("民政局-10月.xlsx", OCTOBER);
        this.ledger.record(october, OCTOBER, accepted("a",
                row(5, "问题一", "措施一", TaskStatus.IN_PROGRESS, LocalDate.of(2026, 12, 31))), Instant.now());
        long november = submission("民政局-11月.xlsx", NOVEMBER);
        this.ledger.record(november, NOVEMBER, accepted("b",
                row(5, "问题一", "措施一", TaskStatus.COMPLETED, LocalDate.of(2026, 12, 31))), Instant.now());

        List<TaskMonth> states = new java.util.ArrayList<>();
        this.ledger.monthStates(DEPARTMENT, YearMonth.of(2026, 11), states::add);

        assertThat(states).singleElement().satisfies((task) -> {
            assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(task.month()).isEqualTo(YearMonth.of(2026, 11));
            assertThat(task.deadlineKind()).isEqualTo(Deadline.Kind.DATE);
            assertThat(task.previous()).isEqualTo(new TaskMonth.Previous(TaskStatus.IN_PROGRESS,
                    LocalDate.of(2026, 12, 31), Deadline.Kind.DATE));
        });
        assertThat(this.ledger.monthFigures(YearMonth.of(2026, 11), LocalDate.of(2026, 12, 5),
                LocalDate.of(2026, 10, 31))).containsOnlyKeys(DEPARTMENT)
            .extractingByKey(DEPARTMENT)
            .extracting(DepartmentFigures::tasks, DepartmentFigures::completed, DepartmentFigures::closed)
            .containsExactly(1, 1, 1);
    }

}
