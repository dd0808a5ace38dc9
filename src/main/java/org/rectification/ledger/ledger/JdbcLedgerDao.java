package org.rectification.ledger.ledger;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.rectification.ledger.check.CheckedSubmission;
import org.rectification.ledger.check.Finding;
import org.rectification.ledger.check.PreviousTask;
import org.rectification.ledger.check.RuleCode;
import org.rectification.ledger.check.Severity;
import org.rectification.ledger.sheet.Deadline;
import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.ReadSubmission;
import org.rectification.ledger.sheet.SheetTable;
import org.rectification.ledger.sheet.TaskKey;
import org.rectification.ledger.sheet.TaskRow;
import org.rectification.ledger.sheet.TaskStatus;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The ledger's writes: a checked submission's outcome, its findings and the merge of its valid rows into
 * the tasks and their monthly history. Called once per submission inside the chunk's transaction, so a
 * submission is recorded wholly or not at all.
 */
public class JdbcLedgerDao {

    /** Keys or ids per {@code in (...)} list: well below every driver's parameter limit. */
    private static final int IN_LIST = 500;

    /** Rows merged per set of batched statements: a large sheet is written in parts of this many tasks. */
    private static final int MERGE_BATCH = 2_000;

    /** The columns a task and its monthly row share, filled by {@link #monthValues(TaskRow)}. */
    private static final String MONTH_COLUMNS = "category, problem, measure, leader, owner, deadline, deadline_text, "
            + "deadline_kind, status, progress, evidence, remarks, source_sheet, source_row, task_code, seq, "
            + "co_departments";

    private static final int MONTH_COLUMN_COUNT = 17;

    private final JdbcTemplate jdbc;

    public JdbcLedgerDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a checked submission for a month. An accepted one supersedes the department's earlier
     * accepted submission of the same month: that one's rows for the month are replaced.
     */
    public MergeResult record(long submissionId, String month, CheckedSubmission checked, Instant checkedAt) {
        String department = checked.department();
        boolean accepted = !checked.rejected();
        Long superseded = null;
        if (accepted) {
            superseded = this.jdbc.query("select id from submission where report_month = ? and department = ? and outcome = "
                    + "'ACCEPTED' and id <> ? order by id desc", (rs) -> rs.next() ? rs.getLong(1) : null, month,
                    department, submissionId);
            if (superseded != null) {
                supersede(superseded, submissionId, month);
            }
        }
        int merged = 0;
        if (accepted) {
            List<TaskRow> rows = checked.mergeable();
            mergeRows(submissionId, month, department, rows);
            merged = rows.size();
        }
        insertFindings(submissionId, month, department, checked.fileName(), checked.findings());
        ReadSubmission read = checked.read();
        int rowsRead = (read != null) ? read.rowCount() : 0;
        // lists are stored one entry per line: sheet names and headers may contain any punctuation; every text is
        // stored whole (V4: the text columns are unbounded)
        this.jdbc.update("update submission set department = ?, outcome = ?, reasons = ?, sheets_read = ?, "
                + "sheets_skipped = ?, extra_columns = ?, rows_read = ?, rows_merged = ?, rows_rejected = ?, "
                + "filled_date = ?, checked_at = ? where id = ?", department,
                checked.setAside() ? "SET_ASIDE" : accepted ? "ACCEPTED" : "REJECTED",
                String.join("; ", checked.reasons()),
                (read != null) ? read.tables().stream().map(SheetTable::sheet).collect(Collectors.joining("\n")) : null,
                (read != null) ? read.skipped().stream().map((s) -> s.sheet() + "（" + s.reason() + "）")
                    .collect(Collectors.joining("\n")) : null,
                (read != null) ? read.tables().stream()
                    .flatMap((table) -> table.extraColumns().stream().map((column) -> table.sheet() + "!"
                            + column.letter() + "：" + column.header()))
                    .collect(Collectors.joining("\n")) : null,
                rowsRead, merged, accepted ? rowsRead - merged : rowsRead,
                (read != null && read.filledDate() != null) ? Date.valueOf(read.filledDate()) : null,
                Timestamp.from(checkedAt), submissionId);
        return new MergeResult(merged, superseded);
    }

    /** What a merge did: rows merged and the submission it superseded, if any. */
    public record MergeResult(int merged, Long superseded) {
    }

