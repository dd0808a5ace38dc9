package org.rectification.ledger.delivery;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code delivery} table: one row per month, artifact (file name) and content hash, with its status
 * (PENDING, SENT, FAILED, SUPERSEDED), so the same bytes are never mailed twice and failures are retried.
 */
final class JdbcDeliveryDao {

    static final String PENDING = "PENDING";

    static final String SENT = "SENT";

    static final String FAILED = "FAILED";

    static final String SUPERSEDED = "SUPERSEDED";

    private static final int MAX_TEXT = 4000;

    /** One row of the table, as far as delivery needs it. */
    record Row(long id, YearMonth month, String artifact, String sha256, String status, int attempts, String lastError) {
    }

    private final JdbcTemplate jdbc;

    JdbcDeliveryDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The row for these bytes of the artifact in the month, created PENDING when new; a row superseded earlier is
     * made PENDING again, because its bytes are the current ones once more.
     */
    Row register(YearMonth month, String artifact, String sha256, String recipients) {
        Optional<Row> existing = find(month, artifact, sha256);
        if (existing.isEmpty()) {
            try {
                this.jdbc.update("insert into delivery (report_month, artifact, sha256, recipients, status, "
                        + "attempts, created_at) values (?, ?, ?, ?, ?, 0, current_timestamp)", month.toString(), artifact,
                        sha256, clip(recipients), PENDING);
            }
            catch (DuplicateKeyException ex) {
                // registered by someone else between our look-up and our insert: theirs is as good as ours
            }
            existing = find(month, artifact, sha256);
        }
        Row row = existing.orElseThrow();
        if (SUPERSEDED.equals(row.status())) {
            this.jdbc.update("update delivery set status = ? where id = ?", PENDING, row.id());
            row = find(month, artifact, sha256).orElseThrow();
        }
        return row;
    }

    /** Marks unsent rows of the artifact in the month with other bytes as SUPERSEDED; returns how many. */
    int supersedeOthers(YearMonth month, String artifact, String sha256) {
        return this.jdbc.update("update delivery set status = ? where report_month = ? and artifact = ? "
                + "and sha256 <> ? and status in (?, ?)", SUPERSEDED, month.toString(), artifact, sha256, PENDING,
                FAILED);
    }

    void markSent(List<Row> rows, String recipients) {
        for (Row row : rows) {
            this.jdbc.update("update delivery set status = ?, attempts = attempts + 1, last_error = null, "
                    + "recipients = ?, sent_at = current_timestamp where id = ?", SENT, clip(recipients), row.id());
        }
    }

    void markFailed(List<Row> rows, String recipients, String error) {
        for (Row row : rows) {
            this.jdbc.update("update delivery set status = ?, attempts = attempts + 1, last_error = ?, "
                    + "recipients = ? where id = ?", FAILED, clip(error), clip(recipients), row.id());
        }
    }

    /** Workbook mails not sent yet (pending or failed), oldest first. */
    List<Row> unsent() {
        return this.jdbc.query("select id, report_month, artifact, sha256, status, attempts, last_error from delivery "
                + "where status not in (?, ?) order by id", (rs, n) -> new Row(rs.getLong("id"),
                        YearMonth.parse(rs.getString("report_month")), rs.getString("artifact"), rs.getString("sha256"),
                        rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error")),
                SENT, SUPERSEDED);
    }

    Optional<Row> find(YearMonth month, String artifact, String sha256) {
        return this.jdbc
            .query("select id, report_month, artifact, sha256, status, attempts, last_error from delivery "
                    + "where report_month = ? and artifact = ? and sha256 = ?", (rs, n) -> new Row(rs.getLong("id"),
                            YearMonth.parse(rs.getString("report_month")), rs.getString("artifact"), rs.getString("sha256"),
                            rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error")),
                    month.toString(), artifact, sha256)
            .stream()
            .findFirst();
    }

    private static String clip(String text) {
        return (text == null || text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

}
