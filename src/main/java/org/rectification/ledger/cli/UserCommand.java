package org.rectification.ledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.office.LedgerContext;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;
import org.rectification.ledger.office.RosterLoader;
import org.rectification.ledger.web.Account;
import org.rectification.ledger.web.Accounts;
import org.rectification.ledger.web.Role;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ledger user}: the web console's accounts. {@code add} and {@code reset} print a one-time password
 * that the first login must change; nothing else ever shows a password.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        subcommands = { UserCommand.Add.class, UserCommand.Reset.class, UserCommand.ListUsers.class })
class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true)
    static class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--job", required = true, paramLabel = "FILE", descriptionKey = "cli.option.job")
        Path job;

        @Option(names = "--role", required = true, paramLabel = "office|department|supervisor",
                descriptionKey = "cli.user.option.role")
        Role role;

        @Option(names = "--department", paramLabel = "单位", descriptionKey = "cli.user.option.department")
        String department;

        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "cli.user.option.name")
        String name;

        @Override
        public Integer call() {
            return withAccounts(this.spec, this.job, (accounts, out) -> {
                String password = accounts.add(this.name, this.role, this.department);
                Account account = accounts.find(this.name.strip()).orElseThrow();
                out.println(Messages.get("cli.user.added", account.username(),
                        Messages.get("web.role." + account.role().name()),
                        (account.department() != null) ? account.department() : "-", password));
            });
        }

    }

    @Command(name = "reset", mixinStandardHelpOptions = true)
    static class Reset implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--job", required = true, paramLabel = "FILE", descriptionKey = "cli.option.job")
        Path job;

        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "cli.user.option.existing-name")
        String name;

        @Override
        public Integer call() {
            return withAccounts(this.spec, this.job, (accounts, out) -> out
                .println(Messages.get("cli.user.reset", this.name, accounts.reset(this.name))));
        }

    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static class ListUsers implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--job", required = true, paramLabel = "FILE", descriptionKey = "cli.option.job")
        Path job;

        @Override
        public Integer call() {
            return withAccounts(this.spec, this.job, (accounts, out) -> {
                for (Account account : accounts.list()) {
                    out.println(Messages.get("cli.user.line", account.username(),
                            Messages.get("web.role." + account.role().name()),
                            (account.department() != null) ? account.department() : "-",
                            account.mustChangePassword() ? Messages.get("cli.user.one-time") : ""));
                }
            });
        }

    }

    private interface AccountWork {

        void run(Accounts accounts, PrintWriter out);

    }

    private static int withAccounts(CommandSpec spec, Path job, AccountWork work) {
        PrintWriter out = spec.commandLine().getOut();
        JobFile jobFile = JobFileParser.parse(job);
        Roster roster = RosterLoader.load(jobFile.roster());
        try (ConfigurableApplicationContext context = LedgerContext.open(RectificationLedgerApplication.class, jobFile,
                roster, Map.of())) {
            work.run(context.getBean(Accounts.class), out);
        }
        catch (Accounts.AccountException ex) {
            spec.commandLine().getErr().println(Messages.get("cli.error", ex.getMessage()));
            return LedgerCommand.BAD_CONFIGURATION;
        }
        out.flush();
        return LedgerCommand.OK;
    }

}
