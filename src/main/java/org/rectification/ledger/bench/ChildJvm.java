package org.rectification.ledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts {@link ProbeMain} in a fresh JVM on a flat class path (see {@link #launcher}), with the given heap cap,
 * waits for it, and reads its {@code BENCH-RESULT} line; the wall time is measured here, JVM start included.
 */
final class ChildJvm {

    private static final Pattern RESULT = Pattern.compile(ProbeMain.RESULT
            + " files=(\\d+) rows=(\\d+) work_ms=(\\d+) cpu_ms=(-?\\d+) jit_ms=(-?\\d+) heap_peak=(\\d+) rss_kb=(-?\\d+)"
            + " exit=(-?\\d+)");

    private final Path logs;

    private final String ledgerProbe;

    /** @param ledgerProbe the main class that measures a {@code ledger} mode (ProbeMain with the commands) */
    ChildJvm(Path logs, String ledgerProbe) throws IOException {
        this.logs = Files.createDirectories(logs);
        this.ledgerProbe = ledgerProbe;
    }

    /**
     * Runs one measurement; its console output goes to {@code logs/<label>.log}.
     *
     * @param label names the log file and the measurement
     * @param heap the child's -Xmx, e.g. {@code 256m}
     * @param jvmOptions further JVM options (a flight recording, for example)
     * @param args the arguments of {@link ProbeMain}
     */
    Measurement run(String label, String heap, List<String> jvmOptions, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.add("-Xmx" + heap);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dstdout.encoding=UTF-8");
        command.addAll(jvmOptions);
        command.addAll(launcher(args.get(0).equals("ledger") ? this.ledgerProbe : ProbeMain.class.getName()));
        command.addAll(args);
        Path log = this.logs.resolve(label + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        double wall = (System.nanoTime() - started) / 1e9;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher matcher = RESULT.matcher(output);
        String last = null;
        while (matcher.find()) {
            last = matcher.group();
        }
        if (last == null) {
            throw new IllegalStateException(label + " ended with exit code " + exit + " and no result; see " + log);
        }
        matcher = RESULT.matcher(last);
        matcher.matches();
        return new Measurement(label, Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)), wall,
                Long.parseLong(matcher.group(3)) / 1e3, Long.parseLong(matcher.group(4)) / 1e3,
                Long.parseLong(matcher.group(5)) / 1e3, Long.parseLong(matcher.group(6)) / (1024.0 * 1024.0),
                Long.parseLong(matcher.group(7)) / 1024.0, Integer.parseInt(matcher.group(8)));
    }

    /**
     * What follows the JVM options to start ProbeMain from a flat class path: this JVM's own when it is one
     * already (the launcher's extracted {@code target/app}, or Maven's), else the Spring Boot jar extracted once
     * with {@code -Djarmode=tools extract} next to the logs (a jar and {@code lib/*.jar}, as the launcher runs it),
     * so no child pays for the nested jar's class loading.
     */
    List<String> launcher(String main) throws IOException, InterruptedException {
        return List.of("-cp", flatClassPath(), main);
    }

    private String flatClassPath() throws IOException, InterruptedException {
        String classPath = System.getProperty("java.class.path");
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar") || !isBootJar(classPath)) {
            return classPath;
        }
        Path app = this.logs.resolveSibling("app");
        Path jar = app.resolve(Path.of(classPath).getFileName());
        if (!Files.isRegularFile(jar)) {
            Process extract = new ProcessBuilder(javaCommand(), "-Djarmode=tools", "-jar", classPath, "extract",
                    "--destination", app.toString())
                .redirectErrorStream(true)
                .redirectOutput(this.logs.resolve("extract.log").toFile())
                .start();
            if (extract.waitFor() != 0 || !Files.isRegularFile(jar)) {
                throw new IllegalStateException("could not extract " + classPath + "; see " + this.logs.resolve("extract.log"));
            }
        }
        return jar.toString();
    }

    /**
     * The JVM options the product runs with, the same as the {@code ./ledger} launcher gives it: the lines of
     * {@link ProductOptions} (the launcher reads the same file), plus the launcher's AOT cache when the child
     * runs the launcher's own extracted jar, which the cache was trained on.
     */
    List<String> productOptions() throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(ProductOptions.load());
        options.addAll(aotOptions());
        return options;
    }

    /** The launcher's AOT cache when the child runs the launcher's own extracted jar, else nothing. */
    List<String> aotOptions() throws IOException, InterruptedException {
        return aotOptions("ledger.aot");
    }

    /**
     * The JVM options the launcher gives a one-off {@code check}: the product's, its own smaller AOT cache (the
     * whole one when there is none) and {@code extra}.
     */
    List<String> checkOptions(List<String> extra) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(ProductOptions.load());
        List<String> cache = aotOptions("ledger-check.aot");
        options.addAll(cache.isEmpty() ? aotOptions() : cache);
        options.addAll(extra);
        return options;
    }

    private List<String> aotOptions(String cacheName) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>();
        Path jar = Path.of(flatClassPath());
        Path aot = jar.resolveSibling(cacheName);
        if (jar.toString().endsWith(".jar") && Files.isRegularFile(aot)) {
            options.add("-XX:AOTCache=" + aot);
            options.add("-Xlog:aot=error,cds=error");
        }
        return options;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean isBootJar(String jar) throws IOException {
        try (JarFile file = new JarFile(jar)) {
            return file.getEntry("BOOT-INF/classes/") != null || file.getEntry("BOOT-INF/lib/") != null;
        }
    }

}
