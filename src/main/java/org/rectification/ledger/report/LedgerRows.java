package org.rectification.ledger.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report queries on the ledger schema (V1__ledger.sql). Task rows are streamed one department at a time,
 * in ledger order: problems in the order they first appear in the department's sheet, measures under their
 * problem; submissions and findings of one month are read whole.
 */
final class LedgerRows {

    private static final int FETCH_SIZE = 500;

    /** When the file appeared in the inbox; rows from before arrival was recorded have their modification time. */
    private static final String ARRIVED = "coalesce(s.arrived_at, s.file_modified) as arrived";

    private static final String PROBLEM_ORDER = "min(coalesce(%s.source_row, 2147483647)) over (partition by %s.problem) as first_row";

    private static final String MONTH_STATE = """
            select t.id, t.task_code, c.co_departments, t.last_month, c.report_month as state_month, t.department, c.category, c.problem,
                   c.measure, c.leader, c.owner, c.deadline, c.deadline_text, c.deadline_kind, c.status, c.progress,
                   c.evidence, c.remarks, c.source_row,
                   p.report_month as prev_month, p.status as prev_status, p.deadline as prev_deadline,
                   p.deadline_kind as prev_kind, %s
            from task t
            join task_month c on c.task_id = t.id
                 and c.report_month = (select max(x.report_month) from task_month x where x.task_id = t.id and x.report_month <= ?)
            left join task_month p on p.task_id = t.id
                 and p.report_month = (select max(y.report_month) from task_month y where y.task_id = t.id and y.report_month < ?)
            where t.department = ?
            order by first_row, c.problem, c.source_row, t.id
            """.formatted(PROBLEM_ORDER.formatted("c", "c"));

    private static final String LATEST_STATE = """
            select t.id, t.task_code, t.co_departments, t.last_month, t.last_month as state_month, t.department, t.category,
                   t.problem, t.measure, t.leader, t.owner, t.deadline, t.deadline_text, t.deadline_kind, t.status,
                   t.progress, t.evidence, t.remarks, t.source_row, %s
            from task t
            where t.department = ?
            order by first_row, t.problem, t.source_row, t.id
            """.formatted(PROBLEM_ORDER.formatted("t", "t"));

    private static final String HISTORY = """
            select t.id, t.task_code, t.co_departments, t.last_month, h.report_month as state_month, t.department, h.category, t.problem,
                   t.measure, h.leader, h.owner, h.deadline, h.deadline_text, h.deadline_kind, h.status, h.progress,
                   h.evidence, h.remarks, %s
            from task t
            join task_month h on h.task_id = t.id
            where t.department = ?
            order by first_row, t.problem, t.source_row, t.id, h.report_month
            """.formatted(PROBLEM_ORDER.formatted("t", "t"));

    private final JdbcTemplate jdbc;

