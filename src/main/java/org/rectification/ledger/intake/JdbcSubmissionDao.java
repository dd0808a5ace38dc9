package org.rectification.ledger.intake;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Registers submissions at intake and records where their files were moved.
 */
public class JdbcSubmissionDao {

    private static final String COLUMNS = "id, sha256, file_name, inbox_path, report_month, department, outcome, moved_to, "
            + "notice_path, set_aside, set_aside_reason";

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
    public long register(InboxScanner.InboxFile file, String sha256, String month, Outcome outcome, Long duplicateOf,
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
            statement.setString(6, month);
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
    public void adoptPending(long id, String month, long jobExecutionId) {
        this.jdbc.update("update submission set report_month = ?, job_execution_id = ? where id = ? and outcome = 'PENDING'",
                month, jobExecutionId, id);
    }

    /** Submissions still to be checked for a month, in the order they arrived. */
    public List<Submission> pending(String month) {
        return this.jdbc.query("select " + COLUMNS + " from submission where outcome = 'PENDING' and report_month = ? "
                + "order by arrived_at, file_name, id", this::map, month);
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
        return new Submission(rs.getLong("id"), rs.getString("sha256"), rs.getString("file_name"),
                Path.of(rs.getString("inbox_path")), rs.getString("report_month"), rs.getString("department"),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("moved_to"), rs.getString("notice_path"),
                setAside);
    }

    /** Checked submissions of a month with findings whose return notice is still to be written. */
    public List<Submission> needingNotice(String month) {
        return this.jdbc.query("select " + COLUMNS + " from submission s where report_month = ? and outcome in ('ACCEPTED', "
                + "'REJECTED') and moved_to is null and exists (select 1 from finding f where f.submission_id = s.id) "
                + "order by id", this::map, month);
    }

    /**
     * A checked submission of a month whose return notice was written, for mailing it to the department.
     *
     * @param department the official name, or null when the department could not be told
     */
    public record NoticeFile(long submissionId, String fileName, String department, Outcome outcome, Path notice) {
    }

    /** The month's accepted and rejected submissions with a written notice, oldest first. */
    public List<NoticeFile> noticeFiles(String month) {
        return this.jdbc.query("select id, file_name, department, outcome, notice_path from submission where "
                + "report_month = ? and outcome in ('ACCEPTED', 'REJECTED') and notice_path is not null order by id",
                (rs, n) -> new NoticeFile(rs.getLong("id"), rs.getString("file_name"), rs.getString("department"),
                        Outcome.valueOf(rs.getString("outcome")), Path.of(rs.getString("notice_path"))),
                month);
    }

    /** Departments with an accepted submission for the month. */
    public java.util.Set<String> acceptedDepartments(String month) {
        return new java.util.HashSet<>(this.jdbc.queryForList("select distinct department from submission where "
                + "report_month = ? and outcome = 'ACCEPTED' and department is not null", String.class, month));
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
    public record Received(long id, String sha256, String fileName, String month, String department, Outcome outcome,
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
    public List<Received> receivedIn(String month) {
        return this.jdbc.query(RECEIVED + "where report_month = ? order by file_modified, id", this::mapReceived, month);
    }

    public java.util.Optional<Received> received(long id) {
        return this.jdbc.query(RECEIVED + "where id = ?", this::mapReceived, id).stream().findFirst();
    }

    /** Whether these bytes were ever registered, whatever became of them. */
    public boolean known(String sha256) {
        return !findBySha256(sha256).isEmpty();
    }

    private Received mapReceived(ResultSet rs, int row) throws SQLException {
        Timestamp arrived = rs.getTimestamp("file_modified");
        String notice = rs.getString("notice_path");
        return new Received(rs.getLong("id"), rs.getString("sha256"), rs.getString("file_name"),
                rs.getString("report_month"), rs.getString("department"), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("reasons"), (arrived != null) ? arrived.toLocalDateTime() : null,
                (notice != null) ? Path.of(notice) : null);
    }

}
