package org.rectification.ledger.intake;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Registers submissions at intake and records where their files were moved.
 */
public class JdbcSubmissionDao {

    private static final String COLUMNS = "id, sha256, file_name, inbox_path, report_month, department, outcome, moved_to";

    private final JdbcTemplate jdbc;

    public JdbcSubmissionDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every submission with these bytes, oldest first. */
    public List<Submission> findBySha256(String sha256) {
        return this.jdbc.query("select " + COLUMNS + " from submission where sha256 = ? order by id", this::map, sha256);
    }

    public long register(InboxScanner.InboxFile file, String sha256, String month, Outcome outcome, Long duplicateOf,
            String department, long jobExecutionId, Instant receivedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        this.jdbc.update((connection) -> {
            var statement = connection.prepareStatement("insert into submission (sha256, file_name, inbox_path, "
                    + "file_size, file_modified, report_month, department, outcome, duplicate_of, received_at, job_execution_id, "
                    + "arrived_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
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
            statement.setTimestamp(12, Timestamp.from(file.arrived()));
            return statement;
        }, keys);
        return keys.getKey().longValue();
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
        return new Submission(rs.getLong("id"), rs.getString("sha256"), rs.getString("file_name"),
                Path.of(rs.getString("inbox_path")), rs.getString("report_month"), rs.getString("department"),
                Outcome.valueOf(rs.getString("outcome")), rs.getString("moved_to"));
    }

    /** Checked submissions of a month with findings whose return notice is still to be written. */
    public List<Submission> needingNotice(String month) {
        return this.jdbc.query("select " + COLUMNS + " from submission s where report_month = ? and outcome in ('ACCEPTED', "
                + "'REJECTED') and moved_to is null and exists (select 1 from finding f where f.submission_id = s.id) "
                + "order by id", this::map, month);
    }

    public void markNotice(long id, Path notice) {
        this.jdbc.update("update submission set notice_path = ? where id = ?", notice.toAbsolutePath().toString(), id);
    }

}