    /**
     * The latest state before {@code month} of every task of a department, keyed by task identity, for the
     * cross-month checks.
     */
    public Map<String, PreviousTask> previousMonth(String department, String month) {
        Map<String, PreviousTask> previous = new HashMap<>();
        this.jdbc.query("select t.task_key, t.task_code, tm.report_month, tm.problem, tm.measure, tm.status, tm.deadline, "
                + "tm.deadline_text from task t join task_month tm on tm.task_id = t.id where t.department = ? and "
                + "tm.department = t.department and tm.report_month = (select max(m.report_month) from task_month m where m.task_id = tm.task_id and m.report_month < ?)",
                (ResultSet rs) -> {
                    Date deadline = rs.getDate("deadline");
                    previous.put(rs.getString("task_key"), new PreviousTask(rs.getString("task_key"),
                            rs.getString("report_month"), rs.getString("task_code"), rs.getString("problem"),
                            rs.getString("measure"), TaskStatus.valueOf(rs.getString("status")),
                            (deadline != null) ? deadline.toLocalDate() : null, rs.getString("deadline_text")));
                }, department, month);
        return previous;
    }

    /**
     * The department's tasks still open before {@code month} (their latest state before it is not completed), in
     * the order of its sheet: problems as they first appeared, measures under their problem. The same tasks the
     * cross-month check expects back in the month's submission, so a sheet pre-filled with them drops none.
     */
    public List<OpenTask> openTasks(String department, String month) {
        return this.jdbc.query("select tm.task_code, tm.seq, tm.category, tm.problem, tm.measure, tm.leader, "
                + "tm.co_departments, tm.owner, tm.deadline, tm.deadline_text, tm.deadline_kind, tm.status, tm.progress, "
                + "tm.evidence, tm.remarks, tm.report_month, min(coalesce(tm.source_row, 2147483647)) over "
                + "(partition by tm.problem) as first_row from task t join task_month tm on tm.task_id = t.id "
                + "where t.department = ? and tm.department = t.department and tm.report_month = (select "
                + "max(m.report_month) from task_month m where m.task_id = tm.task_id and m.report_month < ?) "
                + "and tm.status <> 'COMPLETED' order by first_row, tm.problem, tm.source_row, t.id", (rs, n) -> {
                    Date deadline = rs.getDate("deadline");
                    String kind = rs.getString("deadline_kind");
                    return new OpenTask(rs.getString("task_code"), rs.getString("category"), rs.getString("problem"),
                            rs.getString("measure"), rs.getString("leader"), department, rs.getString("co_departments"),
                            rs.getString("owner"), (deadline != null) ? deadline.toLocalDate() : null,
                            rs.getString("deadline_text"), (kind != null) ? Deadline.Kind.valueOf(kind) : null,
                            TaskStatus.valueOf(rs.getString("status")), rs.getString("progress"),
                            rs.getString("evidence"), rs.getString("remarks"), rs.getString("report_month"));
                }, department, month);
    }

    /** A submission's findings as recorded, in the order the checks produced them. */
    public List<Finding> findingsOf(long submissionId) {
        return this.jdbc.query("select * from finding where submission_id = ? order by id", (rs, n) -> new Finding(
                rs.getString("file_name"), rs.getString("sheet"), (Integer) rs.getObject("row_no", Integer.class),
                rs.getString("column_name"), (Integer) rs.getObject("column_index", Integer.class),
                RuleCode.valueOf(rs.getString("rule")), Severity.valueOf(rs.getString("severity").toUpperCase(Locale.ROOT)),
                rs.getString("value_seen"), rs.getString("message"), rs.getString("expected")), submissionId);
    }

    /** An open task past its deadline (red in the 三色预警), as 督办 lists it. */
    public record OverdueTask(String taskCode, String department, String problem, String measure, String leader,
            String owner, LocalDate deadline, String deadlineText, TaskStatus status, String progress) {
    }

    /**
     * Every task whose deadline is before {@code asOf} and which is neither completed nor long-term (长期坚持), by
     * leader, department and deadline.
     */
    public List<OverdueTask> overdueTasks(LocalDate asOf) {
        return this.jdbc.query("select task_code, department, problem, measure, leader, owner, deadline, "
                + "deadline_text, status, progress from task where deadline is not null and deadline < ? and "
                + "status not in ('COMPLETED', 'ONGOING') and (deadline_kind is null or deadline_kind <> 'ONGOING') "
                + "order by leader, department, deadline, id", (rs, n) -> new OverdueTask(rs.getString("task_code"),
                        rs.getString("department"), rs.getString("problem"), rs.getString("measure"),
                        rs.getString("leader"), rs.getString("owner"), rs.getDate("deadline").toLocalDate(),
                        rs.getString("deadline_text"), TaskStatus.valueOf(rs.getString("status")),
                        rs.getString("progress")),
                Date.valueOf(asOf));
    }

