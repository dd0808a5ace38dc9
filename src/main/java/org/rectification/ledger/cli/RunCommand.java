package org.rectification.ledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.job.ConsolidationRunner;
import org.rectification.ledger.job.RunCommandLock;
import org.rectification.ledger.job.RunFault;
import org.rectification.ledger.job.RunLock;
import org.rectification.ledger.job.RunParameters;
import org.rectification.ledger.system.JobFile;
import org.rectification.ledger.system.JobFileParser;
import org.rectification.ledger.system.LedgerContext;
import org.rectification.ledger.system.Roster;
import org.rectification.ledger.system.RosterLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger run}: one consolidation run for a month.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the consolidation once: intake, check, merge, notices, workbooks, archive, delivery.")
class RunCommand implements Callable<Integer> {

    private static final Logger logger = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--job", required = true, description = "The job file (jobs/*.yml).")
    Path job;

    @Option(names = "--month", description = "Reporting month, YYYY-MM (default: this month).")
    YearMonth month;

    @Option(names = "--as-of", description = "As-of date for overdue figures, YYYY-MM-DD (default: today).")
    LocalDate asOf;

    @Option(names = "--inbox", description = "Inbox folder (default: the job file's folders.inbox).")
    Path inbox;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = this.spec.commandLine().getOut();
        JobFile jobFile = JobFileParser.parse(this.job);
        Roster roster = RosterLoader.load(jobFile.roster());
        YearMonth runMonth = (this.month != null) ? this.month : YearMonth.now();
        LocalDate runAsOf = (this.asOf != null) ? this.asOf : LocalDate.now();
        Path runInbox = (this.inbox != null) ? this.inbox.toAbsolutePath().normalize() : jobFile.folders().inbox();
        return runOnce(jobFile, roster, new RunParameters(runMonth, runAsOf, runInbox, 1), out,
                this.spec.commandLine().getErr());
    }

    static int runOnce(JobFile jobFile, Roster roster, RunParameters parameters, PrintWriter out, PrintWriter err)
            throws Exception {
        ConfigurableApplicationContext opened;
        try {
            opened = LedgerContext.open(RectificationLedgerApplication.class, jobFile, roster, Map.of());
        }
        catch (RuntimeException ex) {
            if (RunFault.databaseInUse(ex)) {
                // H2 did not let us in: the process that has the ledger open holds it, as the run lock would say
                logger.warn("The ledger database is open in another process", ex);
                err.println("error: another run holds the lock: " + embeddedDatabaseHolder(jobFile) + "; not started");
                return LedgerCommand.LOCKED;
            }
            Optional<String> fault = RunFault.atStart(ex, jobFile);
            if (fault.isEmpty()) {
                throw ex;
            }
            logger.error("Could not open the ledger database", ex);
            err.println("error: " + fault.get());
            return LedgerCommand.FAILED;
        }
        try (ConfigurableApplicationContext context = opened) {
            return lockAndRun(context, jobFile, parameters, out, err);
        }
        catch (RuntimeException ex) {
            // the database went away or the disk filled while the run took the lock or recorded its state
            Optional<String> fault = RunFault.duringRun(List.of(ex), jobFile);
            if (fault.isEmpty()) {
                throw ex;
            }
            logger.error("The run stopped", ex);
            err.println("error: " + fault.get());
            return LedgerCommand.FAILED;
        }
    }

    private static int lockAndRun(ConfigurableApplicationContext context, JobFile jobFile, RunParameters parameters,
            PrintWriter out, PrintWriter err) throws Exception {
        RunLock lock = context.getBean(RunLock.class);
        Optional<RunLock.Held> held = lock.tryAcquire(RunCommandLock.NAME, RunCommandLock.MAX_HOLD);
        if (held.isEmpty()) {
            String holder = lock.holder(RunCommandLock.NAME)
                .map((h) -> h.lockedBy() + " (since " + h.lockedAt() + ")")
                .orElse("another process");
            err.println("error: another run holds the lock: " + holder + "; not started");
            return LedgerCommand.LOCKED;
        }
        try (RunLock.Held ignored = held.get()) {
            ConsolidationRunner.RunOutcome outcome = context.getBean(ConsolidationRunner.class).run(parameters);
            RunReport.print(out, jobFile, parameters, outcome);
            if (!outcome.completed()) {
                err.println("error: " + RunFault.duringRun(outcome.failures(), jobFile)
                    .orElse("run " + outcome.executionId() + " " + outcome.status() + ": "
                            + outcome.exitDescription()));
                return LedgerCommand.FAILED;
            }
            return LedgerCommand.OK;
        }
    }

    /** Who has the embedded ledger open, as far as H2's lock file tells: the server it runs for others. */
    private static String embeddedDatabaseHolder(JobFile jobFile) {
        Path lockFile = jobFile.folders().work().resolve("ledger.lock.db");
        Properties lock = new Properties();
        try (var in = Files.newInputStream(lockFile)) {
            lock.load(in);
        }
        catch (IOException ex) {
            return "another process (" + jobFile.folders().work().resolve("ledger.mv.db") + " is open)";
        }
        return "another process (" + jobFile.folders().work().resolve("ledger.mv.db") + " is open, served at "
                + lock.getProperty("server", "?") + " on " + lock.getProperty("hostName", "?") + ")";
    }

}
