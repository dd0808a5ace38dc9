package org.rectification.ledger.delivery;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code department_mail} table: every mail to a department or a leader, by month, kind and key. Each write
 * commits at once in a transaction of its own, also inside a run's step, so what was handed to the mail server is
 * on record before and after, whatever happens to the step.
 */
final class JdbcDepartmentMailDao {

    static final String PENDING = "PENDING";

    static final String SENDING = "SENDING";

    static final String SENT = "SENT";

    static final String FAILED = "FAILED";

    static final String NO_ADDRESS = "NO_ADDRESS";

    static final String SUPERSEDED = "SUPERSEDED";

    private static final int MAX_TEXT = 4000;

    /** mail_key is varchar(300); 200 characters leave room for any multi-byte text. */
    private static final int MAX_KEY = 200;

    private static final String COLUMNS = "id, report_month, kind, mail_key, addressee, recipients, subject, "
            + "status, attempts, last_error, message_id, due_date";

    /** One row of the table. */
    record Row(long id, YearMonth month, MailKind kind, String key, String addressee, String recipients, String subject,
            String status, int attempts, String lastError, String messageId, LocalDate dueDate) {

        boolean sent() {
            return SENT.equals(this.status);
        }

    }

    private final JdbcTemplate jdbc;

    private final TransactionTemplate ownTransaction;

    JdbcDepartmentMailDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The month's rows by kind and key. */
    Map<String, Row> ofMonth(YearMonth month) {
        Map<String, Row> rows = new LinkedHashMap<>();
        this.jdbc.query("select " + COLUMNS + " from department_mail where report_month = ? order by id", this::map,
                month.toString()).forEach((row) -> rows.put(id(row.kind(), row.key()), row));
        return rows;
    }

    static String id(MailKind kind, String key) {
        return kind.name() + "|" + storedKey(key);
    }

    /**
     * The key as stored: a 督办 is keyed by the leader's name as the sheets write it, which can be any length a cell
     * holds; a key too long for the unique index is stored as its SHA-256, the same text always giving the same key.
     */
    static String storedKey(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            return "sha256:" + java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The row of this mail, recorded PENDING (and committed) when it is new. */
    Row register(OutgoingMail mail, String messageId) {
        Optional<Row> existing = find(mail.month(), mail.kind(), mail.key());
        if (existing.isEmpty()) {
            try {
                write("insert into department_mail (report_month, kind, mail_key, addressee, recipients, subject, "
                        + "attachment, status, attempts, message_id, due_date, created_at) values (?, ?, ?, ?, ?, ?, ?, "
                        + "?, 0, ?, ?, current_timestamp)", mail.month().toString(), mail.kind().name(), storedKey(mail.key()),
                        clip(mail.addressee(), 300), clip(String.join(", ", mail.to()), MAX_TEXT),
                        clip(mail.subject(), 1000),
                        (mail.attachment() != null) ? clip(mail.attachment().toString(), 2000) : null, PENDING,
                        messageId, (mail.dueDate() != null) ? Date.valueOf(mail.dueDate()) : null);
            }
            catch (DuplicateKeyException ex) {
                // recorded by someone else between our look-up and our insert: the run lock makes this rare
            }
            existing = find(mail.month(), mail.kind(), mail.key());
        }
        return existing.orElseThrow();
    }

    /** Recorded, and committed, before the message is handed to the server. */
    void markSending(long id, String recipients) {
        write("update department_mail set status = ?, attempts = attempts + 1, recipients = ? where id = ?", SENDING,
                clip(recipients, MAX_TEXT), id);
    }

    void markSent(long id) {
        write("update department_mail set status = ?, last_error = null, sent_at = current_timestamp where id = ?",
                SENT, id);
    }

    void markFailed(long id, String error) {
        write("update department_mail set status = ?, last_error = ? where id = ?", FAILED, clip(error, MAX_TEXT), id);
    }

    void markNoAddress(long id, String reason) {
        write("update department_mail set status = ?, recipients = null, last_error = ? where id = ?", NO_ADDRESS,
                clip(reason, MAX_TEXT), id);
    }

    /** Marks an unsent row as no longer due (the department submitted, the notice was replaced). */
    void supersede(long id) {
        write("update department_mail set status = ? where id = ? and status <> ?", SUPERSEDED, id, SENT);
    }

    /** Rows of every month not sent and still due, oldest first. */
    List<Row> unsent() {
        return this.jdbc.query("select " + COLUMNS + " from department_mail where status not in (?, ?) order by id",
                this::map, SENT, SUPERSEDED);
    }

    /** Months with mails of this kind recorded and not sent, oldest first. */
    List<YearMonth> monthsWithUnsent(MailKind kind) {
        return this.jdbc.queryForList("select distinct report_month from department_mail where kind = ? and status "
                + "not in (?, ?) order by report_month", String.class, kind.name(), SENT, SUPERSEDED)
            .stream()
            .map(YearMonth::parse)
            .toList();
    }

    private Optional<Row> find(YearMonth month, MailKind kind, String key) {
        return this.jdbc
            .query("select " + COLUMNS + " from department_mail where report_month = ? and kind = ? and mail_key = ?",
                    this::map, month.toString(), kind.name(), storedKey(key))
            .stream()
            .findFirst();
    }

    private void write(String sql, Object... arguments) {
        this.ownTransaction.executeWithoutResult((status) -> this.jdbc.update(sql, arguments));
    }

    private Row map(ResultSet rs, int n) throws SQLException {
        Date due = rs.getDate("due_date");
        return new Row(rs.getLong("id"), YearMonth.parse(rs.getString("report_month")), MailKind.valueOf(rs.getString("kind")),
                rs.getString("mail_key"), rs.getString("addressee"), rs.getString("recipients"),
                rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("message_id"), (due != null) ? due.toLocalDate() : null);
    }

    private static String clip(String text, int max) {
        return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
    }

}
