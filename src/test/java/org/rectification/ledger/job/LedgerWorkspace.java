package org.rectification.ledger.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A scratch office for end-to-end tests: a job file, the sample roster, an inbox to drop the sample
 * months into, and the ledger database (embedded H2, or a fresh schema on the local PostgreSQL).
 */
public final class LedgerWorkspace {

    public static final Path SAMPLES = Path.of("sample-sheets");

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final List<SingleConnectionDataSource> connections = new ArrayList<>();

    public final Path root;

    public final Path jobFile;

    public final String jdbcUrl;

    public final String schema;

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
                web: { port: 0 }
                """ + database, StandardCharsets.UTF_8);
    }

    public static LedgerWorkspace h2(Path root) throws IOException {
        return new LedgerWorkspace(root, null, null);
    }

    /** A fresh schema on the local PostgreSQL, or null when no server answers. */
    public static LedgerWorkspace postgres(Path root) throws IOException {
        String schema = "ledger_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
            connection.createStatement().execute("create schema " + schema);
        }
        catch (SQLException ex) {
            return null;
        }
        // the schema as application name too, so a test can find (and terminate) exactly this ledger's sessions
        return new LedgerWorkspace(root, POSTGRES_URL + "?currentSchema=" + schema + "&ApplicationName=" + schema,
                schema);
    }

    /**
     * A fresh schema on the local PostgreSQL. When no server answers, the test fails if PostgreSQL is required
     * ({@code REQUIRE_POSTGRES=true}, as in CI) and is skipped otherwise.
     */
    public static LedgerWorkspace postgresOrSkip(Path root) throws IOException {
        LedgerWorkspace workspace = postgres(root);
        if (workspace == null) {
            if (postgresRequired()) {
                Assertions.fail("PostgreSQL at " + POSTGRES_URL + " is required (REQUIRE_POSTGRES=true) but unreachable");
            }
            Assumptions.abort("PostgreSQL at " + POSTGRES_URL + " is not reachable: skipped");
        }
        return workspace;
    }

    /** A copy of this embedded-database workspace (ledger, folders, outputs) under another folder. */
    public LedgerWorkspace copyTo(Path target) throws IOException {
        if (this.jdbcUrl != null) {
            throw new IllegalStateException("only an embedded-database workspace can be copied");
        }
        try (Stream<Path> walk = Files.walk(this.root)) {
            for (Path source : walk.toList()) {
                Path copy = target.resolve(this.root.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                }
                else {
                    Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return h2(target);
    }

    public static boolean postgresRequired() {
        return "true".equalsIgnoreCase(System.getenv("REQUIRE_POSTGRES"));
    }

    public void dropPostgresSchema() {
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

    public Path inbox() {
        return this.root.resolve("inbox");
    }

    public Path out() {
        return this.root.resolve("out");
    }

    /** Drops a sample month's files into the inbox, dated early in the month in name order. */
    public List<Path> drop(YearMonth month) throws IOException {
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

    public String[] runArguments(YearMonth month) {
        return new String[] { "run", "--job", this.jobFile.toString(), "--month", month.toString(), "--as-of",
                month.atEndOfMonth().toString() };
    }

    /** A JDBC connection to the workspace's ledger (open it only while no run is going). */
    public JdbcTemplate jdbc() {
        String url = (this.jdbcUrl != null) ? this.jdbcUrl
                : "jdbc:h2:file:" + this.root.resolve("work/ledger").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        String user = (this.jdbcUrl != null) ? "postgres" : "sa";
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, "", true);
        this.connections.add(dataSource);
        return new JdbcTemplate(dataSource);
    }

    /**
     * Closes the connections {@link #jdbc()} opened. An embedded ledger stays open while one is, and its
     * background writer can then recreate files in the work folder while the test's folder is being deleted.
     */
    public void closeConnections() {
        this.connections.forEach(SingleConnectionDataSource::destroy);
        this.connections.clear();
    }

    /** Adds lines to the job file (e.g. a schedule or a delivery section). */
    public LedgerWorkspace withJobLines(String yaml) throws IOException {
        Files.writeString(this.jobFile, yaml.endsWith("\n") ? yaml : yaml + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        return this;
    }

    /**
     * Drops {@code count} distinct submissions into the inbox, enough to make a run take a while: copies of the
     * sample .xlsx files, each with its own zip comment so no two have the same bytes. Returns the file names.
     */
    public List<String> dropCopies(int count) throws IOException {
        Files.createDirectories(inbox());
        List<Path> originals;
        try (Stream<Path> months = Stream.of(SAMPLES.resolve("2026-10"), SAMPLES.resolve("2026-11"))
            .flatMap((folder) -> {
                try {
                    return Files.list(folder).toList().stream();
                }
                catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            })) {
            originals = months.filter((p) -> p.toString().endsWith(".xlsx") && !p.toString().contains("损坏"))
                .sorted()
                .toList();
        }
        List<String> names = new java.util.ArrayList<>();
        FileTime settled = FileTime.from(java.time.Instant.now().minusSeconds(3600));
        for (int i = 0; i < count; i++) {
            Path original = originals.get(i % originals.size());
            String stem = original.getFileName().toString().replaceFirst("\\.xlsx$", "");
            String name = stem + "-副本" + i + ".xlsx";
            Files.write(inbox().resolve(name), withZipComment(Files.readAllBytes(original), "copy " + i));
            Files.setLastModifiedTime(inbox().resolve(name), settled);
            names.add(name);
        }
        return names;
    }

    /** The same zip with a comment: the end-of-central-directory record's last field is the comment length. */
    private static byte[] withZipComment(byte[] zip, String comment) {
        int end = zip.length - 22;
        if (zip[end] != 'P' || zip[end + 1] != 'K' || zip[end + 2] != 5 || zip[end + 3] != 6) {
            throw new IllegalStateException("zip already has a comment");
        }
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        byte[] copy = java.util.Arrays.copyOf(zip, zip.length + text.length);
        copy[zip.length - 2] = (byte) text.length;
        copy[zip.length - 1] = 0;
        System.arraycopy(text, 0, copy, zip.length, text.length);
        return copy;
    }

    /**
     * Spreadsheet names in a folder and below it (inbox, archive, rejected). A running child moves files out of the
     * folder while it is listed: a file gone between the listing and its attributes is not there any more.
     */
    public List<String> spreadsheetsUnder(String folder) throws IOException {
        Path path = this.root.resolve(folder);
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Files.walkFileTree(path, new SimpleFileVisitor<>() {

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                if (attributes.isRegularFile() && (name.endsWith(".xlsx") || name.endsWith(".xls"))
                        && !name.contains("退回意见")) {
                    names.add(name);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
                if (ex instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw ex;
            }

        });
        return names.stream().sorted().toList();
    }

    /**
     * A JDBC template that opens a connection per statement and closes it, for reading the ledger while a child
     * process runs on it (H2 reaches the child's database through its AUTO_SERVER port).
     */
    public JdbcTemplate query() {
        String url = (this.jdbcUrl != null) ? this.jdbcUrl
                : "jdbc:h2:file:" + this.root.resolve("work/ledger").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        String user = (this.jdbcUrl != null) ? "postgres" : "sa";
        return new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, user, ""));
    }

}
