package org.rectification.ledger.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A scratch office for end-to-end tests: a job file, the sample roster, an inbox to drop the sample
 * months into, and the ledger database (embedded H2, or a fresh schema on the local PostgreSQL).
 */
final class LedgerWorkspace {

    static final Path SAMPLES = Path.of("sample-sheets");

    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    final Path root;

    final Path jobFile;

    final String jdbcUrl;

    final String schema;

    private LedgerWorkspace(Path root, String jdbcUrl, String schema) throws IOException {
        this.root = root;
        this.jdbcUrl = jdbcUrl;
        this.schema = schema;
        Files.copy(SAMPLES.resolve("roster.csv"), root.resolve("roster.csv"), StandardCopyOption.REPLACE_EXISTING);
        this.jobFile = root.resolve("job.yml");
        String database = (jdbcUrl != null) ? "database: { url: \"" + jdbcUrl + "\", user: postgres }\n"
                : "database: { url: ~ }\n";
        Files.writeString(this.jobFile, """
                campaign:
                  name: 县委第三轮巡察
                  feedback-date: 2026-09-15
                  immediate-days: 30
                roster: roster.csv
                folders: { inbox: inbox, archive: archive, rejected: rejected, out: out, work: work }
                checks:
                  required-signers: [填报人, 审核人, 单位负责人]
                intake: { settle-seconds: 0 }
                """ + database, StandardCharsets.UTF_8);
    }

    static LedgerWorkspace h2(Path root) throws IOException {
        return new LedgerWorkspace(root, null, null);
    }

    /** A fresh schema on the local PostgreSQL, or null when no server answers. */
    static LedgerWorkspace postgres(Path root) throws IOException {
        String schema = "ledger_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
            connection.createStatement().execute("create schema " + schema);
        }
        catch (SQLException ex) {
            return null;
        }
        return new LedgerWorkspace(root, POSTGRES_URL + "?currentSchema=" + schema, schema);
    }

    static boolean postgresRequired() {
        return "true".equalsIgnoreCase(System.getenv("REQUIRE_POSTGRES"));
    }

    void dropPostgresSchema() {
        if (this.schema == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
            connection.createStatement().execute("drop schema " + this.schema + " cascade");
        }
        catch (SQLException ex) {
            // the server went away: nothing left to clean
        }
    }

    Path inbox() {
        return this.root.resolve("inbox");
    }

    Path out() {
        return this.root.resolve("out");
    }

    /** Drops a sample month's files into the inbox, dated early in the month in name order. */
    List<Path> drop(YearMonth month) throws IOException {
        Files.createDirectories(inbox());
        List<Path> files;
        try (Stream<Path> list = Files.list(SAMPLES.resolve(month.toString()))) {
            files = list.filter(Files::isRegularFile).filter((p) -> !p.toString().endsWith(".md")).sorted().toList();
        }
        LocalDateTime arrival = month.atDay(5).atTime(9, 0);
        for (Path file : files) {
            Path target = inbox().resolve(file.getFileName().toString());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(target, FileTime.from(arrival.atZone(ZoneId.systemDefault()).toInstant()));
            arrival = arrival.plusMinutes(7);
        }
        return files;
    }

    String[] runArguments(YearMonth month) {
        return new String[] { "run", "--job", this.jobFile.toString(), "--month", month.toString(), "--as-of",
                month.atEndOfMonth().toString() };
    }

    /** A JDBC connection to the workspace's ledger (open it only while no run is going). */
    JdbcTemplate jdbc() {
        String url = (this.jdbcUrl != null) ? this.jdbcUrl
                : "jdbc:h2:file:" + this.root.resolve("work/ledger").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        String user = (this.jdbcUrl != null) ? "postgres" : "sa";
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, "", true);
        return new JdbcTemplate(dataSource);
    }

}
