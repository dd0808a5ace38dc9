package org.rectification.ledger.ledger;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.rectification.ledger.check.CheckedSubmission;
import org.rectification.ledger.check.Finding;
import org.rectification.ledger.check.PreviousTask;
import org.rectification.ledger.check.RuleCode;
import org.rectification.ledger.check.Severity;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.intake.Submission;
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
 * The one owner of the tables {@code task}, {@code task_month} and {@code finding}: records a checked submission
 * (its findings, the merge of its valid rows into the tasks and their monthly history, and through intake's DAO
 * its outcome), and reads them back for the checks, the templates, the notices, the mails and the reports. A
 * submission is recorded inside the chunk's transaction, so it is recorded wholly or not at all.
 */
public class JdbcLedgerDao {

    /** Keys or ids per {@code in (...)} or {@code values} list: well below every driver's parameter limit. */
    private static final int IN_LIST = 500;

    /** Rows of a sheet up to which its task keys are held as texts while it is merged (a few MB). */
    private static final int KEYS_HELD = 10_000;

    /** Rows merged per set of batched statements: a large sheet is written in parts of this many tasks. */
    private static final int MERGE_BATCH = 2_000;

    /**
     * Rows of a large sheet merged as one part in the order of their task keys (see {@link #rowsToWrite}). The keys
     * are hashes: in sheet order each new task lands at a random place of the index on (department, task key), and
     * H2 stores every page the open transaction has touched each time it writes out, then each again at commit; a
     * sheet of 200,000 rows rewrote that index dozens of times, for a 1.5 GB file. Sorted whole, the index grows at
     * its end, but the tasks' ids (and so the order the ledger's queries read them in) follow the keys, and sorting a
     * department's tasks by sheet row then costs as much again. Parts of this size keep both near their best
     * (measured at 200,000 rows: merge 8 s against 19 s unsorted, a sorted read 2.6 s against 1.6 s unsorted and
     * 10.6 s sorted whole).
     */
    private static final int KEY_ORDER_PART = 20_000;

    /** The columns a task and its monthly row share, filled by {@link #monthValues(TaskRow)}. */
    private static final String MONTH_COLUMNS = "category, problem, measure, leader, owner, deadline, deadline_text, "
            + "deadline_kind, status, progress, evidence, remarks, source_sheet, source_row, task_code, seq, "
            + "co_departments";

    private static final int MONTH_COLUMN_COUNT = 17;

    /** Rows fetched at a time by the queries that stream a department's tasks, so a large ledger is never held whole. */
    private static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;

    /** The same database, fetching {@link #FETCH_SIZE} rows at a time. */
    private final JdbcTemplate streaming;

    private final JdbcSubmissionDao submissions;

