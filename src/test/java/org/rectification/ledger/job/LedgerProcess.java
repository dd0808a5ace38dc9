package org.rectification.ledger.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rectification.ledger.RectificationLedgerApplication;

/**
 * The ledger command in a child JVM, as an operator or systemd starts it: same class path as the tests, its
 * standard output and error in files of the workspace, so a test can send it signals and read what it said.
 */
public final class LedgerProcess {

    public final Process process;

    public final Path out;

    public final Path err;

    private LedgerProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code ledger args...}; output goes to {@code work/<name>.out} and {@code work/<name>.err}. */
    public static LedgerProcess start(LedgerWorkspace workspace, String name, String... args) throws IOException {
        return start(workspace, name, List.of(), args);
    }

    /** Starts {@code ledger args...} with extra JVM options (system properties such as a pause point). */
    public static LedgerProcess start(LedgerWorkspace workspace, String name, List<String> jvmOptions, String... args)
            throws IOException {
        return start(workspace, workspace.root.resolve("work"), name, jvmOptions, args);
    }

    /** As above, with its output in another folder (when work/ itself is what the test fills up). */
    public static LedgerProcess start(LedgerWorkspace workspace, Path outputFolder, String name,
            List<String> jvmOptions, String... args) throws IOException {
        return start(workspace.root, "384m", outputFolder, name, jvmOptions, args);
    }

    /** Starts {@code ledger args...} with the given maximum heap, output in {@code <root>/work}. */
    public static LedgerProcess start(Path root, String heap, String name, String... args) throws IOException {
        return start(root, heap, root.resolve("work"), name, List.of(), args);
    }

    /** As above, with extra JVM options. */
    public static LedgerProcess start(Path root, String heap, List<String> jvmOptions, String name, String... args)
            throws IOException {
        return start(root, heap, root.resolve("work"), name, jvmOptions, args);
    }

    private static LedgerProcess start(Path root, String heap, Path outputFolder, String name, List<String> jvmOptions,
            String... args) throws IOException {
        Path work = Files.createDirectories(root.resolve("work"));
        Path output = Files.createDirectories(outputFolder);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-DLEDGER_LOG_DIR=" + work.resolve("logs"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RectificationLedgerApplication.class.getName());
        command.addAll(List.of(args));
        Path out = output.resolve(name + ".out");
        Path err = output.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new LedgerProcess(process, out, err);
    }

    public String output() throws IOException {
        return Files.readString(this.out, StandardCharsets.UTF_8);
    }

    public String errors() throws IOException {
        return Files.readString(this.err, StandardCharsets.UTF_8);
    }

}