    LedgerRows(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /** Departments that have tasks: the roster's first, in roster order, then any others by name. */
    List<String> departments(List<String> roster) {
        Set<String> present = new LinkedHashSet<>(
                this.jdbc.queryForList("select distinct department from task order by department", String.class));
        List<String> ordered = new ArrayList<>();
        for (String name : roster) {
            if (present.remove(name)) {
                ordered.add(name);
            }
        }
        ordered.addAll(present);
        return ordered;
    }

    /** Each task of the department as it stood in the month, with its state of the month before. */
    void monthStates(String department, String month, Consumer<TaskState> each) {
        this.jdbc.query(MONTH_STATE, rs -> {
            each.accept(state(rs, true));
        }, month, month, department);
    }

    /** Each task of the department with its latest state. */
    void latestStates(String department, Consumer<TaskState> each) {
        this.jdbc.query(LATEST_STATE, rs -> {
            each.accept(state(rs, false));
        }, department);
    }

    /** Every monthly state of every task of the department, task by task, oldest month first. */
    void history(String department, Consumer<TaskState> each) {
        this.jdbc.query(HISTORY, rs -> {
            each.accept(state(rs, false));
        }, department);
    }

    List<Submission> submissions(String month) {
        return this.jdbc.query("""
                select s.id, s.file_name, s.sha256, s.department, s.outcome, s.reasons, %s,
                       s.sheets_read, s.sheets_skipped, s.extra_columns, s.rows_read, s.rows_merged
                from submission s where s.report_month = ? order by arrived, s.id
                """.formatted(ARRIVED), (rs, n) -> submission(rs), month);
    }

    /** What the department sent last, in any month, whatever became of it. */
    Optional<Submission> lastSubmission(String department) {
        return this.jdbc.query("""
                select s.id, s.file_name, s.sha256, s.department, s.outcome, s.reasons, %s,
                       s.report_month as sub_month
                from submission s where s.department = ? and s.outcome <> 'PENDING'
                order by s.report_month desc, arrived desc, s.id desc
                fetch first 1 rows only
                """.formatted(ARRIVED), (rs, n) -> submission(rs), department).stream().findFirst();
    }

    List<FindingRow> findings(String month) {
        return this.jdbc.query("""
                select f.id, f.department, f.file_name, f.sheet, f.row_no, f.column_name, f.column_index, f.rule,
                       f.severity, f.value_seen, f.message, s.outcome, f.submission_id
                from finding f join submission s on s.id = f.submission_id
                where f.report_month = ?
                order by f.file_name, f.sheet, f.row_no, f.column_index, f.id
                """, (rs, n) -> new FindingRow(rs.getLong("id"), rs.getString("department"), rs.getString("file_name"),
                rs.getString("sheet"), (Integer) rs.getObject("row_no"), rs.getString("column_name"),
                (Integer) rs.getObject("column_index"), rs.getString("rule"), rs.getString("severity"),
                rs.getString("value_seen"), rs.getString("message"), rs.getString("outcome"),
                rs.getLong("submission_id")), month);
    }

    /** A stored one-entry-per-line list. */
    private static List<String> lines(String stored) {
        return (stored == null || stored.isBlank()) ? List.of() : List.of(stored.split("\n"));
    }

    private static Submission submission(ResultSet rs) throws SQLException {
        Timestamp received = rs.getTimestamp("arrived");
        String month = hasColumn(rs, "sub_month") ? rs.getString("sub_month") : null;
        boolean detail = hasColumn(rs, "sheets_read");
        return new Submission(rs.getLong("id"), rs.getString("file_name"), rs.getString("sha256"),
                rs.getString("department"), rs.getString("outcome"), rs.getString("reasons"),
                (received != null) ? received.toLocalDateTime() : null, month,
                detail ? lines(rs.getString("sheets_read")) : List.of(),
                detail ? lines(rs.getString("sheets_skipped")) : List.of(),
                detail ? lines(rs.getString("extra_columns")) : List.of(),
                detail ? (Integer) rs.getObject("rows_read", Integer.class) : null,
                detail ? (Integer) rs.getObject("rows_merged", Integer.class) : null);
    }

    private static boolean hasColumn(ResultSet rs, String name) throws SQLException {
        var meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (name.equalsIgnoreCase(meta.getColumnLabel(i))) {
                return true;
            }
        }
        return false;
    }

    private static TaskState state(ResultSet rs, boolean withPrevious) throws SQLException {
        TaskState.Previous previous = null;
        if (withPrevious && rs.getString("prev_month") != null) {
            previous = new TaskState.Previous(rs.getString("prev_status"), date(rs, "prev_deadline"),
                    rs.getString("prev_kind"));
        }
        return new TaskState(rs.getLong("id"), rs.getString("task_code"), rs.getString("department"),
                rs.getString("category"), rs.getString("problem"), rs.getString("measure"), rs.getString("leader"),
                rs.getString("owner"), rs.getString("co_departments"), date(rs, "deadline"),
                rs.getString("deadline_text"), rs.getString("deadline_kind"), rs.getString("status"),
                rs.getString("progress"), rs.getString("evidence"), rs.getString("remarks"), rs.getString("state_month"),
                rs.getString("last_month"), previous);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return (date != null) ? date.toLocalDate() : null;
    }

    /**
     * A submission row; month is only read where it is asked for. receivedAt is when the file appeared in the
     * inbox (see intake's Arrivals), not when a nightly run happened to pick it up, so a file dropped on the due
     * day counts as on time even though the run that takes it in starts after midnight, and not its
     * modification time, which a copy keeps from the department's PC.
     */
    record Submission(long id, String fileName, String sha256, String department, String outcome, String reasons,
            LocalDateTime receivedAt, String month, List<String> sheetsRead, List<String> sheetsSkipped,
            List<String> extraColumns, Integer rowsRead, Integer rowsMerged) {

        List<String> reasonList() {
            if (this.reasons == null || this.reasons.isBlank()) {
                return List.of();
            }
            return List.of(this.reasons.split("; "));
        }

    }

    /** A finding of the month with the outcome of the file it was found in. */
    record FindingRow(long id, String department, String fileName, String sheet, Integer row, String column,
            Integer columnIndex, String rule, String severity, String value, String message, String outcome,
            long submissionId) {
    }

}