    public JdbcLedgerDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        this.submissions = new JdbcSubmissionDao(jdbc);
    }

    /**
     * Records a checked submission for a month. An accepted one supersedes the department's earlier
     * accepted submission of the same month: that one's rows for the month are replaced.
     */
    public MergeResult record(long submissionId, YearMonth month, CheckedSubmission checked, Instant checkedAt) {
        String department = checked.department();
        boolean accepted = !checked.rejected();
        Long superseded = null;
        if (accepted) {
            superseded = this.submissions.acceptedBefore(month, department, submissionId).orElse(null);
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
        this.submissions.recordCheck(submissionId, new JdbcSubmissionDao.CheckResult(department,
                checked.setAside() ? Outcome.SET_ASIDE : accepted ? Outcome.ACCEPTED : Outcome.REJECTED,
                checked.reasons(),
                (read != null) ? read.tables().stream().map(SheetTable::sheet).toList() : null,
                (read != null) ? read.skipped().stream().map((s) -> s.sheet() + "（" + s.reason() + "）").toList() : null,
                (read != null) ? read.tables().stream()
                    .flatMap((table) -> table.extraColumns().stream().map((column) -> table.sheet() + "!"
                            + column.letter() + "：" + column.header()))
                    .toList() : null,
                rowsRead, merged, accepted ? rowsRead - merged : rowsRead,
                (read != null) ? read.filledDate() : null, checkedAt));
        return new MergeResult(merged, superseded);
    }

    /** What a merge did: rows merged and the submission it superseded, if any. */
    public record MergeResult(int merged, Long superseded) {
    }

    /**
     * The latest state before {@code month} of every task of a department, keyed by task identity, for the
     * cross-month checks.
     */
    public Map<String, PreviousTask> previousMonth(String department, YearMonth month) {
        Map<String, PreviousTask> previous = new HashMap<>();
        this.jdbc.query("select t.task_key, t.task_code, tm.report_month, tm.problem, tm.measure, tm.status, tm.deadline, "
                + "tm.deadline_text from task t join task_month tm on tm.task_id = t.id where t.department = ? and "
                + "tm.department = t.department and tm.report_month = (select max(m.report_month) from task_month m where m.task_id = tm.task_id and m.report_month < ?)",
                (ResultSet rs) -> {
                    Date deadline = rs.getDate("deadline");
                    previous.put(rs.getString("task_key"), new PreviousTask(rs.getString("task_key"),
                            YearMonth.parse(rs.getString("report_month")), rs.getString("task_code"), rs.getString("problem"),
                            rs.getString("measure"), TaskStatus.valueOf(rs.getString("status")),
                            (deadline != null) ? deadline.toLocalDate() : null, rs.getString("deadline_text")));
                }, department, month.toString());
        return previous;
    }

    /**
     * The department's tasks still open before {@code month} (their latest state before it is not completed), in
     * the order of its sheet: problems as they first appeared, measures under their problem. The same tasks the
     * cross-month check expects back in the month's submission, so a sheet pre-filled with them drops none.
     */
    public List<OpenTask> openTasks(String department, YearMonth month) {
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
                            rs.getString("evidence"), rs.getString("remarks"),
                            YearMonth.parse(rs.getString("report_month")));
                }, department, month.toString());
    }

    /** A submission's findings as recorded, in the order the checks produced them. */
    public List<Finding> findingsOf(long submissionId) {
        return this.jdbc.query("select * from finding where submission_id = ? order by id", (rs, n) -> finding(rs),
                submissionId);
    }

    /** An open task past its deadline (red in the 三色预警), as 督办 lists it. */
    public record OverdueTask(String taskCode, String department, String problem, String measure, String leader,
            String owner, LocalDate deadline, String deadlineText, TaskStatus status, String progress) {
    }

    /**
     * Every task whose deadline is before {@code asOf} and which is neither completed nor long-term (长期坚持), by
     * leader, department and deadline, then in the order of the department's sheet.
     */
    public List<OverdueTask> overdueTasks(LocalDate asOf) {
        return this.jdbc.query("select task_code, department, problem, measure, leader, owner, deadline, "
                + "deadline_text, status, progress from task where deadline is not null and deadline < ? and "
                + "status not in ('COMPLETED', 'ONGOING') and (deadline_kind is null or deadline_kind <> 'ONGOING') "
                + "order by leader, department, deadline, source_row, id", (rs, n) -> new OverdueTask(rs.getString("task_code"),
                        rs.getString("department"), rs.getString("problem"), rs.getString("measure"),
                        rs.getString("leader"), rs.getString("owner"), rs.getDate("deadline").toLocalDate(),
                        rs.getString("deadline_text"), TaskStatus.valueOf(rs.getString("status")),
                        rs.getString("progress")),
                Date.valueOf(asOf));
    }

    private void supersede(long earlier, long later, YearMonth month) {
        List<Long> touched = this.jdbc.queryForList(
                "select task_id from task_month where submission_id = ? and report_month = ?", Long.class, earlier,
                month.toString());
        this.jdbc.update("delete from task_month where submission_id = ? and report_month = ?", earlier,
                month.toString());
        this.submissions.markSuperseded(earlier, later);
        refreshTasks(touched);
    }

    /**
     * Merges a submission's valid rows in a few batched statements instead of several per row: look up the
     * rows' tasks, insert the new ones, replace their monthly rows, then make each task mirror its latest
     * monthly row. A task key seen twice in one sheet keeps its last row, as merging row by row would. A task seen
     * for the first time is inserted complete, mirroring its only monthly row, so it needs neither the delete of an
     * earlier row nor the refresh from its history that a known task gets (the whole first month of a campaign, and
     * every new task after it).
     *
     * <p>A large sheet is merged in parts of {@link #KEY_ORDER_PART} rows in sheet order, each part in the order of
     * its task keys (see {@link #rowsToWrite}).
     */
    private void mergeRows(long submissionId, YearMonth month, String department, List<TaskRow> rows) {
        if (rows.size() <= KEYS_HELD) {
            // a sheet of usual size: its keys are held, each made once
            Map<String, Integer> byKey = new LinkedHashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                byKey.put(TaskKey.of(department, rows.get(i)), i);
            }
            List<Map.Entry<String, Integer>> entries = new ArrayList<>(byKey.entrySet());
            for (int from = 0; from < entries.size(); from += MERGE_BATCH) {
                List<Map.Entry<String, Integer>> part = entries.subList(from,
                        Math.min(entries.size(), from + MERGE_BATCH));
                mergeBatch(submissionId, month, department, part.stream().map(Map.Entry::getKey).toList(),
                        part.stream().map((entry) -> rows.get(entry.getValue())).toList());
            }
            return;
        }
        // row positions only: a large sheet's rows are made from its cells again, a batch at a time, never all held
        int[] written = rowsToWrite(department, rows);
        for (int from = 0; from < written.length; from += MERGE_BATCH) {
            List<String> keys = new ArrayList<>(MERGE_BATCH);
            List<TaskRow> batchRows = new ArrayList<>(MERGE_BATCH);
            for (int i = from; i < Math.min(written.length, from + MERGE_BATCH); i++) {
                TaskRow row = rows.get(written[i]);
                keys.add(TaskKey.of(department, row));
                batchRows.add(row);
            }
            mergeBatch(submissionId, month, department, keys, batchRows);
        }
    }

    /**
     * Which rows are written, and in what order: one per task, the last row of a task that appears twice (as a map
     * of keys would keep it), in parts of {@link #KEY_ORDER_PART} rows in the order their tasks first appear, each
     * part sorted by task key. A million keys do not fit the heap as strings: each row's key is held as 8 bytes of
     * its hash, and only the rows whose 8 bytes repeat are compared by their keys.
     */
    private static int[] rowsToWrite(String department, List<TaskRow> rows) {
        long[] hashes = new long[rows.size()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = Long.parseUnsignedLong(TaskKey.of(department, rows.get(i)).substring(0, 16), 16);
        }
        long[] sorted = hashes.clone();
        Arrays.sort(sorted);
        Set<Long> repeated = new HashSet<>();
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                repeated.add(sorted[i]);
            }
        }
        sorted = null;
        Map<String, Integer> lastOfRepeated = new LinkedHashMap<>();
        if (!repeated.isEmpty()) {
            for (int i = 0; i < hashes.length; i++) {
                if (repeated.contains(hashes[i])) {
                    lastOfRepeated.put(TaskKey.of(department, rows.get(i)), i);
                }
            }
        }
        int[] written = new int[hashes.length];
        int count = 0;
        Set<String> done = new HashSet<>();
        for (int i = 0; i < hashes.length; i++) {
            if (!repeated.contains(hashes[i])) {
                written[count++] = i;
                continue;
            }
            String key = TaskKey.of(department, rows.get(i));
            if (done.add(key)) {
                written[count++] = lastOfRepeated.get(key);
            }
        }
        written = Arrays.copyOf(written, count);
        // the low bits that hold a position: 20 for a sheet at Excel's row limit, more for a workbook of several
        long positionMask = (1L << (32 - Integer.numberOfLeadingZeros(hashes.length))) - 1;
        for (int from = 0; from < written.length; from += KEY_ORDER_PART) {
            sortByKey(written, from, Math.min(written.length, from + KEY_ORDER_PART), hashes, positionMask);
        }
        return written;
    }

    /**
     * Sorts positions {@code from} to {@code to} by their keys' hashes (the keys' leading hex digits, so the keys'
     * own order) without a boxed comparator: each position is packed into the low bits ({@code positionMask}) under
     * the rest of its hash, 33 bits or more, which order the keys closely enough for the index. The sign bit is
     * flipped so the signed sort orders the hashes as unsigned numbers, as their hex digits compare.
     */
    private static void sortByKey(int[] positions, int from, int to, long[] hashes, long positionMask) {
        long[] packed = new long[to - from];
        for (int i = 0; i < packed.length; i++) {
            int position = positions[from + i];
            packed[i] = ((hashes[position] ^ Long.MIN_VALUE) & ~positionMask) | position;
        }
        Arrays.sort(packed);
        for (int i = 0; i < packed.length; i++) {
            positions[from + i] = (int) (packed[i] & positionMask);
        }
    }

    /** Merges a batch of rows, each with its task key, in the order given. */
    private void mergeBatch(long submissionId, YearMonth month, String department, List<String> keys,
            List<TaskRow> batchRows) {
        Map<String, Long> ids = taskIds(department, keys);
        List<Long> known = new ArrayList<>(ids.values());
        // in id order, not the map's: the deletes and refreshes below then walk the tables' pages front to back
        Collections.sort(known);
        List<String> newKeys = new ArrayList<>();
        List<Object[]> newTasks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (!ids.containsKey(key)) {
                TaskRow row = batchRows.get(i);
                boolean completed = status(row) == TaskStatus.COMPLETED;
                newKeys.add(key);
                newTasks.add(concat(new Object[] { key, department, month.toString(), month.toString(),
                        completed ? month.toString() : null, submissionId }, monthValues(row)));
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
        for (int i = 0; i < keys.size(); i++) {
            long taskId = ids.get(keys.get(i));
            inserts.add(concat(new Object[] { taskId, month.toString(), submissionId, department },
                    monthValues(batchRows.get(i))));
        }
        for (Long taskId : known) {
            deletes.add(new Object[] { taskId, month.toString() });
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

    /** The ids of those of the department's given task keys that are in the ledger. */
    private Map<String, Long> taskIds(String department, Collection<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            List<Object> arguments = new ArrayList<>(part);
            arguments.add(department);
            // joined to a list of the keys, not "task_key in (...)": H2 seeks an IN list only on an index's first
            // column, and would read every task of the department for each batch
            this.jdbc.query("select t.id, t.task_key from (values " + String.join(", ",
                    Collections.nCopies(part.size(), "(cast(? as varchar(64)))")) + ") as wanted (task_key) join task t "
                    + "on t.department = ? and t.task_key = wanted.task_key", (ResultSet rs) -> {
                        ids.put(rs.getString(2), rs.getLong(1));
                    }, arguments.toArray());
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

    private void insertFindings(long submissionId, YearMonth month, String department, String fileName,
            List<Finding> findings) {
        this.jdbc.update("delete from finding where submission_id = ?", submissionId);
        // in batches like the rows: a sheet of a million rows can have hundreds of thousands of findings
        for (int from = 0; from < findings.size(); from += MERGE_BATCH) {
            List<Object[]> batch = new ArrayList<>();
            for (Finding f : findings.subList(from, Math.min(findings.size(), from + MERGE_BATCH))) {
                batch.add(new Object[] { submissionId, month.toString(), department, fileName, f.sheet(), f.row(),
                        f.column(), f.columnIndex(), f.rule().name(), f.severity().code(), f.value(), f.message(),
                        f.expected() });
            }
            this.jdbc.batchUpdate("insert into finding (submission_id, report_month, department, file_name, sheet, row_no, "
                    + "column_name, column_index, rule, severity, value_seen, message, expected) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
        }
    }

    private static String text(TaskRow row, Field field) {
        String value = row.value(field);
        return (value == null || value.isEmpty()) ? null : value;
    }

    // ---- the findings, read back ---------------------------------------------------------------------------------

    /** The month's findings, by file, sheet, row and column. */
    public List<RecordedFinding> findingsIn(YearMonth month) {
        return this.jdbc.query("select * from finding where report_month = ? "
                + "order by file_name, sheet, row_no, column_index, id", (rs, n) -> new RecordedFinding(rs.getLong("id"),
                        rs.getLong("submission_id"), YearMonth.parse(rs.getString("report_month")),
                        rs.getString("department"), finding(rs)), month.toString());
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        return new Finding(rs.getString("file_name"), rs.getString("sheet"), rs.getObject("row_no", Integer.class),
                rs.getString("column_name"), rs.getObject("column_index", Integer.class),
                RuleCode.valueOf(rs.getString("rule")), Severity.valueOf(rs.getString("severity").toUpperCase(Locale.ROOT)),
                rs.getString("value_seen"), rs.getString("message"), rs.getString("expected"));
    }

    /** Checked submissions of a month with findings whose return notice is still to be written, oldest first. */
    public List<Submission> needingNotice(YearMonth month) {
        List<Submission> checked = this.submissions.checkedInInbox(month);
        Set<Long> withFindings = new HashSet<>();
        List<Long> ids = checked.stream().map(Submission::id).toList();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            withFindings.addAll(this.jdbc.queryForList("select distinct submission_id from finding where submission_id in ("
                    + placeholders(part.size()) + ")", Long.class, part.toArray()));
        }
        return checked.stream().filter((submission) -> withFindings.contains(submission.id())).toList();
    }

    // ---- the tasks, as the reports read them ----------------------------------------------------------------------

    private static final String PROBLEM_ORDER = "min(coalesce(%s.source_row, 2147483647)) over (partition by %s.problem) as first_row";

    /**
     * Tasks of one department past which its ledger order is its sheet's row order alone: H2 holds a window
     * function's rows in memory whole, and a department of a million tasks (one sheet at Excel's row limit) does not
     * fit. Its problems are then grouped only where they follow one another in the sheet, as they do when a problem
     * cell is merged over its measures.
     */
    static final int WINDOW_ORDER_TASKS = 100_000;

    private static final String ROW_ORDER = "coalesce(%1$s.source_row, 2147483647) as first_row";

    private static final String MONTH_STATE_SELECT = """
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
            """;

    private static final String MONTH_STATE = MONTH_STATE_SELECT.formatted(PROBLEM_ORDER.formatted("c", "c"));

    private static final String MONTH_STATE_BY_ROW = MONTH_STATE_SELECT.formatted(ROW_ORDER.formatted("c"));

    private static final String LATEST_STATE_SELECT = """
            select t.id, t.task_code, t.co_departments, t.last_month, t.last_month as state_month, t.department, t.category,
                   t.problem, t.measure, t.leader, t.owner, t.deadline, t.deadline_text, t.deadline_kind, t.status,
                   t.progress, t.evidence, t.remarks, t.source_row, %s
            from task t
            where t.department = ?
            order by first_row, t.problem, t.source_row, t.id
            """;

    private static final String LATEST_STATE = LATEST_STATE_SELECT.formatted(PROBLEM_ORDER.formatted("t", "t"));

    private static final String LATEST_STATE_BY_ROW = LATEST_STATE_SELECT.formatted(ROW_ORDER.formatted("t"));

    private static final String HISTORY_SELECT = """
            select t.id, t.task_code, t.co_departments, t.last_month, h.report_month as state_month, t.department, h.category, t.problem,
                   t.measure, h.leader, h.owner, h.deadline, h.deadline_text, h.deadline_kind, h.status, h.progress,
                   h.evidence, h.remarks, %s
            from task t
            join task_month h on h.task_id = t.id
            where t.department = ?
            order by first_row, t.problem, t.source_row, t.id, h.report_month
            """;

    private static final String HISTORY = HISTORY_SELECT.formatted(PROBLEM_ORDER.formatted("t", "t"));

    private static final String HISTORY_BY_ROW = HISTORY_SELECT.formatted(ROW_ORDER.formatted("t"));

    /**
     * The month's task figures of every department in one statement: a task's state is its latest row up to the
     * month and its previous state the latest row before the month, found as {@link #MONTH_STATE} finds them.
     * Problems are counted distinct. Rows are joined through the primary key, not ranked with window functions,
     * which H2 holds in memory whole.
     */
    private static final String MONTH_FIGURES = """
            select department, count(distinct problem) as problems, count(*) as tasks,
                   sum(case when status = 'COMPLETED' then 1 else 0 end) as completed,
                   sum(case when status = 'IN_PROGRESS' then 1 else 0 end) as in_progress,
                   sum(case when status = 'ONGOING' then 1 else 0 end) as ongoing,
                   sum(overdue_now) as overdue,
                   sum(case when overdue_now = 1 and overdue_before = 0 then 1 else 0 end) as newly_overdue,
                   sum(case when status = 'COMPLETED' and state_month = ?
                            and (prev_month is null or prev_status <> 'COMPLETED') then 1 else 0 end) as closed,
                   sum(case when prev_month is not null then 1 else 0 end) as previous_tasks,
                   sum(case when prev_status = 'COMPLETED' then 1 else 0 end) as previous_completed
            from (
                select t.department, c.problem, c.status, c.report_month as state_month,
                       p.report_month as prev_month, p.status as prev_status,
                       case when c.deadline is not null and c.deadline < ? and c.status not in ('COMPLETED', 'ONGOING')
                            and coalesce(c.deadline_kind, '') <> 'ONGOING' then 1 else 0 end as overdue_now,
                       case when p.report_month is not null and p.deadline is not null and p.deadline < ?
                            and p.status not in ('COMPLETED', 'ONGOING')
                            and coalesce(p.deadline_kind, '') <> 'ONGOING' then 1 else 0 end as overdue_before
                from task t
                join task_month c on c.task_id = t.id
                     and c.report_month = (select max(x.report_month) from task_month x where x.task_id = t.id and x.report_month <= ?)
                left join task_month p on p.task_id = t.id
                     and p.report_month = (select max(y.report_month) from task_month y where y.task_id = t.id and y.report_month < ?)
            ) judged
            group by department
            """;

    /** Whether the department's tasks are too many to be ordered by problem (see {@link #WINDOW_ORDER_TASKS}). */
    private boolean byRow(String department) {
        Integer tasks = this.jdbc.queryForObject("select count(*) from task where department = ?", Integer.class,
                department);
        return tasks != null && tasks > WINDOW_ORDER_TASKS;
    }

    /** Departments that have tasks, by name. */
    public List<String> departmentsWithTasks() {
        return this.jdbc.queryForList("select distinct department from task order by department", String.class);
    }

    /**
     * Each task of the department as it stood in the month, with its state of the month before, streamed in ledger
     * order: problems in the order they first appear in the department's sheet, measures under their problem.
     */
    public void monthStates(String department, YearMonth month, Consumer<TaskMonth> each) {
        this.streaming.query(byRow(department) ? MONTH_STATE_BY_ROW : MONTH_STATE, (ResultSet rs) -> {
            each.accept(taskMonth(rs, true));
        }, month.toString(), month.toString(), department);
    }

    /** Each task of the department with its latest state, streamed in ledger order. */
    public void latestStates(String department, Consumer<TaskMonth> each) {
        this.streaming.query(byRow(department) ? LATEST_STATE_BY_ROW : LATEST_STATE, (ResultSet rs) -> {
            each.accept(taskMonth(rs, false));
        }, department);
    }

    /** Every monthly state of every task of the department, streamed task by task in ledger order, oldest month first. */
    public void history(String department, Consumer<TaskMonth> each) {
        this.streaming.query(byRow(department) ? HISTORY_BY_ROW : HISTORY, (ResultSet rs) -> {
            each.accept(taskMonth(rs, false));
        }, department);
    }

    /**
     * The month's figures of every department with tasks, keyed by department, computed by the database in one
     * statement.
     *
     * @param asOf the day overdue is judged on
     * @param previousMonthEnd the day the state before the month is judged on
     */
    public Map<String, DepartmentFigures> monthFigures(YearMonth month, LocalDate asOf, LocalDate previousMonthEnd) {
        Map<String, DepartmentFigures> figures = new HashMap<>();
        this.streaming.query(MONTH_FIGURES, (ResultSet rs) -> {
            DepartmentFigures department = new DepartmentFigures(rs.getString("department"), rs.getInt("problems"),
                    rs.getInt("tasks"), rs.getInt("completed"), rs.getInt("in_progress"), rs.getInt("ongoing"),
                    rs.getInt("overdue"), rs.getInt("newly_overdue"), rs.getInt("closed"), rs.getInt("previous_tasks"),
                    rs.getInt("previous_completed"));
            figures.put(department.department(), department);
        }, month.toString(), Date.valueOf(asOf), Date.valueOf(previousMonthEnd), month.toString(), month.toString());
        return figures;
    }

    private static TaskMonth taskMonth(ResultSet rs, boolean withPrevious) throws SQLException {
        TaskMonth.Previous previous = null;
        if (withPrevious && rs.getString("prev_month") != null) {
            previous = new TaskMonth.Previous(TaskStatus.valueOf(rs.getString("prev_status")),
                    localDate(rs, "prev_deadline"), kind(rs.getString("prev_kind")));
        }
        return new TaskMonth(rs.getLong("id"), rs.getString("task_code"), rs.getString("department"),
                rs.getString("category"), rs.getString("problem"), rs.getString("measure"), rs.getString("leader"),
                rs.getString("owner"), rs.getString("co_departments"), localDate(rs, "deadline"),
                rs.getString("deadline_text"), kind(rs.getString("deadline_kind")),
                TaskStatus.valueOf(rs.getString("status")), rs.getString("progress"), rs.getString("evidence"),
                rs.getString("remarks"), YearMonth.parse(rs.getString("state_month")),
                YearMonth.parse(rs.getString("last_month")), previous);
    }

    private static Deadline.Kind kind(String stored) {
        return (stored != null) ? Deadline.Kind.valueOf(stored) : null;
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return (date != null) ? date.toLocalDate() : null;
    }

    // ---- a bulk load ----------------------------------------------------------------------------------------------

    /**
     * A task reported in one month only, written whole with its id by a bulk load of a large ledger (the bench).
     *
     * @param key the task's identity ({@code task_key})
     * @param submissionId the accepted submission it came from
     */
    public record LoadedTask(long id, String key, String department, String problem, String measure, String leader,
            String owner, LocalDate deadline, String deadlineText, Deadline.Kind deadlineKind, TaskStatus status,
            String progress, String evidence, YearMonth month, long submissionId, String sourceSheet, int sourceRow) {
    }

    /** Writes many tasks, each with its one monthly row, in one batch. */
    public void load(List<LoadedTask> tasks) {
        List<Object[]> taskRows = new ArrayList<>(tasks.size());
        List<Object[]> monthRows = new ArrayList<>(tasks.size());
        for (LoadedTask t : tasks) {
            String month = t.month().toString();
            Date deadline = (t.deadline() != null) ? Date.valueOf(t.deadline()) : null;
            String kind = (t.deadlineKind() != null) ? t.deadlineKind().name() : null;
            taskRows.add(new Object[] { t.id(), t.key(), t.department(), t.problem(), t.measure(), t.leader(),
                    t.owner(), deadline, t.deadlineText(), kind, t.status().name(), t.progress(), t.evidence(), month,
                    month, (t.status() == TaskStatus.COMPLETED) ? month : null, t.submissionId(), t.sourceSheet(),
                    t.sourceRow() });
            monthRows.add(new Object[] { t.id(), month, t.submissionId(), t.department(), t.problem(), t.measure(),
                    t.leader(), t.owner(), deadline, t.deadlineText(), kind, t.status().name(), t.progress(),
                    t.evidence(), t.sourceSheet(), t.sourceRow() });
        }
        this.jdbc.batchUpdate("insert into task (id, task_key, department, problem, measure, leader, owner, "
                + "deadline, deadline_text, deadline_kind, status, progress, evidence, first_month, "
                + "last_month, completed_month, submission_id, source_sheet, source_row) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", taskRows);
        this.jdbc.batchUpdate("insert into task_month (task_id, report_month, submission_id, department, problem, "
                + "measure, leader, owner, deadline, deadline_text, deadline_kind, status, progress, "
                + "evidence, source_sheet, source_row) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                monthRows);
    }

    /** How many tasks the ledger holds. */
    public long taskCount() {
        return this.jdbc.queryForObject("select count(*) from task", Long.class);
    }

}
