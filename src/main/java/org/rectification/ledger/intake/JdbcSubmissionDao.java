package org.rectification.ledger.intake;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The one owner of the {@code submission} table: registers submissions at intake, records what their check
 * decided and where their files were moved, and lists them for the notices, the reports and the console.
 */
public class JdbcSubmissionDao {

    /** When the file appeared in the inbox; rows from before arrival was recorded have their modification time. */
    private static final String ARRIVED = "coalesce(arrived_at, file_modified)";

    private static final String COLUMNS = "id, sha256, file_name, inbox_path, report_month, department, outcome, moved_to, "
            + "notice_path, set_aside, set_aside_reason, reasons, sheets_read, sheets_skipped, extra_columns, rows_read, "
            + "rows_merged, " + ARRIVED + " as arrived";

    /** Ids per {@code in (...)} list: well below every driver's parameter limit. */
    private static final int IN_LIST = 500;

    /** How the reasons of a submission are joined in their one column. */
    private static final String REASON_SEPARATOR = "; ";

    private final JdbcTemplate jdbc;

    public JdbcSubmissionDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every submission with these bytes, oldest first. */
    public List<Submission> findBySha256(String sha256) {
        return this.jdbc.query("select " + COLUMNS + " from submission where sha256 = ? order by id", this::map, sha256);
    }

    /** The submission not yet moved out of the inbox whose file lies at this place, if any. */
    public Optional<Submission> unmovedAt(Path inboxPath) {
        return this.jdbc.query("select " + COLUMNS + " from submission where inbox_path = ? and moved_to is null "
                + "order by id", this::map, inboxPath.toAbsolutePath().toString()).stream().findFirst();
    }

    /** Whether a file in archive/, rejected/ or out/ is some submission's moved file or return notice. */
    public boolean isClaimed(Path file) {
        String path = file.toAbsolutePath().toString();
        Integer count = this.jdbc.queryForObject("select count(*) from submission where moved_to = ? or notice_path = ?",
                Integer.class, path, path);
        return count != null && count > 0;
    }

