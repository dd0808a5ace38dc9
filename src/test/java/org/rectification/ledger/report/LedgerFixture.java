package org.rectification.ledger.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A small ledger of two months (2026-10, 2026-11) for five roster departments, inserted by SQL, with the rows
 * kept as plain lists so the tests can recompute every figure on their own.
 */
final class LedgerFixture {

    record Sub(long id, String month, String department, String file, String outcome, String reasons,
            LocalDateTime received) {
    }

    record TaskRow(long id, String code, String department, String category, String problem, String measure,
            int sourceRow) {
    }

    record MonthRow(long taskId, String month, long submissionId, String status, LocalDate deadline,
            String deadlineKind, String progress, String evidence) {
    }

    record FindingRow(long submissionId, String month, String department, String file, Integer row, String column,
            String rule, String severity, String value, String message) {
    }

    static final List<String> ROSTER = List.of("县民政局", "县财政局", "县教育局", "县审计局", "县卫健局");

    final List<Sub> submissions = new ArrayList<>();

    final List<TaskRow> tasks = new ArrayList<>();

    final List<MonthRow> months = new ArrayList<>();

    final List<FindingRow> findings = new ArrayList<>();

    final JdbcTemplate jdbc;

    LedgerFixture() {
        this(dataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    }

    LedgerFixture(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    static DataSource dataSource(String url) {
        return new DriverManagerDataSource(url, "sa", "");
    }

    /** The two months described in MonthlyReportsTests. */
    LedgerFixture standard() {
        sub(1, "2026-10", "县民政局", "民政局-10月.xlsx", "ACCEPTED", null, "2026-10-08T09:00");
        sub(2, "2026-10", "县财政局", "财政局-10月.xlsx", "ACCEPTED", null, "2026-10-09T09:00");
        sub(3, "2026-10", "县教育局", "教育局-10月.xlsx", "ACCEPTED", null, "2026-10-09T10:00");
        sub(9, "2026-10", "县审计局", "审计局-10月.xlsx", "ACCEPTED", null, "2026-10-10T10:00");
        sub(4, "2026-11", "县民政局", "民政局-11月.xlsx", "ACCEPTED", null, "2026-11-10T16:00");
        sub(5, "2026-11", "县财政局", "财政局-11月.xlsx", "ACCEPTED", null, "2026-11-15T16:30");
        sub(6, "2026-11", "县教育局", "教育局-11月.xlsx", "REJECTED", "SIGNATURE_MISSING: 审核人; SIGNATURE_MISSING: 单位负责人",
                "2026-11-06T11:00");
        sub(7, "2026-11", null, "县档案馆-11月.xlsx", "REJECTED", "UNKNOWN_DEPARTMENT: 县档案馆", "2026-11-07T08:00");
        sub(8, "2026-11", "县民政局", "民政局-11月(1).xlsx", "DUPLICATE", null, "2026-11-10T17:00");
        sub(10, "2026-12", "县民政局", "民政局-12月.xlsx", "ACCEPTED", null, "2026-12-02T09:00");
        // a first draft 县财政局 replaced the next day: its finding no longer counts
        sub(11, "2026-11", "县财政局", "财政局-11月-初稿.xlsx", "SUPERSEDED", "SUPERSEDED", "2026-11-14T09:00");

        task(1, "MZ-01", "县民政局", "民生保障", "低保审核把关不严", "逐户复核低保对象，对不符合条件的坚决清退，对应保未保的及时纳入，建立月度复核台账并公示结果", 4);
        task(2, "MZ-02", "县民政局", "民生保障", "低保审核把关不严", "建立动态管理台账", 5);
        task(3, "MZ-03", "县民政局", "作风建设", "=HYPERLINK(\"http://x\",\"点我\")", "+定期公示办事流程", 6);
        task(4, "MZ-04", "县民政局", "作风建设", "=HYPERLINK(\"http://x\",\"点我\")", "-清理积压件", 7);
        task(11, "MZ-05", "县民政局", "民生保障", "新发现的问题", "十二月才出现的措施", 8);
        task(5, "CZ-01", "县财政局", "资金管理", "专项资金拨付滞后", "清理滞拨资金", 4);
        task(6, "CZ-02", "县财政局", "资金管理", "专项资金拨付滞后", "完善拨付流程", 5);
        task(7, "CZ-03", "县财政局", null, "@预算执行偏慢", "按月通报执行进度", 6);
        task(8, "JY-01", "县教育局", "教育管理", "校外培训监管缺位", "开展专项检查", 4);
        task(9, "JY-02", "县教育局", "教育管理", "校外培训监管缺位", "公布白名单", 5);
        task(10, "SJ-01", "县审计局", "审计整改", "审计问题整改不到位", "逐项对账销号", 4);

        month(1, "2026-10", 1, "IN_PROGRESS", "2026-11-30", "DATE", "已复核一半", null);
        month(1, "2026-11", 4, "COMPLETED", "2026-11-30", "DATE", "全部复核完毕", "复核记录表");
        month(2, "2026-10", 1, "NOT_STARTED", "2026-11-20", "DATE", null, null);
        month(2, "2026-11", 4, "IN_PROGRESS", "2026-11-20", "DATE", "=1+1", null);
        month(3, "2026-11", 4, "ONGOING", null, "ONGOING", "每季度公示", null);
        month(4, "2026-10", 1, "COMPLETED", "2026-10-31", "DATE", "已清理", "清理清单");
        month(4, "2026-11", 4, "COMPLETED", "2026-10-31", "DATE", "已清理", "清理清单");
        month(11, "2026-12", 10, "NOT_STARTED", "2027-01-31", "DATE", null, null);
        month(5, "2026-10", 2, "IN_PROGRESS", "2026-09-30", "DATE", "拨付中", null);
        month(5, "2026-11", 5, "IN_PROGRESS", "2026-09-30", "DATE", "拨付过半", null);
        month(6, "2026-11", 5, "NOT_STARTED", "2026-12-12", "DATE", null, null);
        month(7, "2026-11", 5, "IN_PROGRESS", "2026-12-20", "DATE", "每月通报", null);
        month(8, "2026-10", 3, "IN_PROGRESS", "2026-11-15", "DATE", "检查过半", null);
        month(9, "2026-10", 3, "COMPLETED", "2026-10-20", "DATE", "已公布", "白名单网页截图");
        month(10, "2026-10", 9, "NOT_STARTED", "2027-03-31", "DATE", null, null);

        finding(6, "2026-11", "县教育局", "教育局-11月.xlsx", null, null, "SIGNATURE_MISSING", "ERROR", null,
                "缺少审核人签字");
        finding(5, "2026-11", "县财政局", "财政局-11月.xlsx", 5, "佐证材料", "COMPLETED_WITHOUT_EVIDENCE", "WARNING", "",
                "已完成但无佐证材料");
        finding(7, "2026-11", null, "县档案馆-11月.xlsx", null, null, "UNKNOWN_DEPARTMENT", "ERROR", "县档案馆",
                "单位不在名单中");
        finding(2, "2026-10", "县财政局", "财政局-10月.xlsx", 4, "整改状态", "STATUS_MISSING", "WARNING", "", "十月的旧问题");
        finding(11, "2026-11", "县财政局", "财政局-11月-初稿.xlsx", 6, "责任人", "OWNER_MISSING", "ERROR", "", "初稿的问题");
        return this;
    }

    void sub(long id, String month, String department, String file, String outcome, String reasons, String received) {
        Sub sub = new Sub(id, month, department, file, outcome, reasons, LocalDateTime.parse(received));
        this.submissions.add(sub);
        this.jdbc.update("""
                insert into submission (id, sha256, file_name, inbox_path, file_size, file_modified, report_month, department,
                    outcome, reasons, received_at, arrived_at) values (?, ?, ?, ?, 1000, ?, ?, ?, ?, ?, ?, ?)
                """, id, "%064d".formatted(id), file, "/inbox/" + file,
                // modification times kept from the departments' PCs, all long before the due day and in reverse
                // order: timeliness and order must follow arrival
                LocalDateTime.of(2026, 9, 1, 0, 0).minusHours(id), month, department, outcome,
                // the nightly run takes the file in after midnight: timeliness must follow arrival, not the run
                reasons, sub.received().plusDays(1), sub.received());
    }

    void task(long id, String code, String department, String category, String problem, String measure,
            int sourceRow) {
        this.tasks.add(new TaskRow(id, code, department, category, problem, measure, sourceRow));
    }

    void month(long taskId, String month, long submissionId, String status, String deadline, String kind,
            String progress, String evidence) {
        this.months.add(new MonthRow(taskId, month, submissionId, status,
                (deadline != null) ? LocalDate.parse(deadline) : null, kind, progress, evidence));
    }

    void finding(long submissionId, String month, String department, String file, Integer row, String column,
            String rule, String severity, String value, String message) {
        this.findings.add(new FindingRow(submissionId, month, department, file, row, column, rule, severity, value,
                message));
    }

    /** Inserts tasks (with their latest month's state) and their monthly rows, as the merge would have. */
    LedgerFixture insert() {
        for (TaskRow task : this.tasks) {
            List<MonthRow> rows = this.months.stream().filter(m -> m.taskId() == task.id())
                    .sorted(Comparator.comparing(MonthRow::month)).toList();
            MonthRow latest = rows.get(rows.size() - 1);
            String completedMonth = completedMonth(rows).orElse(null);
            this.jdbc.update("""
                    insert into task (id, task_key, department, task_code, category, problem, measure, leader, owner,
                        deadline, deadline_text, deadline_kind, status, progress, evidence, first_month, last_month,
                        completed_month, submission_id, source_sheet, source_row)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, task.id(), "key-" + task.id(), task.department(), task.code(), task.category(), task.problem(),
                    task.measure(), leader(task), owner(task), latest.deadline(),
                    "ONGOING".equals(latest.deadlineKind()) ? "长期坚持" : null, latest.deadlineKind(), latest.status(),
                    latest.progress(), latest.evidence(), rows.get(0).month(), latest.month(), completedMonth,
                    latest.submissionId(), "Sheet1", task.sourceRow());
            for (MonthRow row : rows) {
                this.jdbc.update("""
                        insert into task_month (task_id, report_month, submission_id, department, category, problem, measure,
                            leader, owner, deadline, deadline_text, deadline_kind, status, progress, evidence,
                            source_sheet, source_row)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, task.id(), row.month(), row.submissionId(), task.department(), task.category(),
                        task.problem(), task.measure(), leader(task), owner(task), row.deadline(),
                        "ONGOING".equals(row.deadlineKind()) ? "长期坚持" : null, row.deadlineKind(), row.status(),
                        row.progress(), row.evidence(), "Sheet1", task.sourceRow());
            }
        }
        for (FindingRow f : this.findings) {
            this.jdbc.update("""
                    insert into finding (submission_id, report_month, department, file_name, sheet, row_no, column_name,
                        rule, severity, value_seen, message) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, f.submissionId(), f.month(), f.department(), f.file(), (f.row() != null) ? "Sheet1" : null,
                    f.row(), f.column(), f.rule(), f.severity(), f.value(), f.message());
        }
        return this;
    }

    static String leader(TaskRow task) {
        return "领导" + task.code();
    }

    static String owner(TaskRow task) {
        return "责任人" + task.code();
    }

    private static Optional<String> completedMonth(List<MonthRow> rows) {
        String completed = null;
        for (MonthRow row : rows) {
            if ("COMPLETED".equals(row.status())) {
                if (completed == null) {
                    completed = row.month();
                }
            }
            else {
                completed = null;
            }
        }
        return Optional.ofNullable(completed);
    }

    /** A task's state for a month: its row with the greatest month not after it. */
    Optional<MonthRow> stateFor(long taskId, String month) {
        return this.months.stream().filter(m -> m.taskId() == taskId && m.month().compareTo(month) <= 0)
                .max(Comparator.comparing(MonthRow::month));
    }

    Optional<MonthRow> stateBefore(long taskId, String month) {
        return this.months.stream().filter(m -> m.taskId() == taskId && m.month().compareTo(month) < 0)
                .max(Comparator.comparing(MonthRow::month));
    }

}
