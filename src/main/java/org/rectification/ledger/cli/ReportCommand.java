package org.rectification.ledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.report.MonthlyReports;
import org.rectification.ledger.report.ReportRequest;
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
 * {@code ledger report}: the month's rectification report (整改情况报告), a .docx draft for the leading group.
 */
@Command(name = "report", mixinStandardHelpOptions = true)
class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--job", required = true, paramLabel = "FILE", descriptionKey = "cli.option.job")
    Path job;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", descriptionKey = "cli.report.month")
    YearMonth month;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.report.as-of")
    LocalDate asOf;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = this.spec.commandLine().getOut();
        JobFile jobFile = JobFileParser.parse(this.job);
        Roster roster = RosterLoader.load(jobFile.roster());
        LocalDate today = LocalDate.now();
        LocalDate reportAsOf = (this.asOf != null) ? this.asOf
                : (this.month.isBefore(YearMonth.from(today)) ? this.month.atEndOfMonth() : today);
        JobFile.Reports settings = jobFile.reports();
        ReportRequest request = new ReportRequest(jobFile.campaign().name(), roster, this.month, reportAsOf,
                jobFile.folders().out(), settings.dueDay(), settings.greenDays(), settings.yellowDays());
        try (ConfigurableApplicationContext context = LedgerContext.open(RectificationLedgerApplication.class, jobFile,
                roster, Map.of())) {
            Path written = new MonthlyReports(context.getBean(JdbcTemplate.class)).writeRectificationReport(request);
            out.println(Messages.get("cli.report.done", this.month.toString(), reportAsOf.toString(),
                    written.toString()));
        }
        out.flush();
        return LedgerCommand.OK;
    }

}
