package org.rectification.ledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.delivery.DepartmentMail;
import org.rectification.ledger.delivery.WorkbookDelivery;
import org.rectification.ledger.intake.Arrivals;
import org.rectification.ledger.intake.InboxScanner;
import org.rectification.ledger.job.ConsolidationJobConfiguration;
import org.rectification.ledger.report.MonthSubmissions;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.office.LedgerContext;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;
import org.rectification.ledger.office.RosterLoader;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger status}: what the office wants to know in the morning, read from the database: the last
 * runs and their outcome, the inbox backlog, the month's missing submissions, pending deliveries, mails to
 * departments and leaders not sent (failed, or without an address) and the departments the roster has no address for.
 */
@Command(name = "status", mixinStandardHelpOptions = true)
class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Runs listed, newest first. */
    private static final int RUNS_SHOWN = 5;

    @Option(names = "--job", required = true, paramLabel = "FILE", descriptionKey = "cli.option.job")
    Path job;

    @Option(names = "--month", paramLabel = "YYYY-MM", descriptionKey = "cli.status.month")
    YearMonth month;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = this.spec.commandLine().getOut();
        JobFile jobFile = JobFileParser.parse(this.job);
        Roster roster = RosterLoader.load(jobFile.roster());
        YearMonth reportMonth = (this.month != null) ? this.month : YearMonth.now();
        try (ConfigurableApplicationContext context = LedgerContext.open(RectificationLedgerApplication.class, jobFile,
                roster, Map.of("spring.batch.jdbc.initialize-schema", "always"))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            out.println(Messages.get("cli.status.runs"));
            // the runs as Spring Batch records them, read through its repository
            JobRepository jobs = context.getBean(JobRepository.class);
            List<JobExecution> runs = new ArrayList<>();
            for (JobInstance instance : jobs.getJobInstances(ConsolidationJobConfiguration.JOB_NAME, 0, RUNS_SHOWN)) {
                runs.addAll(jobs.getJobExecutions(instance));
            }
            runs.sort(Comparator.comparingLong(JobExecution::getId).reversed());
            if (runs.isEmpty()) {
                out.println("  " + Messages.get("cli.status.none"));
            }
            for (JobExecution run : runs.subList(0, Math.min(RUNS_SHOWN, runs.size()))) {
                out.println(Messages.get("cli.status.run", String.valueOf(run.getId()),
                        text(run.getJobParameters().getString("month")), status(run.getStatus().name()),
                        time(run.getStartTime()), time(run.getEndTime())));
            }
            InboxScanner.Scan scan = ConsolidationJobConfiguration.inboxScanner(jobFile, new Arrivals())
                .scan(jobFile.folders().inbox(), Instant.now());
            out.println(Messages.get("cli.status.inbox", jobFile.folders().inbox().toString(),
                    String.valueOf(scan.ready().size()), String.valueOf(scan.settling().size())));
            List<InboxScanner.InboxFile> setAside = scan.setAside();
            if (!setAside.isEmpty()) {
                out.println(Messages.get("cli.status.set-aside", String.valueOf(setAside.size())));
                for (InboxScanner.InboxFile file : setAside) {
                    out.println(Messages.get("cli.status.set-aside-item", file.setAside().reason()));
                }
            }
            // the same buckets as the monthly workbook and summary.json
            MonthSubmissions month = MonthSubmissions.read(jdbc, roster, reportMonth,
                    jobFile.reports().dueDay());
            out.println(Messages.get("cli.status.submissions", reportMonth.toString(), String.valueOf(month.expected()),
                    String.valueOf(month.accepted()), String.valueOf(month.returned()),
                    String.valueOf(month.missing())));
            for (MonthSubmissions.Standing standing : month.notSubmitted()) {
                out.println(Messages.get("cli.status.not-submitted", standing.department(), standing.state().label(),
                        standing.reason()));
            }
            List<WorkbookDelivery.Unsent> deliveries = WorkbookDelivery.unsent(jdbc);
            out.println(deliveries.isEmpty() ? Messages.get("cli.status.deliveries.none")
                    : Messages.get("cli.status.deliveries", String.valueOf(deliveries.size())));
            for (WorkbookDelivery.Unsent delivery : deliveries) {
                out.println(Messages.get("cli.status.delivery", delivery.month(), delivery.artifact(),
                        deliveryStatus(delivery.status()), String.valueOf(delivery.attempts()),
                        text(delivery.lastError())));
            }
            List<DepartmentMail.Unsent> mails = DepartmentMail.unsent(jdbc);
            out.println(Messages.get("cli.status.mails", String.valueOf(mails.size())));
            for (DepartmentMail.Unsent mail : mails) {
                out.println(Messages.get("cli.status.mail", mail.month(), mail.kind().label(), mail.addressee(),
                        mail.statusLabel(), String.valueOf(mail.attempts()), mail.subject(), text(mail.lastError())));
            }
            List<String> withoutAddress = DepartmentMail.withoutAddress(roster);
            out.println(Messages.get("cli.status.no-address", String.valueOf(withoutAddress.size()),
                    String.join("、", withoutAddress)));
        }
        out.flush();
        return LedgerCommand.OK;
    }

    /** A column value as MessageFormat should print it: numbers without grouping, nothing for null. */
    private static String text(Object value) {
        return (value != null) ? String.valueOf(value) : "";
    }

    /** A delivery's status in Chinese (待发送, 发送失败). */
    private static String deliveryStatus(Object value) {
        try {
            return Messages.get("cli.status.delivery-status." + value);
        }
        catch (IllegalStateException ex) {
            return text(value);
        }
    }

    /** A run's status as the run summary says it (已完成, 失败, 已停止...). */
    private static String status(Object value) {
        try {
            return Messages.get("cli.run.status." + value);
        }
        catch (IllegalStateException ex) {
            return text(value);
        }
    }

    /** A timestamp to the second, or "-" for a run still going. */
    private static String time(Object value) {
        if (value == null) {
            return "-";
        }
        String text = String.valueOf(value).replace('T', ' ');
        int fraction = text.indexOf('.');
        return (fraction > 0) ? text.substring(0, fraction) : text;
    }

}
