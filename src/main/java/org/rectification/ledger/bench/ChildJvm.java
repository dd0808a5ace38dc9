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
 * Starts {@link ProbeMain} in a fresh JVM on this application's own class path (the Spring Boot jar through
 * its PropertiesLauncher, or the plain class path under Maven and IDEs), with the given heap cap, waits for
 * it, and reads its {@code BENCH-RESULT} line; the wall time is measured here, JVM start included.
 */
final class ChildJvm {

    private static final Pattern RESULT = Pattern.compile(ProbeMain.RESULT
            + " files=(\\d+) rows=(\\d+) work_ms=(\\d+) heap_peak=(\\d+) rss_kb=(-?\\d+) exit=(-?\\d+)");

    private final Path logs;

    ChildJvm(Path logs) throws IOException {
        this.logs = Files.createDirectories(logs);
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
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dstdout.encoding=UTF-8");
        command.addAll(jvmOptions);
        command.addAll(launcher());
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
                Long.parseLong(matcher.group(3)) / 1e3, Long.parseLong(matcher.group(4)) / (1024.0 * 1024.0),
                Long.parseLong(matcher.group(5)) / 1024.0, Integer.parseInt(matcher.group(6)));
    }

    /** What follows the JVM options to start ProbeMain from the class path this JVM was started with. */
    static List<String> launcher() throws IOException {
        String classPath = System.getProperty("java.class.path");
        String main = ProbeMain.class.getName();
        if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar") && isBootJar(classPath)) {
            return List.of("-Dloader.main=" + main, "-cp", classPath,
                    "org.springframework.boot.loader.launch.PropertiesLauncher");
        }
        return List.of("-cp", classPath, main);
    }

    private static boolean isBootJar(String jar) throws IOException {
        try (JarFile file = new JarFile(jar)) {
            return file.getEntry("BOOT-INF/classes/") != null || file.getEntry("BOOT-INF/lib/") != null;
        }
    }

}