    /**
     * Registers an inbox entry; one the scanner or intake set aside ({@code file.setAside()}) carries its reason and
     * no content hash.
     */
    public long register(InboxScanner.InboxFile file, String sha256, YearMonth month, Outcome outcome, Long duplicateOf,
            String department, long jobExecutionId, Instant receivedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        SetAside setAside = file.setAside();
        this.jdbc.update((connection) -> {
            var statement = connection.prepareStatement("insert into submission (sha256, file_name, inbox_path, "
                    + "file_size, file_modified, report_month, department, outcome, duplicate_of, received_at, job_execution_id, "
                    + "set_aside, set_aside_reason, arrived_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
            statement.setString(1, sha256);
            statement.setString(2, file.path().getFileName().toString());
            statement.setString(3, file.path().toAbsolutePath().toString());
            statement.setLong(4, file.size());
            statement.setTimestamp(5, Timestamp.from(file.modified()));
            statement.setString(6, month.toString());
            statement.setString(7, department);
            statement.setString(8, outcome.name());
            if (duplicateOf != null) {
                statement.setLong(9, duplicateOf);
            }
            else {
                statement.setNull(9, java.sql.Types.BIGINT);
            }
            statement.setTimestamp(10, Timestamp.from(receivedAt));
            statement.setLong(11, jobExecutionId);
            statement.setString(12, (setAside != null) ? setAside.kind().name() : null);
            statement.setString(13, (setAside != null) ? setAside.reason() : null);
            statement.setTimestamp(14, Timestamp.from(file.arrived()));
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    /**
     * What a run decided, over all its executions (a restarted run decides files an earlier execution took in).
     *
     * @param byOutcome submissions per outcome name
     * @param rowsMerged rows merged from accepted files
     * @param rowsReplaced rows of files a later file of the same department and month superseded
     */
    public record RunTally(Map<String, Integer> byOutcome, int rowsMerged, int rowsReplaced) {
    }

    public RunTally tally(Collection<Long> jobExecutionIds) {
        Map<String, Integer> byOutcome = new TreeMap<>();
        int merged = 0;
        int replaced = 0;
        if (!jobExecutionIds.isEmpty()) {
            String ids = String.join(", ", Collections.nCopies(jobExecutionIds.size(), "?"));
            Object[] arguments = jobExecutionIds.toArray();
            for (Map<String, Object> row : this.jdbc.queryForList("select outcome, count(*) as files, "
                    + "coalesce(sum(rows_merged), 0) as rows_merged from submission where job_execution_id in (" + ids
                    + ") group by outcome", arguments)) {
                String outcome = (String) row.get("outcome");
                byOutcome.put(outcome, ((Number) row.get("files")).intValue());
                int rows = ((Number) row.get("rows_merged")).intValue();
                if ("ACCEPTED".equals(outcome)) {
                    merged = rows;
                }
                else if ("SUPERSEDED".equals(outcome)) {
                    replaced = rows;
                }
            }
        }
        return new RunTally(byOutcome, merged, replaced);
    }

    /** A submission left pending by an interrupted run is taken up by this run's month. */
    public void adoptPending(long id, YearMonth month, long jobExecutionId) {
        this.jdbc.update("update submission set report_month = ?, job_execution_id = ? where id = ? and outcome = 'PENDING'",
                month.toString(), jobExecutionId, id);
    }

    /** Submissions still to be checked for a month, in the order they arrived. */
    public List<Submission> pending(YearMonth month) {
        return this.jdbc.query("select " + COLUMNS + " from submission where outcome = 'PENDING' and report_month = ? "
                + "order by arrived_at, file_name, id", this::map, month.toString());
    }

    /** Submissions whose outcome is final but whose file still lies in the inbox. */
    public List<Submission> decidedButNotMoved() {
        return this.jdbc.query("select " + COLUMNS + " from submission where outcome <> 'PENDING' and moved_to is null "
                + "order by id", this::map);
    }

    public void markMoved(long id, Path target) {
        this.jdbc.update("update submission set moved_to = ? where id = ?", target.toAbsolutePath().toString(), id);
    }

    private Submission map(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("set_aside");
        SetAside setAside = (kind != null)
                ? new SetAside(SetAside.Kind.valueOf(kind), rs.getString("set_aside_reason")) : null;
        Timestamp arrived = rs.getTimestamp("arrived");
        String reasons = rs.getString("reasons");
        Submission.Checked checked = new Submission.Checked(
                (reasons == null || reasons.isBlank()) ? List.of() : List.of(reasons.split(REASON_SEPARATOR)),
                lines(rs.getString("sheets_read")), lines(rs.getString("sheets_skipped")),
                lines(rs.getString("extra_columns")), rs.getObject("rows_read", Integer.class),
                rs.getObject("rows_merged", Integer.class));
        return new Submission(rs.getLong("id"), rs.getString("sha256"), rs.getString("file_name"),
                Path.of(rs.getString("inbox_path")), YearMonth.parse(rs.getString("report_month")),
                rs.getString("department"), Outcome.valueOf(rs.getString("outcome")), rs.getString("moved_to"),
                rs.getString("notice_path"), setAside, (arrived != null) ? arrived.toLocalDateTime() : null, checked);
    }

    /** A stored one-entry-per-line list. */
    private static List<String> lines(String stored) {
        return (stored == null || stored.isBlank()) ? List.of() : List.of(stored.split("\n"));
    }

    /** A list stored one entry per line: sheet names and headers may contain any punctuation; null stays null. */
    private static String joinLines(List<String> entries) {
        return (entries != null) ? String.join("\n", entries) : null;
    }

    /**
     * The month's accepted and rejected submissions whose file still lies in the inbox, oldest first: those of them
     * with findings get a return notice (see the ledger's {@code needingNotice}).
     */
    public List<Submission> checkedInInbox(YearMonth month) {
        return this.jdbc.query("select " + COLUMNS + " from submission where report_month = ? and outcome in ('ACCEPTED', "
                + "'REJECTED') and moved_to is null order by id", this::map, month.toString());
    }

    /**
     * A checked submission of a month whose return notice was written, for mailing it to the department.
     *
     * @param department the official name, or null when the department could not be told
     */
    public record NoticeFile(long submissionId, String fileName, String department, Outcome outcome, Path notice) {
    }

    /** The month's accepted and rejected submissions with a written notice, oldest first. */
    public List<NoticeFile> noticeFiles(YearMonth month) {
        return this.jdbc.query("select id, file_name, department, outcome, notice_path from submission where "
                + "report_month = ? and outcome in ('ACCEPTED', 'REJECTED') and notice_path is not null order by id",
                (rs, n) -> new NoticeFile(rs.getLong("id"), rs.getString("file_name"), rs.getString("department"),
                        Outcome.valueOf(rs.getString("outcome")), Path.of(rs.getString("notice_path"))),
                month.toString());
    }

    /** Departments with an accepted submission for the month. */
    public java.util.Set<String> acceptedDepartments(YearMonth month) {
        return new java.util.HashSet<>(this.jdbc.queryForList("select distinct department from submission where "
                + "report_month = ? and outcome = 'ACCEPTED' and department is not null", String.class,
                month.toString()));
    }

    public void markNotice(long id, Path notice) {
        this.jdbc.update("update submission set notice_path = ? where id = ?", notice.toAbsolutePath().toString(), id);
    }

    /**
     * A submission as the web console lists it.
     *
     * @param arrived when the file appeared in the inbox
     * @param notice the return notice written for it, or null
     */
    public record Received(long id, String sha256, String fileName, YearMonth month, String department, Outcome outcome,
            String reasons, java.time.LocalDateTime arrived, Path notice) {
    }

    private static final String RECEIVED = "select id, sha256, file_name, report_month, department, outcome, reasons, "
            + "file_modified, notice_path from submission ";

    /** A department's submissions, newest first. */
    public List<Received> receivedFrom(String department, int limit) {
        return this.jdbc.query(RECEIVED + "where department = ? order by id desc fetch first " + limit + " rows only",
                this::mapReceived, department);
    }

    /** Every submission of a month, in the order they arrived. */
    public List<Received> receivedIn(YearMonth month) {
        return this.jdbc.query(RECEIVED + "where report_month = ? order by file_modified, id", this::mapReceived,
                month.toString());
    }

    public java.util.Optional<Received> received(long id) {
        return this.jdbc.query(RECEIVED + "where id = ?", this::mapReceived, id).stream().findFirst();
    }

    /** Every submission of a month with what its check recorded, in the order the files arrived. */
    public List<Submission> submissionsIn(YearMonth month) {
        return this.jdbc.query("select " + COLUMNS + " from submission where report_month = ? order by " + ARRIVED
                + ", id", this::map, month.toString());
    }

    /** What each department sent last, in any month, whatever became of it (pending files aside); by department. */
    public Map<String, Submission> lastByDepartment() {
        Map<String, Submission> last = new HashMap<>();
        this.jdbc.query("select * from (select " + COLUMNS + ", row_number() over (partition by department order by "
                + "report_month desc, " + ARRIVED + " desc, id desc) as rn from submission where department is not null "
                + "and outcome <> 'PENDING') ranked where rn = 1", (ResultSet rs) -> {
                    Submission submission = map(rs, 0);
                    last.put(submission.department(), submission);
                });
        return last;
    }

    /** What the department sent last, in any month, whatever became of it (pending files aside). */
    public Optional<Submission> lastFrom(String department) {
        return this.jdbc.query("select " + COLUMNS + " from submission where department = ? and outcome <> 'PENDING' "
                + "order by report_month desc, " + ARRIVED + " desc, id desc fetch first 1 rows only", this::map,
                department).stream().findFirst();
    }

    /** The department's latest accepted submission of the month other than this one, if any. */
    public Optional<Long> acceptedBefore(YearMonth month, String department, long id) {
        return Optional.ofNullable(this.jdbc.query("select id from submission where report_month = ? and department = ? "
                + "and outcome = 'ACCEPTED' and id <> ? order by id desc", (rs) -> rs.next() ? rs.getLong(1) : null,
                month.toString(), department, id));
    }

    /** Marks an accepted submission as replaced by a later one of the same department and month. */
    public void markSuperseded(long earlier, long later) {
        this.jdbc.update("update submission set outcome = 'SUPERSEDED', superseded_by = ?, reasons = ? where id = ?",
                later, Outcome.SUPERSEDED.name(), earlier);
    }

    /**
     * What a check decided of a submission.
     *
     * @param department the roster name, or null when it could not be told
     * @param reasons the submission errors ("SIGNATURE_MISSING: 审核人" style)
     * @param sheetsRead null when the file could not be read at all (likewise the two lists after it)
     * @param filledDate the 填报日期 the sheet gives, or null
     */
    public record CheckResult(String department, Outcome outcome, List<String> reasons, List<String> sheetsRead,
            List<String> sheetsSkipped, List<String> extraColumns, int rowsRead, int rowsMerged, int rowsRejected,
            LocalDate filledDate, Instant checkedAt) {
    }

    /** Records what a check decided of a submission; every text is stored whole (V4: the columns are unbounded). */
    public void recordCheck(long id, CheckResult result) {
        this.jdbc.update("update submission set department = ?, outcome = ?, reasons = ?, sheets_read = ?, "
                + "sheets_skipped = ?, extra_columns = ?, rows_read = ?, rows_merged = ?, rows_rejected = ?, "
                + "filled_date = ?, checked_at = ? where id = ?", result.department(), result.outcome().name(),
                String.join(REASON_SEPARATOR, result.reasons()), joinLines(result.sheetsRead()),
                joinLines(result.sheetsSkipped()), joinLines(result.extraColumns()), result.rowsRead(),
                result.rowsMerged(), result.rowsRejected(),
                (result.filledDate() != null) ? java.sql.Date.valueOf(result.filledDate()) : null,
                Timestamp.from(result.checkedAt()), id);
    }

    /**
     * A checked submission written whole, with its id, by a bulk load of a large ledger (the bench); the file's
     * modification, arrival and check all happened at {@code at}.
     */
    public record Loaded(long id, String sha256, String fileName, String inboxPath, long fileSize, YearMonth month,
            String department, Outcome outcome, Instant at) {
    }

    /** Writes many checked submissions in one batch. */
    public void load(List<Loaded> submissions) {
        List<Object[]> rows = new ArrayList<>(submissions.size());
        for (Loaded s : submissions) {
            Timestamp at = Timestamp.from(s.at());
            rows.add(new Object[] { s.id(), s.sha256(), s.fileName(), s.inboxPath(), s.fileSize(), at,
                    s.month().toString(), s.department(), s.outcome().name(), at, at });
        }
        this.jdbc.batchUpdate("insert into submission (id, sha256, file_name, inbox_path, file_size, file_modified, "
                + "report_month, department, outcome, received_at, checked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    /** The outcome of each of these submissions, by id. */
    public Map<Long, Outcome> outcomesOf(Collection<Long> ids) {
        Map<Long, Outcome> outcomes = new HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
            this.jdbc.query("select id, outcome from submission where id in ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")", (ResultSet rs) -> {
                        outcomes.put(rs.getLong("id"), Outcome.valueOf(rs.getString("outcome")));
                    }, part.toArray());
        }
        return outcomes;
    }

    /** Whether these bytes were ever registered, whatever became of them. */
    public boolean known(String sha256) {
        return !findBySha256(sha256).isEmpty();
    }

    private Received mapReceived(ResultSet rs, int row) throws SQLException {
        Timestamp arrived = rs.getTimestamp("file_modified");
        String notice = rs.getString("notice_path");
        return new Received(rs.getLong("id"), rs.getString("sha256"), rs.getString("file_name"),
                YearMonth.parse(rs.getString("report_month")), rs.getString("department"),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("reasons"), (arrived != null) ? arrived.toLocalDateTime() : null,
                (notice != null) ? Path.of(notice) : null);
    }

}
