package org.rectification.ledger.office;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded ledger as the application opens it keeps every commit made before the process is killed: a child
 * JVM commits row by row on the URL {@link LedgerContext} builds and halts as kill -9 would; the rows are all there.
 * (With H2's default write delay, none of them were.)
 */
@Tag("process")
class LedgerContextTests {

    @TempDir
    Path folder;

    @Test
    void anEmbeddedLedgerKeepsEveryCommitOfAProcessKilledRightAfter() throws Exception {
        Path jobFile = this.folder.resolve("job.yml");
        Files.writeString(jobFile, """
                campaign: { name: 县委第三轮巡察, feedback-date: 2026-09-15 }
                roster: roster.csv
                folders: { inbox: inbox, archive: archive, rejected: rejected, out: out, work: work }
                """);
        Files.writeString(this.folder.resolve("roster.csv"), "单位名称\n县民政局\n");
        String url = (String) LedgerContext.databaseProperties(JobFileParser.parse(jobFile))
            .get("spring.datasource.url");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CommitThenHaltMain.class.getName(), url, "10")
            .inheritIO()
            .start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as("halted as kill -9 would").isEqualTo(137);

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                ResultSet rows = connection.createStatement().executeQuery("select count(*) from committed")) {
            rows.next();
            assertThat(rows.getInt(1)).as("rows committed before the kill").isEqualTo(10);
        }
    }

    /** The child: commits one row at a time, then halts at once. Arguments: JDBC URL, number of rows. */
    public static final class CommitThenHaltMain {

        private CommitThenHaltMain() {
        }

        public static void main(String[] args) throws Exception {
            Connection connection = DriverManager.getConnection(args[0], "sa", "");
            connection.createStatement().execute("create table committed (n int)");
            Thread.sleep(1000); // the table itself is long on disk; what follows is what a kill must not lose
            connection.setAutoCommit(false);
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                connection.createStatement().execute("insert into committed values (" + i + ")");
                connection.commit();
            }
            Runtime.getRuntime().halt(137);
        }

    }

}
