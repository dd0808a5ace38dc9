package org.rectification.ledger.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.job.LedgerWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ledger} launcher started from another folder, as an office uses it: relative paths on the command
 * line mean the caller's folder. The launcher runs the test class path (LEDGER_CLASSPATH) instead of building.
 */
@Tag("process")
class LauncherTests {

    private static final Path LAUNCHER = Path.of("ledger").toAbsolutePath();

    @TempDir
    Path elsewhere;

    @Test
    void aMissingFileIsMissingNotDamaged() throws Exception {
        Result check = ledger(this.elsewhere, "check", "没有这个文件.xlsx");

        assertThat(check.exitCode).isEqualTo(LedgerCommand.BAD_CONFIGURATION);
        assertThat(check.err).contains("文件不存在：" + this.elsewhere.resolve("没有这个文件.xlsx")).doesNotContain("损坏");
    }

    @Test
    void anOfficeSetUpElsewhereRunsChecksAndReportsWithRelativePaths() throws Exception {
        Result init = ledger(this.elsewhere, "init", "office", "--campaign", "县委第三轮巡察", "--feedback-date",
                "2026-09-15");
        assertThat(init.exitCode).as(init.err).isZero();
        Path office = this.elsewhere.resolve("office");
        assertThat(office.resolve("job.yml")).exists();
        // the clerk fills the roster in: here, the sample county's
        Files.copy(LedgerWorkspace.SAMPLES.resolve("roster.xlsx"), office.resolve("花名册.xlsx"),
                StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> sheets = Files.list(LedgerWorkspace.SAMPLES.resolve("2026-11"))) {
            for (Path sheet : sheets.filter((p) -> !p.toString().endsWith(".md")).toList()) {
                Path copy = office.resolve("inbox").resolve(sheet.getFileName().toString());
                Files.copy(sheet, copy);
                Files.setLastModifiedTime(copy, FileTime.from(Instant.parse("2026-11-05T01:00:00Z")));
            }
        }

        Result run = ledger(office, "run", "--job", "job.yml", "--month", "2026-11", "--as-of", "2026-11-30");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("县委第三轮巡察 2026-11 月度汇总", "输出目录：" + office.resolve("out"));
        assertThat(office.resolve("out/月度整改进展-2026-11.xlsx")).exists();
        assertThat(office.resolve("out/整改总台账.xlsx")).exists();
        assertThat(office.resolve("work/logs/ledger.log")).exists();
        assertThat(office.resolve("inbox")).isEmptyDirectory();
        assertThat(run.out + run.err).as("no English or library chatter on the console")
            .doesNotContain("falling back", "Exception", "accepted", "rejected (", "Run lock", "finding(s)");

        Files.copy(LedgerWorkspace.SAMPLES.resolve("2026-11/民政局-11月整改任务分解表.xlsx"), office.resolve("民政局.xlsx"));
        Result check = ledger(office, "check", "--job", "job.yml", "--month", "2026-11", "民政局.xlsx");
        assertThat(check.exitCode).as(check.err).isZero();
        assertThat(check.out).contains("民政局.xlsx");

        Result status = ledger(office, "status", "--job", "job.yml", "--month", "2026-11");
        assertThat(status.exitCode).as(status.err).isZero();
        assertThat(status.out).contains("收件箱 " + office.resolve("inbox") + "：待处理 0 个");
    }

    @Test
    void theFirstBuildAllowsMavensUnsafeSoJava25PrintsNoEnglishWarning() throws Exception {
        // a program folder whose sources are newer than any build, and an mvn that says what it was given
        Path program = Files.createDirectories(this.elsewhere.resolve("program"));
        Files.copy(LAUNCHER, program.resolve("ledger"));
        Files.createDirectories(program.resolve("src/main"));
        Files.writeString(program.resolve("pom.xml"), "<project/>");
        Path bin = Files.createDirectories(this.elsewhere.resolve("bin"));
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho \"MAVEN_OPTS=[$MAVEN_OPTS]\"\nexit 1\n");
        mvn.toFile().setExecutable(true);

        ProcessBuilder builder = new ProcessBuilder("bash", program.resolve("ledger").toString(), "--version")
            .directory(this.elsewhere.toFile())
            .redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + builder.environment().get("PATH"));
        builder.environment().put("MAVEN_OPTS", "-Xmx256m");
        builder.environment().remove("LEDGER_CLASSPATH");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("正在构建")
            .contains("MAVEN_OPTS=[-Xmx256m --sun-misc-unsafe-memory-access=allow]");
    }

    @Test
    void anOlderJavaHomeIsPassedOverByItsReleaseFileWithoutStartingIt() throws Exception {
        // a JAVA_HOME whose release file says 17, and whose java notes that it was started
        Path olderJdk = Files.createDirectories(this.elsewhere.resolve("jdk-17/bin"));
        Files.writeString(olderJdk.getParent().resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path started = this.elsewhere.resolve("started");
        Path java = Files.writeString(olderJdk.resolve("java"), "#!/bin/sh\ntouch " + started + "\nexit 1\n");
        java.toFile().setExecutable(true);

        Result version = ledger(this.elsewhere, Map.of("JAVA_HOME", olderJdk.getParent().toString()), "--version");

        assertThat(version.exitCode).as(version.err).isZero();
        assertThat(version.out).startsWith("rectification-ledger");
        assertThat(started).doesNotExist();
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result ledger(Path folder, String... args) throws IOException, InterruptedException {
        return ledger(folder, Map.of(), args);
    }

    private static Result ledger(Path folder, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
        builder.environment().put("LEDGER_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("LEDGER_JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1");
        builder.environment().remove("LEDGER_LOG_DIR");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("ledger " + String.join(" ", args) + " ends").isTrue();
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        System.out.print(result.out);
        System.err.print(result.err);
        return result;
    }

}
