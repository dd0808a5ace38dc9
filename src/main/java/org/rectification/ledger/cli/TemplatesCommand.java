package org.rectification.ledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.office.LedgerContext;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;
import org.rectification.ledger.office.RosterLoader;
import org.rectification.ledger.template.MonthlyTemplates;
import org.rectification.ledger.template.TemplateFormat;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger templates}: each expected department's sheet for a month, pre-filled with its open tasks.
 */
@Command(name = "templates", mixinStandardHelpOptions = true)
class TemplatesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--job", required = true, paramLabel = "FILE", descriptionKey = "cli.option.job")
    Path job;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", descriptionKey = "cli.templates.month")
    YearMonth month;

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "cli.templates.out")
    Path out;

    @Option(names = "--format", paramLabel = "xlsx|xls", descriptionKey = "cli.templates.format")
    TemplateFormat format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = this.spec.commandLine().getOut();
        JobFile jobFile = JobFileParser.parse(this.job);
        Roster roster = RosterLoader.load(jobFile.roster());
        try (ConfigurableApplicationContext context = LedgerContext.open(RectificationLedgerApplication.class, jobFile,
                roster, Map.of())) {
            MonthlyTemplates templates = new MonthlyTemplates(jobFile, roster, context.getBean(JdbcLedgerDao.class));
            TemplateFormat chosen = (this.format != null) ? this.format : templates.defaultFormat();
            Path folder = (this.out != null) ? this.out.toAbsolutePath().normalize()
                    : templates.defaultFolder(this.month);
            List<MonthlyTemplates.Written> written = templates.writeAll(this.month, chosen, folder);
            for (MonthlyTemplates.Written sheet : written) {
                out.println(Messages.get("cli.templates.sheet", sheet.department(), String.valueOf(sheet.tasks()),
                        sheet.file().getFileName().toString()));
            }
            out.println(Messages.get("cli.templates.done", this.month.toString(), String.valueOf(written.size()),
                    folder.toString()));
        }
        out.flush();
        return LedgerCommand.OK;
    }

}
