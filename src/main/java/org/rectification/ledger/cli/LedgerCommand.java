package org.rectification.ledger.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.rectification.ledger.office.JobFileException;
import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ledger} command and its subcommands. Everything a clerk reads here is Chinese, from
 * messages.properties: the help (descriptions by key, headings set below), the errors, the summaries. A
 * failure's technical detail (exception class, library message, stack trace) goes to the log file only.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true, version = "rectification-ledger 1.0")
public class LedgerCommand {

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(InitCommand.class, RunCommand.class,
            CheckCommand.class, DemoCommand.class, ServeCommand.class, StatusCommand.class, MailCommand.class,
            TemplatesCommand.class, ReportCommand.class, UserCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit code for a completed run (rejected files are business outcomes, not failures). */
    public static final int OK = 0;

    /** Exit code for a run that failed. */
    public static final int FAILED = 1;

    /** Exit code for a bad job file, roster or command line (a missing file included). */
    public static final int BAD_CONFIGURATION = 2;

    /** Exit code when another run holds the lock. */
    public static final int LOCKED = 3;

    public static int execute(String... args) {
        // Until a command starts the Spring context, libraries log warnings only (not logback's debug default).
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-quiet.xml");
        }
        privateTemporaryFolder();
        CommandLine commandLine = commandLine(args);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setResourceBundle(Messages.bundle());
        inChinese(commandLine);
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof JobFileException) {
                cmd.getErr().println(Messages.get("cli.error", ex.getMessage()));
                return BAD_CONFIGURATION;
            }
            technical().error("{} failed", cmd.getCommandName(), ex);
            cmd.getErr().println(Messages.get(causedBy(ex, java.sql.SQLException.class) ? "cli.error.database"
                    : "cli.error.failed", logFile()));
            return FAILED;
        });
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            technical().info("command line rejected: {}", ex.getMessage());
            CommandLine rejected = ex.getCommandLine();
            rejected.getErr().println(Messages.get("cli.error", parameterProblem(ex)));
            rejected.usage(rejected.getErr());
            return BAD_CONFIGURATION;
        });
        return commandLine.execute(args);
    }

    /**
     * The command line for these arguments. picocli reads every subcommand's annotations and help texts as it is
     * added, about a quarter of a second for all of them at each start; a one-off {@code ledger check} needs only
     * its own. So a named subcommand is added alone; help, no arguments or an unknown word get them all.
     */
    static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new LedgerCommand());
        Class<?> named = (args.length > 0) ? subcommandNamed(args[0]) : null;
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (named == null || subcommand == named) {
                commandLine.addSubcommand(subcommand);
            }
        }
        return commandLine;
    }

    private static Class<?> subcommandNamed(String word) {
        for (Class<?> subcommand : SUBCOMMANDS) {
            Command command = subcommand.getAnnotation(Command.class);
            if (subcommand != CommandLine.HelpCommand.class && command.name().equals(word)) {
                return subcommand;
            }
        }
        return null;
    }

    /**
     * Failures whose detail the console does not show; the logging configuration sends it to the file only. Looked
     * up when needed, not in a static field: logging must not start before {@link #execute} has chosen its
     * configuration.
     */
    static Logger technical() {
        return LoggerFactory.getLogger("org.rectification.ledger.technical");
    }

    /**
     * Descriptions and headings of every command from messages.properties ("cli.<command>.description"); a command
     * without one keeps the description of its annotation.
     */
    private static void inChinese(CommandLine command) {
        var usage = command.getCommandSpec().usageMessage();
        // "cli.run.description", "cli.user.add.description"; the top command is "cli.ledger.description"
        String qualified = command.getCommandSpec().qualifiedName(".");
        String key = "cli." + (qualified.contains(".") ? qualified.substring(qualified.indexOf('.') + 1) : qualified)
                + ".description";
        if (Messages.bundle().containsKey(key)) {
            usage.description(Messages.get(key).split("\n"));
            if (usage.header().length > 0) {
                usage.header(Messages.get(key));
            }
        }
        usage.synopsisHeading(Messages.get("cli.usage.synopsis"));
        usage.parameterListHeading(Messages.get("cli.usage.parameters"));
        usage.optionListHeading(Messages.get("cli.usage.options"));
        usage.commandListHeading(Messages.get("cli.usage.commands"));
        command.getSubcommands().values().forEach(LedgerCommand::inChinese);
    }

    /** picocli's own messages are English: the common ones are said in Chinese, naming the option. */
    private static String parameterProblem(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.MissingParameterException missing) {
            return Messages.get("cli.error.missing-option", String.join("、", missing.getMissing().stream()
                .map((arg) -> (arg instanceof CommandLine.Model.OptionSpec option) ? option.longestName()
                        : arg.paramLabel())
                .toList()));
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return Messages.get("cli.error.unknown-argument", String.join(" ", unmatched.getUnmatched()));
        }
        if (ex instanceof CommandLine.OverwrittenOptionException overwritten
                && overwritten.getOverwritten() instanceof CommandLine.Model.OptionSpec option) {
            return Messages.get("cli.error.option-twice", option.longestName());
        }
        if (ex.getArgSpec() instanceof CommandLine.Model.OptionSpec option && ex.getValue() != null) {
            return Messages.get("cli.error.bad-value", option.longestName(), ex.getValue());
        }
        if (!ex.getCommandLine().getSubcommands().isEmpty() && ex.getArgSpec() == null) {
            // picocli's "Missing required subcommand": a command such as `ledger` or `ledger user` alone
            return Messages.get("cli.error.missing-subcommand");
        }
        // picocli's English sentence stays in the log (above); the usage printed next says what is expected
        return Messages.get("cli.error.command-line");
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> kind) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * POI spools streamed sheets to {@code <tmp>/poifiles}, one folder for every user of the machine: once another
     * account created it, the service account cannot write there and every workbook fails. Each account gets its own.
     */
    private static void privateTemporaryFolder() {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"),
                "rectification-ledger-" + System.getProperty("user.name"), "poifiles");
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder.toFile()));
    }

    /** Where the technical detail of a failure was written. */
    static Path logFile() {
        String folder = System.getProperty("LEDGER_LOG_DIR", System.getenv("LEDGER_LOG_DIR"));
        Path logs = (folder != null) ? Path.of(folder)
                : Path.of(System.getProperty("java.io.tmpdir"), "rectification-ledger-" + System.getProperty("user.name"), "logs");
        return logs.resolve("ledger.log").toAbsolutePath();
    }

}
