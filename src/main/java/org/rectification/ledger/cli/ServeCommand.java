package org.rectification.ledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.intake.Arrivals;
import org.rectification.ledger.intake.InboxWatcher;
import org.rectification.ledger.job.ConsolidationRunner;
import org.rectification.ledger.job.ConsolidationService;
import org.rectification.ledger.job.RunLock;
import org.rectification.ledger.job.StopRequest;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.office.LedgerContext;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;
import org.rectification.ledger.office.RosterLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rectification.ledger.web.ConsoleSettings;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger serve}: stays up, runs the job on the job file's cron schedule and shortly after new files
 * have settled in the inbox. SIGTERM stops gracefully: the current chunk finishes, the run is marked
 * stopped, and the next start resumes it.
 */
@Command(name = "serve", mixinStandardHelpOptions = true)
class ServeCommand implements Callable<Integer> {

    private static final Logger logger = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--job", required = true, paramLabel = "FILE", descriptionKey = "cli.option.job")
    Path job;

    /** How long a stop waits for the running chunk to finish; systemd's TimeoutStopSec is longer. */
    static final Duration STOP_WAIT = Duration.ofMinutes(4);

    @Option(names = "--stop-after-runs", hidden = true, defaultValue = "0",
            description = "Exit after this many completed runs (0 = never).")
    int stopAfterRuns;

    @Option(names = "--port", paramLabel = "PORT", descriptionKey = "cli.serve.port")
    Integer port;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = this.spec.commandLine().getOut();
        JobFile jobFile = JobFileParser.parse(this.job);
        Roster roster = RosterLoader.load(jobFile.roster());
        CronExpression cron = CronExpression.parse(jobFile.schedule().cron());
        // We close the context ourselves, after the run has stopped; Spring's own shutdown hook would close it
        // (and the database pool) under the running chunk.
        Map<String, Object> properties = new LinkedHashMap<>(ConsoleSettings.properties(jobFile));
        properties.put("spring.main.register-shutdown-hook", "false");
        if (this.port != null) {
            properties.put("server.port", String.valueOf(this.port));
        }
        // serve alone starts the web console; run, check and status stay without a web server
        ConfigurableApplicationContext context = LedgerContext.open(RectificationLedgerApplication.class, jobFile,
                roster, properties, WebApplicationType.SERVLET);
        ConsolidationService service = new ConsolidationService(context.getBean(ConsolidationRunner.class),
                context.getBean(RunLock.class), jobFile, context.getBean(Clock.class), context.getBean(StopRequest.class));
        // the console's "run now" goes through the same service, so it queues behind (or folds into) any other run
        context.getBeanFactory().registerSingleton("consolidationService", service);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((r) -> {
            Thread thread = new Thread(r, "serve-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        JobFile.Folders folders = jobFile.folders();
        InboxWatcher watcher = new InboxWatcher(folders.inbox(), Duration.ofSeconds(jobFile.schedule().debounceSeconds()),
                () -> service.trigger(Messages.get("job.log.reason.settled")), scheduler,
                List.of(folders.archive(), folders.rejected(), folders.out(), folders.work()), context.getBean(Arrivals.class));

        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl+C are handled here, not by a shutdown hook, so the run stops while everything is still
        // up and the process then exits 0 (a JVM ended by a shutdown hook exits 143, which systemd calls a failure).
        Map<String, Object> previousHandlers = StopSignals.install(stopRequested::countDown);
        // Any other way out (SIGHUP, System.exit elsewhere) still stops the run before the JVM goes.
        Thread shutdownHook = new Thread(() -> {
            stopRequested.countDown();
            awaitQuietly(stopped, STOP_WAIT.plusSeconds(30));
        }, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        boolean stoppedInTime = false;
        try {
            scheduleNext(scheduler, cron, service, ZonedDateTime.now());
            watcher.start();
            out.println(Messages.get("cli.serve.started", jobFile.folders().inbox().toString(), jobFile.schedule().cron(),
                    String.valueOf(jobFile.schedule().debounceSeconds())));
            out.println(Messages.get("cli.serve.console", consoleUrl(context)));
            out.flush();
            // Files that arrived while we were down, or a run a previous stop left unfinished, are taken up now.
            service.trigger(Messages.get("job.log.reason.start-up"));
            while (!stopRequested.await(200, TimeUnit.MILLISECONDS)) {
                if (this.stopAfterRuns > 0 && service.completedRuns() >= this.stopAfterRuns) {
                    break;
                }
            }
            logger.info(Messages.get("job.log.stopping"));
        }
        finally {
            try {
                watcher.close();
                scheduler.shutdownNow();
                stoppedInTime = service.shutdown(STOP_WAIT);
            }
            finally {
                context.close();
                stopped.countDown();
                StopSignals.restore(previousHandlers);
                removeQuietly(shutdownHook);
            }
        }
        logger.info(Messages.get("cli.serve.stopped"));
        return stoppedInTime ? LedgerCommand.OK : LedgerCommand.FAILED;
    }

    /** Where the console listens, as the log and the operator need it. */
    private static String consoleUrl(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port", "?");
        boolean ssl = context.getEnvironment().getProperty("server.ssl.bundle") != null
                || context.getEnvironment().getProperty("server.ssl.enabled", Boolean.class, false);
        return (ssl ? "https" : "http") + "://localhost:" + port + "/";
    }

    private static void awaitQuietly(CountDownLatch latch, Duration wait) {
        try {
            latch.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (IllegalStateException ex) {
            // the JVM is already shutting down: the hook is running and returns at once
        }
    }

    private static void scheduleNext(ScheduledExecutorService scheduler, CronExpression cron,
            ConsolidationService service, ZonedDateTime after) {
        ZonedDateTime next = cron.next(after);
        if (next == null || scheduler.isShutdown()) {
            return;
        }
        long delay = Math.max(0, Duration.between(ZonedDateTime.now(), next).toMillis());
        // the next time is computed from this one, not from the clock, so an early wake-up never fires twice
        scheduler.schedule(() -> {
            service.trigger(Messages.get("job.log.reason.schedule", cron.toString()));
            scheduleNext(scheduler, cron, service, next);
        }, delay, TimeUnit.MILLISECONDS);
    }

}
