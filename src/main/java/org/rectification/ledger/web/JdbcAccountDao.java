package org.rectification.ledger.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The console's accounts (table web_account). */
@Repository
public class JdbcAccountDao {

    private static final String COLUMNS = "id, username, password_hash, role, department, must_change_password, "
            + "failed_logins, locked_until";

    private final JdbcTemplate jdbc;

    public JdbcAccountDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(String username) {
        return this.jdbc.query("select " + COLUMNS + " from web_account where username = ?", this::map, username)
            .stream()
            .findFirst();
    }

    public List<Account> all() {
        return this.jdbc.query("select " + COLUMNS + " from web_account order by role, department, username", this::map);
    }

    public void create(String username, String passwordHash, Role role, String department, Instant now) {
        this.jdbc.update("insert into web_account (username, password_hash, role, department, must_change_password, "
                + "failed_logins, created_at) values (?, ?, ?, ?, true, 0, ?)", username, passwordHash, role.name(),
                department, Timestamp.from(now));
    }

    /** A new one-time password: must be changed at the next login; the lock and failure count are cleared. */
    public boolean reset(String username, String passwordHash) {
        return this.jdbc.update("update web_account set password_hash = ?, must_change_password = true, "
                + "failed_logins = 0, locked_until = null where username = ?", passwordHash, username) == 1;
    }

    /** The password the user chose. */
    public void changePassword(String username, String passwordHash, Instant now) {
        this.jdbc.update("update web_account set password_hash = ?, must_change_password = false, "
                + "password_changed_at = ? where username = ?", passwordHash, Timestamp.from(now), username);
    }

    /**
     * Counts a failed login; the failure that reaches {@code maxFailures} locks the account until
     * {@code lockUntil} and starts the count again. Returns whether this failure locked it.
     */
    public boolean recordFailure(String username, int maxFailures, Instant lockUntil) {
        this.jdbc.update("update web_account set failed_logins = failed_logins + 1 where username = ?", username);
        return this.jdbc.update("update web_account set failed_logins = 0, locked_until = ? where username = ? "
                + "and failed_logins >= ?", Timestamp.from(lockUntil), username, maxFailures) == 1;
    }

    public void recordSuccess(String username) {
        this.jdbc.update("update web_account set failed_logins = 0, locked_until = null where username = ?", username);
    }

    private Account map(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), rs.getString("department"), rs.getBoolean("must_change_password"),
                rs.getInt("failed_logins"), (locked != null) ? locked.toInstant() : null);
    }

}