    private void supersede(long earlier, long later, String month) {
        List<Long> touched = this.jdbc.queryForList(
                "select task_id from task_month where submission_id = ? and report_month = ?", Long.class, earlier, month);
        this.jdbc.update("delete from task_month where submission_id = ? and report_month = ?", earlier, month);
        this.jdbc.update("update submission set outcome = 'SUPERSEDED', superseded_by = ?, reasons = ? where id = ?",
                later, "SUPERSEDED", earlier);
        refreshTasks(touched);
    }

    /**
     * Merges a submission's valid rows in a few batched statements instead of several per row: look up the
     * rows' tasks, insert the new ones, replace their monthly rows, then make each task mirror its latest
     * monthly row. A task key seen twice in one sheet keeps its first position and its last row, as merging
     * row by row would.
     */
    /**
     * Merges a submission's rows. A task seen for the first time is inserted complete, mirroring its only monthly
     * row, so it needs neither the delete of an earlier row nor the refresh from its history that a known task
     * gets (the whole first month of a campaign, and every new task after it).
     */
    private void mergeRows(long submissionId, String month, String department, List<TaskRow> rows) {
        // keys and row positions only: a sheet's rows are made one at a time again when written, never all held
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byKey.put(TaskKey.of(department, rows.get(i)), i);
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(byKey.entrySet());
        for (int from = 0; from < entries.size(); from += MERGE_BATCH) {
            mergeBatch(submissionId, month, department, rows, entries.subList(from,
                    Math.min(entries.size(), from + MERGE_BATCH)));
        }
    }

