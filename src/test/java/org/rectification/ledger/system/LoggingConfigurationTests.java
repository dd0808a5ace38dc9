package org.rectification.ledger.system;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/** logback-spring.xml loads cleanly and tags every line of a run with its run id, in the file and on the console. */
class LoggingConfigurationTests {

    @TempDir
    Path logDir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private PrintStream originalOut;

    private LoggerContext context;

    @BeforeEach
    void loadConfiguration() throws Exception {
        this.originalOut = System.out;
        System.setOut(new PrintStream(this.console, true, StandardCharsets.UTF_8));
        System.setProperty("LEDGER_LOG_DIR", this.logDir.toString());
        this.context = (LoggerContext) LoggerFactory.getILoggerFactory();
        this.context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(this.context);
        URL configuration = getClass().getClassLoader().getResource("logback-spring.xml");
        configurator.doConfigure(configuration);
    }

    @AfterEach
    void restoreDefaults() throws Exception {
        System.clearProperty("LEDGER_LOG_DIR");
        System.setOut(this.originalOut);
        MDC.clear();
        this.context.reset();
        new ContextInitializer(this.context).autoConfig();
    }

    @Test
    void loadsWithoutErrorsOrWarnings() {
        List<Status> problems = this.context.getStatusManager()
            .getCopyOfStatusList()
            .stream()
            .filter((status) -> status.getLevel() >= Status.WARN)
            .toList();

        assertThat(problems).isEmpty();
    }

    @Test
    void tagsEveryLineOfARunWithItsRunIdInTheFile() throws Exception {
        Logger log = LoggerFactory.getLogger("org.rectification.ledger.job.ConsolidationJob");

        MDC.put("runId", "12");
        log.info("收到 3 份报送");
        MDC.remove("runId");
        log.info("between runs");

        List<String> lines = Files.readAllLines(this.logDir.resolve("ledger.log"), StandardCharsets.UTF_8);
        assertThat(lines).anySatisfy((line) -> assertThat(line).contains("INFO", "[run 12]", "收到 3 份报送"));
        assertThat(lines).anySatisfy((line) -> assertThat(line).contains("[-]", "between runs"));
    }

    @Test
    void showsTheProductsOwnLinesOnTheConsoleAndLibrariesAndStackTracesInTheFileOnly() throws Exception {
        MDC.put("runId", "7");
        LoggerFactory.getLogger("org.rectification.ledger.job.ConsolidationJob").info("run started");
        LoggerFactory.getLogger("org.rectification.ledger.job.ConsolidationJob")
            .warn("读取失败", new IllegalStateException("zip END header not found"));
        LoggerFactory.getLogger("org.springframework.batch.core.job.SimpleStepHandler").info("Executing step");
        LoggerFactory.getLogger("com.zaxxer.hikari.HikariDataSource").warn("pool is slow");
        LoggerFactory.getLogger("org.apache.poi.openxml4j.opc.ZipPackage").warn("falling back to stream processing");
        LoggerFactory.getLogger("org.rectification.ledger.technical").error("check failed",
                new IllegalStateException("boom"));

        String out = this.console.toString(StandardCharsets.UTF_8);
        assertThat(out).containsPattern("\\d\\d:\\d\\d:\\d\\d INFO  \\[run 7\\] run started\\R");
        assertThat(out).contains("WARN  [run 7] 读取失败");
        assertThat(out).doesNotContain("Executing step", "pool is slow", "falling back", "zip END header",
                "IllegalStateException", "check failed", "boom");
        String file = Files.readString(this.logDir.resolve("ledger.log"), StandardCharsets.UTF_8);
        assertThat(file).contains("pool is slow", "falling back to stream processing", "zip END header not found",
                "check failed", "java.lang.IllegalStateException: boom", "Executing step");
    }

}
