package org.rectification.ledger.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The console's audit trail (table web_audit): who did what, when, from where. Rows are only ever added. */
@Repository
public class JdbcAuditDao {

    /** One audit row. */
    public record Entry(Instant at, String username, String department, AuditAction action, String sha256,
            String detail, String remoteAddress) {
    }

    private final JdbcTemplate jdbc;

    public JdbcAuditDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Entry entry) {
        this.jdbc.update("insert into web_audit (at, username, department, action, sha256, detail, remote_address) "
                + "values (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(entry.at()), entry.username(), entry.department(),
                entry.action().name(), entry.sha256(), clip(entry.detail(), 2000), clip(entry.remoteAddress(), 100));
    }

    /** The newest entries, newest first. */
    public List<Entry> latest(int count) {
        return this.jdbc.query("select at, username, department, action, sha256, detail, remote_address from web_audit "
                + "order by id desc fetch first " + count + " rows only", (rs, n) -> new Entry(
                        rs.getTimestamp("at").toInstant(), rs.getString("username"), rs.getString("department"),
                        AuditAction.valueOf(rs.getString("action")), rs.getString("sha256"), rs.getString("detail"),
                        rs.getString("remote_address")));
    }

    /** Who submitted these bytes through the console, if anybody did. */
    public Optional<String> submittedBy(String sha256) {
        return this.jdbc.queryForList("select username from web_audit where action = 'SUBMIT' and sha256 = ? "
                + "order by id", String.class, sha256).stream().findFirst();
    }

    /**
     * A department's console submissions that no run has taken in yet (they wait in the inbox): those whose bytes
     * intake has not registered.
     *
     * @param registered whether intake registered these bytes (see {@code JdbcSubmissionDao#known})
     */
    public List<Entry> waitingSubmissions(String department, Predicate<String> registered) {
        return this.jdbc.query("select at, username, department, action, sha256, detail, remote_address from web_audit "
                + "where action = 'SUBMIT' and department = ? order by id", (rs, n) -> new Entry(
                        rs.getTimestamp("at").toInstant(), rs.getString("username"), rs.getString("department"),
                        AuditAction.valueOf(rs.getString("action")), rs.getString("sha256"), rs.getString("detail"),
                        rs.getString("remote_address")), department)
            .stream()
            .filter((entry) -> entry.sha256() == null || !registered.test(entry.sha256()))
            .toList();
    }

    private static String clip(String text, int max) {
        return (text == null || text.length() <= max) ? text : text.substring(0, max);
    }

}
