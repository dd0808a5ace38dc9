package org.rectification.ledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.intake.InboxWatcher;
import org.rectification.ledger.job.ConsolidationRunner;
import org.rectification.ledger.job.ConsolidationService;
import org.rectification.ledger.job.RunLock;
import org.rectification.ledger.system.JobFile;
import org.rectification.ledger.system.JobFileParser;
import org.rectification.ledger.system.LedgerContext;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.system.Roster;
import org.rectification.ledger.system.RosterLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.launch.JobOperator;
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
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run unattended: on the job file's cron schedule and after new inbox files settle.")
class ServeCommand implements Callable<Integer> {

    private static final Logger logger = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--job", required = true, description = "The job file (jobs/*.yml).")
    Path job;

    @Option(names = "--stop-after-runs", hidden = true, defaultValue = "0",
            description = "Exit after this many completed runs (0 = never).")
    int stopAfterRuns;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = this.spec.commandLine().getOut();
        JobFile jobFile = JobFileParser.parse(this.job);
        Roster roster = RosterLoader.load(jobFile.roster());
        ConfigurableApplicationContext context = LedgerContext.open(RectificationLedgerApplication.class, jobFile,
                roster, Map.of("spring.main.register-shutdown-hook", "false"));
        ConsolidationService service = new ConsolidationService(context.getBean(ConsolidationRunner.class),
                context.getBean(RunLock.class), jobFile, context.getBean(Clock.class), context.getBean(JobOperator.class));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((r) -> {
            Thread thread = new Thread(r, "serve-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        InboxWatcher watcher = new InboxWatcher(jobFile.folders().inbox(),
                Duration.ofSeconds(jobFile.schedule().debounceSeconds()), () -> service.trigger("new files settled"),
                scheduler);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            logger.info("Stopping: the current run finishes its chunk and is marked stopped");
            try {
                watcher.close();
                scheduler.shutdownNow();
                service.shutdown(Duration.ofMinutes(5));
            }
            catch (Exception ex) {
                logger.warn("While stopping: {}", ex.getMessage());
            }
            finally {
                context.close();
                stopped.countDown();
            }
        }, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        CronExpression cron = CronExpression.parse(jobFile.schedule().cron());
        scheduleNext(scheduler, cron, service);
        watcher.start();
        out.println(Messages.get("cli.serve.started", jobFile.folders().inbox().toString(), jobFile.schedule().cron(),
                String.valueOf(jobFile.schedule().debounceSeconds())));
        out.flush();
        // Files that arrived while we were down, or a run a previous stop left unfinished, are taken up now.
        service.trigger("start-up");
        if (this.stopAfterRuns > 0) {
            while (service.completedRuns() < this.stopAfterRuns && stopped.getCount() > 0) {
                Thread.sleep(200);
            }
            Runtime.getRuntime().removeShutdownHook(shutdown);
            shutdown.start();
        }
        stopped.await();
        return LedgerCommand.OK;
    }

    private static void scheduleNext(ScheduledExecutorService scheduler, CronExpression cron,
            ConsolidationService service) {
        ZonedDateTime now = ZonedDateTime.now();
        ZonedDateTime next = cron.next(now);
        if (next == null || scheduler.isShutdown()) {
            return;
        }
        long delay = Math.max(0, Duration.between(now, next).toMillis());
        scheduler.schedule(() -> {
            service.trigger("schedule " + cron);
            scheduleNext(scheduler, cron, service);
        }, delay, TimeUnit.MILLISECONDS);
    }

}
