package org.rectification.ledger.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.rectification.ledger.system.JobFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ledger} command and its subcommands.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true, version = "rectification-ledger 1.0",
        description = "整改台账：检查各单位报送的整改任务分解表，合并进整改总台账，生成月度整改进展。%n"
                + "Checks department sheets, merges them into the master ledger, writes the monthly workbooks.",
        subcommands = { RunCommand.class, CheckCommand.class, DemoCommand.class, ServeCommand.class,
                StatusCommand.class, TemplatesCommand.class, ReportCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class })
public class LedgerCommand {

    /** Exit code for a completed run (rejected files are business outcomes, not failures). */
    public static final int OK = 0;

    /** Exit code for a run that failed. */
    public static final int FAILED = 1;

    /** Exit code for a bad job file, roster or command line. */
    public static final int BAD_CONFIGURATION = 2;

    /** Exit code when another run holds the lock. */
    public static final int LOCKED = 3;

    public static int execute(String... args) {
        // Until a command starts the Spring context, libraries log warnings only (not logback's debug default).
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-quiet.xml");
        }
        CommandLine commandLine = new CommandLine(new LedgerCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof JobFileException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return BAD_CONFIGURATION;
            }
            cmd.getErr().println("error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            return FAILED;
        });
        commandLine.setParameterExceptionHandler((ex, args1) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return BAD_CONFIGURATION;
        });
        return commandLine.execute(args);
    }

}