    private void mergeBatch(long submissionId, String month, String department, List<TaskRow> rows,
            List<Map.Entry<String, Integer>> batch) {
        List<String> keys = batch.stream().map(Map.Entry::getKey).toList();
        Map<String, Long> ids = taskIds(keys);
        List<Long> known = new ArrayList<>(ids.values());
        List<String> newKeys = new ArrayList<>();
        List<Object[]> newTasks = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : batch) {
            if (!ids.containsKey(entry.getKey())) {
                TaskRow row = rows.get(entry.getValue());
                boolean completed = status(row) == TaskStatus.COMPLETED;
                newKeys.add(entry.getKey());
                newTasks.add(concat(new Object[] { entry.getKey(), department, month, month,
                        completed ? month : null, submissionId }, monthValues(row)));
            }
        }
        if (!newTasks.isEmpty()) {
            List<Long> newIds = insertReturningIds("insert into task (task_key, department, first_month, last_month, "
                    + "completed_month, submission_id, " + MONTH_COLUMNS + ") values ("
                    + placeholders(6 + MONTH_COLUMN_COUNT) + ")", newTasks);
            for (int i = 0; i < newKeys.size(); i++) {
                ids.put(newKeys.get(i), newIds.get(i));
            }
        }
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : batch) {
            long taskId = ids.get(entry.getKey());
            inserts.add(concat(new Object[] { taskId, month, submissionId, department },
                    monthValues(rows.get(entry.getValue()))));
        }
        for (Long taskId : known) {
            deletes.add(new Object[] { taskId, month });
        }
        if (!deletes.isEmpty()) {
            this.jdbc.batchUpdate("delete from task_month where task_id = ? and report_month = ?", deletes);
        }
        this.jdbc.batchUpdate("insert into task_month (task_id, report_month, submission_id, department, "
                + MONTH_COLUMNS + ") values (" + placeholders(4 + MONTH_COLUMN_COUNT) + ")", inserts);
        if (!known.isEmpty()) {
            refreshTasks(known);
        }
    }

    /** Batch-inserts rows and returns their generated ids, in the order of the rows. */
    private List<Long> insertReturningIds(String sql, List<Object[]> rows) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        this.jdbc.batchUpdate((connection) -> connection.prepareStatement(sql, new String[] { "id" }),
                new BatchPreparedStatementSetter() {

                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        Object[] row = rows.get(i);
                        for (int p = 0; p < row.length; p++) {
                            StatementCreatorUtils.setParameterValue(statement, p + 1, SqlTypeValue.TYPE_UNKNOWN,
                                    row[p]);
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }

                }, keys);
        List<Long> ids = keys.getKeyList().stream().map((key) -> ((Number) key.values().iterator().next()).longValue())
            .toList();
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("Expected " + rows.size() + " generated ids, got " + ids.size());
        }
        return ids;
    }

    /** What a row says of its task, in the order of {@link #MONTH_COLUMNS}. */
    private static Object[] monthValues(TaskRow row) {
        Deadline deadline = row.deadline();
        return new Object[] { text(row, Field.CATEGORY), row.seen(Field.PROBLEM), row.seen(Field.MEASURE),
                text(row, Field.LEADER), text(row, Field.OWNER),
                (deadline != null && deadline.date() != null) ? Date.valueOf(deadline.date()) : null,
                (deadline != null) ? deadline.text() : null,
                (deadline != null) ? deadline.kind().name() : null, status(row).name(), text(row, Field.PROGRESS),
                text(row, Field.EVIDENCE), text(row, Field.REMARKS), row.sheet(), row.rowNumber(),
                text(row, Field.TASK_CODE), text(row, Field.SEQUENCE), text(row, Field.CO_DEPARTMENTS) };
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static TaskStatus status(TaskRow row) {
        return (row.status() != null) ? row.status() : TaskStatus.NOT_STARTED;
    }

    /** The ids of those of the given task keys that are in the ledger. */
    private Map<String, Long> taskIds(Collection<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            this.jdbc.query("select id, task_key from task where task_key in (" + placeholders(part.size()) + ")",
                    (ResultSet rs) -> {
                        ids.put(rs.getString(2), rs.getLong(1));
                    }, part.toArray());
        }
        return ids;
    }

    /**
     * Makes each task mirror its latest monthly row; completed_month is the first month of its final run of
     * completed months (销号月份). A task with no monthly row left (its only submission was superseded) goes.
     */
    private void refreshTasks(Collection<Long> taskIds) {
        List<Long> all = List.copyOf(new LinkedHashSet<>(taskIds));
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            Map<Long, List<String[]>> histories = new HashMap<>();
            this.jdbc.query("select task_id, report_month, status from task_month where task_id in ("
                    + placeholders(part.size()) + ") order by task_id, report_month desc", (ResultSet rs) -> {
                        histories.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
                            .add(new String[] { rs.getString(2), rs.getString(3) });
                    }, part.toArray());
            for (Long taskId : part) {
                List<String[]> history = histories.get(taskId);
                if (history == null) {
                    deletes.add(new Object[] { taskId });
                    continue;
                }
                String completedMonth = null;
                for (String[] entry : history) {
                    if (!TaskStatus.COMPLETED.name().equals(entry[1])) {
                        break;
                    }
                    completedMonth = entry[0];
                }
                String firstMonth = history.get(history.size() - 1)[0];
                updates.add(new Object[] { taskId, history.get(0)[0], firstMonth, completedMonth, taskId });
            }
        }
        if (!updates.isEmpty()) {
            this.jdbc.batchUpdate("update task set (task_code, seq, category, problem, measure, leader, co_departments, owner, "
                    + "deadline, deadline_text, deadline_kind, status, progress, evidence, remarks, last_month, "
                    + "submission_id, source_sheet, source_row) = (select tm.task_code, tm.seq, tm.category, tm.problem, "
                    + "tm.measure, tm.leader, tm.co_departments, tm.owner, tm.deadline, tm.deadline_text, tm.deadline_kind, "
                    + "tm.status, tm.progress, tm.evidence, tm.remarks, tm.report_month, tm.submission_id, tm.source_sheet, "
                    + "tm.source_row from task_month tm where tm.task_id = ? and tm.report_month = ?), first_month = ?, "
                    + "completed_month = ? where id = ?", updates);
        }
        if (!deletes.isEmpty()) {
            this.jdbc.batchUpdate("delete from task where id = ?", deletes);
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private void insertFindings(long submissionId, String month, String department, String fileName,
            List<Finding> findings) {
        this.jdbc.update("delete from finding where submission_id = ?", submissionId);
        List<Object[]> batch = new ArrayList<>();
        for (Finding f : findings) {
            batch.add(new Object[] { submissionId, month, department, fileName, f.sheet(), f.row(),
                    f.column(), f.columnIndex(), f.rule().name(), f.severity().code(), f.value(), f.message(),
                    f.expected() });
        }
        if (!batch.isEmpty()) {
            this.jdbc.batchUpdate("insert into finding (submission_id, report_month, department, file_name, sheet, row_no, "
                    + "column_name, column_index, rule, severity, value_seen, message, expected) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
        }
    }

    private static String text(TaskRow row, Field field) {
        String value = row.value(field);
        return (value == null || value.isEmpty()) ? null : value;
    }


}
