package org.rectification.ledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.delivery.DepartmentMail;
import org.rectification.ledger.delivery.DepartmentMailReport;
import org.rectification.ledger.delivery.OutgoingMail;
import org.rectification.ledger.job.RunCommandLock;
import org.rectification.ledger.job.RunLock;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.office.LedgerContext;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;
import org.rectification.ledger.office.RosterLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger mail}: the mail to departments and leaders that is due now (return notices not yet sent, 催报,
 * 督办), sent outside a run or, with {@code --dry-run}, only printed: who would get what, nothing sent or recorded.
 */
@Command(name = "mail", mixinStandardHelpOptions = true)
class MailCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--job", required = true, paramLabel = "FILE", descriptionKey = "cli.option.job")
    Path job;

    @Option(names = "--month", paramLabel = "YYYY-MM", descriptionKey = "cli.option.month")
    YearMonth month;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.mail.as-of")
    LocalDate asOf;

    @Option(names = "--dry-run", descriptionKey = "cli.mail.dry-run-option")
    boolean dryRun;

    @Option(names = "--verbose", descriptionKey = "cli.mail.verbose")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = this.spec.commandLine().getOut();
        PrintWriter err = this.spec.commandLine().getErr();
        JobFile jobFile = JobFileParser.parse(this.job);
        Roster roster = RosterLoader.load(jobFile.roster());
        if (jobFile.delivery().mail() == null) {
            out.println(Messages.get("cli.mail.no-mail"));
            out.flush();
            return LedgerCommand.OK;
        }
        YearMonth reportMonth = (this.month != null) ? this.month : YearMonth.now();
        LocalDate today = (this.asOf != null) ? this.asOf : LocalDate.now();
        try (ConfigurableApplicationContext context = LedgerContext.open(RectificationLedgerApplication.class, jobFile,
                roster, Map.of())) {
            DepartmentMail mail = new DepartmentMail(context.getBean(JdbcTemplate.class), jobFile, roster,
                    System::getenv);
            if (this.dryRun) {
                List<OutgoingMail> due = mail.due(reportMonth, today);
                out.println(Messages.get("cli.mail.dry-run"));
                out.println(Messages.get("cli.mail.summary", reportMonth.toString(), today.toString(),
                        String.valueOf(due.size()), String.valueOf(due.stream().filter((m) -> m.to().isEmpty()).count())));
                for (OutgoingMail outgoing : due) {
                    print(out, outgoing);
                }
                out.flush();
                return LedgerCommand.OK;
            }
            RunLock lock = context.getBean(RunLock.class);
            Optional<RunLock.Held> held = lock.tryAcquire(RunCommandLock.NAME, RunCommandLock.MAX_HOLD);
            if (held.isEmpty()) {
                String holder = lock.holder(RunCommandLock.NAME)
                    .map((h) -> h.lockedBy() + " (since " + h.lockedAt() + ")")
                    .orElse("another process");
                err.println("error: another run holds the lock: " + holder + "; no mail sent");
                return LedgerCommand.LOCKED;
            }
            try (RunLock.Held ignored = held.get()) {
                DepartmentMailReport report = mail.send(reportMonth, today);
                for (OutgoingMail sent : report.sent()) {
                    print(out, sent);
                }
                out.println(Messages.get("cli.mail.sent", String.valueOf(report.sent().size()),
                        String.valueOf(report.failed().size()), String.valueOf(report.noAddress().size())));
            }
        }
        out.flush();
        return LedgerCommand.OK;
    }

    /** One line: kind, addressee, recipients (or why none), subject, attachment; the body with --verbose. */
    private void print(PrintWriter out, OutgoingMail mail) {
        String recipients = mail.to().isEmpty() ? mail.noAddress() : String.join(", ", mail.to());
        String attachment = (mail.attachment() != null) ? mail.attachment().getFileName().toString()
                : Messages.get("cli.mail.none");
        String previous = (mail.previous() != null)
                ? Messages.get("cli.mail.previous", Messages.get("delivery.status." + mail.previous())) : "";
        out.println(Messages.get("cli.mail.line", mail.kind().label(), mail.addressee(), recipients, mail.subject(),
                attachment) + previous);
        if (this.verbose) {
            mail.body().lines().forEach((line) -> out.println("      " + line));
            out.println();
        }
    }

}
