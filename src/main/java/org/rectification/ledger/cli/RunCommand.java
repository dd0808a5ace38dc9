package org.rectification.ledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.intake.Arrivals;
import org.rectification.ledger.job.ConsolidationRunner;
import org.rectification.ledger.job.RunCommandLock;
import org.rectification.ledger.job.RunFault;
import org.rectification.ledger.job.RunLock;
import org.rectification.ledger.job.RunLockFile;
import org.rectification.ledger.job.RunParameters;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.office.LedgerContext;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;
import org.rectification.ledger.office.RosterLoader;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger run}: one consolidation run for a month.
 */
@Command(name = "run", mixinStandardHelpOptions = true)
class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--job", required = true, paramLabel = "FILE", descriptionKey = "cli.option.job")
    Path job;

    @Option(names = "--month", paramLabel = "YYYY-MM", descriptionKey = "cli.option.month")
    YearMonth month;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.option.as-of")
    LocalDate asOf;

    @Option(names = "--inbox", paramLabel = "DIR", descriptionKey = "cli.option.inbox")
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
        return runOnce(jobFile, roster, parameters, Map.of(), out, err);
    }

    /** One run, with the moments files appeared in the inbox where a watcher (here: the demo) saw them. */
    static int runOnce(JobFile jobFile, Roster roster, RunParameters parameters, Map<Path, Instant> arrivals,
            PrintWriter out, PrintWriter err) throws Exception {
        if (jobFile.database().url() != null) {
            return openAndRun(jobFile, roster, parameters, arrivals, out, err);
        }
        // the embedded ledger: one run process opens it at a time
        String[] holder = new String[2];
        Optional<RunLockFile> taken = RunLockFile.tryTake(jobFile.folders().work(), holder);
        if (taken.isEmpty()) {
            err.println(Messages.get("cli.error.locked",
                    (holder[0] != null) ? holder[0] : Messages.get("cli.error.locked-unknown"),
                    (holder[1] != null) ? holder[1] : "?"));
            return LedgerCommand.LOCKED;
        }
        try (RunLockFile ignored = taken.get()) {
            return openAndRun(jobFile, roster, parameters, arrivals, out, err);
        }
    }

    private static int openAndRun(JobFile jobFile, Roster roster, RunParameters parameters,
            Map<Path, Instant> arrivals, PrintWriter out, PrintWriter err) throws Exception {
        ConfigurableApplicationContext opened;
        try {
            opened = LedgerContext.open(RectificationLedgerApplication.class, jobFile, roster, Map.of());
        }
        catch (RuntimeException ex) {
            if (RunFault.databaseInUse(ex)) {
                // H2 did not let us in: the process that has the ledger open holds it, as the run lock would say
                LedgerCommand.technical().warn("The ledger database is open in another process", ex);
                Path database = jobFile.folders().work().resolve("ledger.mv.db");
                err.println(Messages.get("cli.error.locked-database", database, embeddedDatabaseServer(jobFile)));
                return LedgerCommand.LOCKED;
            }
            Optional<String> fault = RunFault.atStart(ex, jobFile);
            if (fault.isEmpty()) {
                throw ex;
            }
            LedgerCommand.technical().error("Could not open the ledger database", ex);
            err.println(Messages.get("cli.error", fault.get()));
            return LedgerCommand.FAILED;
        }
        try (ConfigurableApplicationContext context = opened) {
            Arrivals watched = context.getBean(Arrivals.class);
            arrivals.forEach(watched::appeared);
            return lockAndRun(context, jobFile, parameters, out, err);
        }
        catch (RuntimeException ex) {
            // the database went away or the disk filled while the run took the lock or recorded its state
            Optional<String> fault = RunFault.duringRun(List.of(ex), jobFile);
            if (fault.isEmpty()) {
                throw ex;
            }
            LedgerCommand.technical().error("The run stopped", ex);
            err.println(Messages.get("cli.error", fault.get()));
            return LedgerCommand.FAILED;
        }
    }

    private static int lockAndRun(ConfigurableApplicationContext context, JobFile jobFile, RunParameters parameters,
            PrintWriter out, PrintWriter err) throws Exception {
        RunLock lock = context.getBean(RunLock.class);
        Optional<RunLock.Held> held = lock.tryAcquire(RunCommandLock.NAME, RunCommandLock.MAX_HOLD);
        if (held.isEmpty()) {
            Optional<RunLock.Holder> holder = lock.holder(RunCommandLock.NAME);
            err.println(Messages.get("cli.error.locked",
                    holder.map(RunLock.Holder::lockedBy).orElse(Messages.get("cli.error.locked-unknown")),
                    holder.map((h) -> String.valueOf(h.lockedAt())).orElse("?")));
            return LedgerCommand.LOCKED;
        }
        try (RunLock.Held ignored = held.get()) {
            ConsolidationRunner.RunOutcome outcome = context.getBean(ConsolidationRunner.class).run(parameters);
            RunReport.print(out, jobFile, parameters, outcome);
            if (!outcome.completed()) {
                LedgerCommand.technical().error("run {} {}: {}", outcome.executionId(), outcome.status(),
                        outcome.exitDescription());
                Optional<String> fault = RunFault.duringRun(outcome.failures(), jobFile);
                err.println(fault.isPresent() ? Messages.get("cli.error", fault.get())
                        : Messages.get("cli.error.run-failed", String.valueOf(outcome.executionId()),
                                Messages.get("cli.run.status." + outcome.status()), LedgerCommand.logFile()));
                return LedgerCommand.FAILED;
            }
            return LedgerCommand.OK;
        }
    }

    /** Where the process that has the embedded ledger open serves it to others, as H2's lock file tells. */
    private static String embeddedDatabaseServer(JobFile jobFile) {
        Properties lock = new Properties();
        try (var in = Files.newInputStream(jobFile.folders().work().resolve("ledger.lock.db"))) {
            lock.load(in);
        }
        catch (IOException ex) {
            return Messages.get("cli.error.locked-unknown");
        }
        return lock.getProperty("hostName", "?") + " " + lock.getProperty("server", "?");
    }

}
