package org.rectification.ledger.job;

import org.rectification.ledger.delivery.TestMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.office.LedgerContext;
import org.rectification.ledger.office.RosterLoader;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office the step tests run in: a {@link LedgerWorkspace} in a temporary folder whose job file also mails the
 * workbooks to a loopback port (a test of the delivery step listens there), opened as {@link LedgerContext} opens the
 * application for a run (the other properties it sets are on {@link JobStepTest}): the job file and its roster as
 * beans, the embedded ledger under work/. Also what the step tests do with it: clear it, run a step for a month.
 */
final class StepOffice implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SUPERVISOR = "jw@example.gov.cn";

    private static final AtomicLong ATTEMPTS = new AtomicLong();

    private static final int MAIL_PORT = TestMail.freePort();

    /** The office of the one shared context; made before logging starts, so the log goes under its work folder. */
    private static final LedgerWorkspace WORKSPACE = newWorkspace();

    static {
        if (System.getProperty("LEDGER_LOG_DIR") == null && System.getenv("LEDGER_LOG_DIR") == null) {
            System.setProperty("LEDGER_LOG_DIR", WORKSPACE.root.resolve("work/logs").toString());
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        JobFile job = JobFileParser.parse(WORKSPACE.jobFile);
        Map<String, Object> properties = new LinkedHashMap<>(LedgerContext.databaseProperties(job));
        properties.put("ledger.work-folder", job.folders().work().toString());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stepOffice", properties));
        context.getBeanFactory().registerSingleton("jobFile", job);
        context.getBeanFactory().registerSingleton("roster", RosterLoader.load(job.roster()));
        context.getBeanFactory().registerSingleton("ledgerWorkspace", WORKSPACE);
    }

    static int mailPort() {
        return MAIL_PORT;
    }

    /**
     * An empty office: no run recorded, no ledger rows, no files in its folders. The ledger's tables are emptied
     * whatever they are, as the database lists them (Spring Batch's through its own test utilities).
     */
    static void clear(LedgerWorkspace workspace, JdbcTemplate jdbc, JobRepositoryTestUtils runs) throws IOException {
        runs.removeJobExecutions();
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' and table_name not like 'BATCH\\_%' "
                + "and lower(table_name) <> 'flyway_schema_history'", String.class);
        jdbc.execute("set referential_integrity false");
        try {
            tables.forEach((table) -> jdbc.execute("delete from \"" + table + "\""));
        }
        finally {
            jdbc.execute("set referential_integrity true");
        }
        for (String folder : List.of("inbox", "archive", "rejected", "out")) {
            deleteTree(workspace.root.resolve(folder));
        }
    }

    /** A run's parameters for the month, as the run command makes them; each call is a new run. */
    static JobParameters run(LedgerWorkspace workspace, YearMonth month) {
        return new RunParameters(month, month.atEndOfMonth(), workspace.inbox(), ATTEMPTS.incrementAndGet())
            .toJobParameters();
    }

    /** Runs one step of the job as its own run for the month, and expects it to complete. */
    static JobExecution completed(JobOperatorTestUtils steps, String step, JobParameters run) {
        return completed(steps, step, run, new ExecutionContext());
    }

    static JobExecution completed(JobOperatorTestUtils steps, String step, JobParameters run,
            ExecutionContext jobContext) {
        JobExecution execution = steps.startStep(step, run, jobContext);
        assertThat(execution.getStatus()).as(step + ": " + execution.getAllFailureExceptions())
            .isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    /** A step execution of a run for the month, for a step-scoped reader, processor or writer used alone. */
    static StepExecution stepOf(LedgerWorkspace workspace, YearMonth month) {
        return MetaDataInstanceFactory.createStepExecution(run(workspace, month));
    }

    /**
     * Runs a step on another thread, for a test that acts while it runs. (Here, not in a test class: spring-batch-test
     * takes any method of a test class that returns an execution, a lambda's too, for the one its scope uses.)
     */
    static CompletableFuture<JobExecution> startInBackground(JobOperatorTestUtils steps, Step step, JobParameters run) {
        return CompletableFuture.supplyAsync(() -> steps.startStep(step, run, new ExecutionContext()));
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static LedgerWorkspace newWorkspace() {
        try {
            return LedgerWorkspace.h2(Files.createTempDirectory("ledger-steps")).withJobLines("""
                    delivery:
                      mail: { host: 127.0.0.1, port: %d, tls: false, from: zgb@example.gov.cn, to: [%s],
                              subject: "{campaign}整改进展（{month}）" }
                    """.formatted(MAIL_PORT, SUPERVISOR));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
