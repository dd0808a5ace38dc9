package org.rectification.ledger.job;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.system.Messages;
import org.springframework.transaction.TransactionSystemException;

/**
 * Names, in one line a clerk can act on, the outside fault that stopped a run: a full disk, a database that
 * cannot be reached at start, a database connection lost during the run. Found by walking the failures' cause
 * chains (the library's own exception is only in the log); empty when the failure is none of these.
 */
public final class RunFault {

    /** H2's "Database may be already in use": another process has the embedded ledger open. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:[a-z0-9]+://([^/?;,]+)", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("postgresql", 5432, "h2", 9092);

    private RunFault() {
    }

    /**
     * What stopped a run that had started: a full disk or a lost database connection.
     * @param failures everything the run failed with (step failures and what its launch threw)
     */
    public static Optional<String> duringRun(Collection<? extends Throwable> failures, JobFile job) {
        List<Throwable> chain = chains(failures);
        Optional<String> diskFull = diskFull(chain, job);
        if (diskFull.isPresent()) {
            return diskFull;
        }
        if (chain.stream().anyMatch(RunFault::connectionFailure)) {
            return Optional.of(Messages.get("job.fault.connection-lost"));
        }
        return Optional.empty();
    }

    /** What kept the run from opening its database: a full disk or a server that does not answer. */
    public static Optional<String> atStart(Throwable failure, JobFile job) {
        List<Throwable> chain = chains(List.of(failure));
        Optional<String> diskFull = diskFull(chain, job);
        if (diskFull.isPresent() || job.database().url() == null) {
            return diskFull;
        }
        return chain.stream()
            .filter((ex) -> connectionFailure(ex) || refusedLogin(ex))
            .findFirst()
            .map((ex) -> Messages.get("job.fault.cannot-connect", server(job.database().url()), reason(chain)));
    }

    /** True when H2 refused to open the embedded ledger because another process has it open. */
    public static boolean databaseInUse(Throwable failure) {
        return chains(List.of(failure)).stream()
            .anyMatch((ex) -> ex instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN);
    }

    private static Optional<String> diskFull(List<Throwable> chain, JobFile job) {
        for (Throwable ex : chain) {
            if (ex instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
                // PostgreSQL's disk_full: the server's disk, not ours
                return Optional.of(Messages.get("job.fault.disk-full", Messages.get("job.fault.database-server",
                        server(job.database().url()))));
            }
            String message = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no space left on device") || message.contains("disk quota exceeded")) {
                return Optional.of(Messages.get("job.fault.disk-full", fullFolder(chain, job)));
            }
        }
        return Optional.empty();
    }

    /** The folder that is full: the file the failure names, else the embedded database's, else the fullest. */
    private static Path fullFolder(List<Throwable> chain, JobFile job) {
        for (Throwable ex : chain) {
            if (ex instanceof FileSystemException fs && fs.getFile() != null) {
                Path parent = Path.of(fs.getFile()).toAbsolutePath().getParent();
                return (parent != null) ? parent : Path.of(fs.getFile());
            }
        }
        boolean embedded = job.database().url() == null;
        if (embedded && chain.stream().anyMatch((ex) -> ex.getClass().getName().startsWith("org.h2."))) {
            return job.folders().work();
        }
        JobFile.Folders folders = job.folders();
        Path fullest = folders.work();
        long least = Long.MAX_VALUE;
        for (Path folder : List.of(folders.work(), folders.out(), folders.archive(), folders.rejected())) {
            try {
                long usable = Files.getFileStore(existingAncestor(folder)).getUsableSpace();
                if (usable < least) {
                    least = usable;
                    fullest = folder;
                }
            }
            catch (IOException ex) {
                // a folder we cannot look at is not the one to name
            }
        }
        return fullest;
    }

    private static Path existingAncestor(Path folder) {
        Path path = folder.toAbsolutePath();
        while (path != null && !Files.exists(path)) {
            path = path.getParent();
        }
        return (path != null) ? path : folder.toAbsolutePath().getRoot();
    }

    /** A database connection that broke, was closed under us, or could not be made. */
    private static boolean connectionFailure(Throwable ex) {
        // database connections only: a mail server that does not answer is not a database fault
        if (ex instanceof SQLNonTransientConnectionException || ex instanceof SQLTransientConnectionException) {
            return true;
        }
        if (ex instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P01-57P03: the server shut down or is starting (PostgreSQL)
            return state.startsWith("08") || state.startsWith("57P");
        }
        return false;
    }

    /** The server answered but would not let us in: wrong user or password (28), no such database (3D000). */
    private static boolean refusedLogin(Throwable ex) {
        return ex instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("28") || sql.getSQLState().equals("3D000"));
    }

    /** Why a connection could not be made, in a few words. */
    private static String reason(List<Throwable> chain) {
        for (Throwable ex : chain) {
            if (ex instanceof ConnectException) {
                return Messages.get("job.fault.reason.refused");
            }
            if (ex instanceof UnknownHostException) {
                return Messages.get("job.fault.reason.unknown-host");
            }
            if (ex instanceof SocketTimeoutException || ex instanceof NoRouteToHostException) {
                return Messages.get("job.fault.reason.timeout");
            }
            if (ex instanceof SQLException sql && sql.getSQLState() != null) {
                if (sql.getSQLState().startsWith("28")) {
                    return Messages.get("job.fault.reason.login");
                }
                if (sql.getSQLState().equals("3D000")) {
                    return Messages.get("job.fault.reason.no-database");
                }
            }
        }
        return Messages.get("job.fault.reason.other");
    }

    /** "host:port" of a JDBC URL (the driver's default port when none is written). */
    static String server(String url) {
        if (url == null) {
            return "";
        }
        Matcher matcher = HOST_PORT.matcher(url);
        if (!matcher.find()) {
            return url.replaceAll("\\?.*$", "");
        }
        String hostPort = matcher.group(1);
        if (hostPort.contains(":") && !hostPort.endsWith("]")) {
            return hostPort;
        }
        String driver = url.substring("jdbc:".length(), url.indexOf(':', "jdbc:".length())).toLowerCase(Locale.ROOT);
        Integer port = DEFAULT_PORTS.get(driver);
        return (port != null) ? hostPort + ":" + port : hostPort;
    }

    /** Every throwable in the failures' cause chains (and suppressed ones), each once. */
    private static List<Throwable> chains(Collection<? extends Throwable> failures) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> all = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(failures);
        while (!todo.isEmpty()) {
            Throwable ex = todo.remove(0);
            if (ex == null || !seen.add(ex)) {
                continue;
            }
            all.add(ex);
            todo.add(ex.getCause());
            if (ex instanceof SQLException sql) {
                todo.add(sql.getNextException());
            }
            if (ex instanceof TransactionSystemException rollback) {
                // "JDBC rollback failed" on a connection the pool had already closed: what failed first is here
                todo.add(rollback.getApplicationException());
            }
            todo.addAll(List.of(ex.getSuppressed()));
        }
        return all;
    }

}
