package org.rectification.ledger.job;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one line a run prints for an outside fault, found in the cause chains the libraries wrap it in (shaped as
 * Spring, H2, Hikari and the PostgreSQL driver wrap them).
 */
class RunFaultTests {

    @TempDir
    Path folder;

    private JobFile job(String database) throws IOException {
        Path jobFile = this.folder.resolve("job.yml");
        Files.writeString(jobFile, """
                campaign: { name: 县委第三轮巡察, feedback-date: 2026-09-15 }
                roster: roster.csv
                folders: { inbox: inbox, archive: archive, rejected: rejected, out: out, work: work }
                """ + database);
        Files.writeString(this.folder.resolve("roster.csv"), "单位名称\n县民政局\n");
        return JobFileParser.parse(jobFile);
    }

    @Nested
    class DiskFull {

        @Test
        void namesTheFolderOfTheFileThatCouldNotBeWritten() throws Exception {
            JobFile job = job("database: { url: ~ }\n");
            Path report = job.folders().out().resolve(".整改总台账.xlsx123.tmp");
            Exception failure = new RuntimeException("Could not write the master ledger",
                    new FileSystemException(report.toString(), null, "No space left on device"));

            assertThat(RunFault.duringRun(List.of(failure), job))
                .hasValueSatisfying((line) -> assertThat(line).startsWith("磁盘已满：" + job.folders().out()));
        }

        @Test
        void namesTheWorkFolderWhenTheEmbeddedDatabaseCouldNotWrite() throws Exception {
            JobFile job = job("database: { url: ~ }\n");
            // H2: DataAccessResourceFailureException > JdbcSQLNonTransientConnectionException ("The database has been
            // closed") > MVStoreException ("Writing to ... failed") > IOException, none naming the file
            Exception writing = new org.h2.mvstore.MVStoreException(2, "Writing to channel failed");
            writing.initCause(new IOException("No space left on device"));
            Exception failure = new org.springframework.dao.DataAccessResourceFailureException("JDBC rollback",
                    new SQLNonTransientConnectionException("The database has been closed [90098-240]", "90098",
                            90098, writing));

            assertThat(RunFault.duringRun(List.of(failure), job))
                .hasValueSatisfying((line) -> assertThat(line).startsWith("磁盘已满：" + job.folders().work()));
        }

        @Test
        void namesTheDatabaseServerWhenPostgresqlSaysItsDiskIsFull() throws Exception {
            JobFile job = job("database: { url: \"jdbc:postgresql://db.example:5433/ledger\" }\n");
            Exception failure = new RuntimeException(new SQLException("could not extend file", "53100"));

            assertThat(RunFault.duringRun(List.of(failure), job))
                .hasValueSatisfying((line) -> assertThat(line).startsWith("磁盘已满：数据库服务器 db.example:5433"));
        }

    }

    @Nested
    class ConnectionLost {

        @Test
        void aTerminatedPostgresqlSessionIsAConnectionLost() throws Exception {
            JobFile job = job("database: { url: \"jdbc:postgresql://127.0.0.1:5432/test\" }\n");
            // the rollback fails on the connection Hikari closed; the statement's own failure is kept aside
            var failure = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                    new SQLException("Connection is closed"));
            failure.initApplicationException(
                    new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

            assertThat(RunFault.duringRun(List.of(failure), job)).hasValueSatisfying(
                    (line) -> assertThat(line).startsWith("数据库连接中断").doesNotContain("Exception", "57P01"));
        }

        @Test
        void aClosedConnectionIsAConnectionLost() throws Exception {
            JobFile job = job("database: { url: \"jdbc:postgresql://127.0.0.1:5432/test\" }\n");
            Exception failure = new RuntimeException(new SQLException("This connection has been closed.", "08003"));

            assertThat(RunFault.duringRun(List.of(failure), job)).hasValueSatisfying(
                    (line) -> assertThat(line).startsWith("数据库连接中断"));
        }

        @Test
        void aMailServerThatDoesNotAnswerIsNoDatabaseFault() throws Exception {
            JobFile job = job("database: { url: ~ }\n");
            Exception failure = new RuntimeException("mail", new ConnectException("Connection refused"));

            assertThat(RunFault.duringRun(List.of(failure), job)).isEmpty();
        }

        @Test
        void anOrdinaryFailureIsLeftAsItIs() throws Exception {
            JobFile job = job("database: { url: ~ }\n");

            assertThat(RunFault.duringRun(List.of(new IllegalStateException("a bug")), job)).isEmpty();
        }

    }

    @Nested
    class AtStart {

        @Test
        void aRefusedConnectionNamesTheServerAndWhy() throws Exception {
            JobFile job = job("database: { url: \"jdbc:postgresql://127.0.0.1:5499/test?currentSchema=x\" }\n");
            // Spring's UnsatisfiedDependencyException > Hikari's PoolInitializationException > PSQLException > socket
            SQLException refused = new SQLException("Connection to 127.0.0.1:5499 refused.", "08001",
                    new ConnectException("Connection refused"));
            Exception failure = new org.springframework.beans.factory.BeanCreationException("consolidationRunner",
                    "Error creating bean", new RuntimeException("Failed to initialize pool", refused));

            assertThat(RunFault.atStart(failure, job))
                .hasValue("无法连接数据库 127.0.0.1:5499（连接被拒绝，数据库服务未启动或端口不对）");
        }

        @Test
        void theDefaultPortIsNamedWhenTheUrlHasNone() throws Exception {
            JobFile job = job("database: { url: \"jdbc:postgresql://ledger-db/test\" }\n");
            Exception failure = new RuntimeException(new SQLException("password authentication failed", "28P01"));

            assertThat(RunFault.atStart(failure, job)).hasValue("无法连接数据库 ledger-db:5432（用户名或密码不正确）");
        }

        @Test
        void anEmbeddedDatabaseAnotherProcessHasOpenIsToldApart() {
            Exception failure = new RuntimeException(new SQLException("Database may be already in use", "90020",
                    90020));

            assertThat(RunFault.databaseInUse(failure)).isTrue();
            assertThat(RunFault.databaseInUse(new RuntimeException(new SQLException("other", "08001")))).isFalse();
        }

    }

}
