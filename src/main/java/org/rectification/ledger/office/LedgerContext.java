package org.rectification.ledger.office;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.status.StatusManager;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.rectification.ledger.roster.Roster;

/**
 * Starts the application context for one job file: its database (the job file's JDBC URL, or an embedded
 * H2 file database under the work folder), the job file and its roster as beans.
 */
public final class LedgerContext {

    /** How long a run keeps trying to open an embedded database another process is opening at that moment. */
    static final long H2_OPEN_RETRY_MILLIS = 10_000;

    private LedgerContext() {
    }

    public static ConfigurableApplicationContext open(Class<?> application, JobFile job, Roster roster,
            Map<String, Object> extraProperties) {
        return open(application, job, roster, extraProperties, WebApplicationType.NONE);
    }

    /**
     * As {@link #open(Class, JobFile, Roster, Map)}, with a web server when {@code web} is SERVLET: only
     * {@code serve} (and its tests) start one, so {@code run} and {@code check} never load the web stack.
     */
    public static ConfigurableApplicationContext open(Class<?> application, JobFile job, Roster roster,
            Map<String, Object> extraProperties, WebApplicationType web) {
        Map<String, Object> properties = new LinkedHashMap<>(databaseProperties(job));
        // the command line's quiet pre-context logging hands over to logback-spring.xml
        if ("logback-quiet.xml".equals(System.getProperty("logback.configurationFile"))) {
            System.clearProperty("logback.configurationFile");
        }
        // The rolling log lives with the job's work folder unless the operator points it elsewhere.
        if (System.getProperty("LEDGER_LOG_DIR") == null && System.getenv("LEDGER_LOG_DIR") == null) {
            System.setProperty("LEDGER_LOG_DIR", job.folders().work().resolve("logs").toString());
        }
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        properties.put("spring.batch.job.enabled", "false");
        properties.put("spring.batch.jdbc.initialize-schema", "always");
        // our copy of Batch's schema creates only what is missing: H2 would otherwise trace every failed CREATE
        properties.put("spring.batch.jdbc.schema", "classpath:db/batch/schema-@@platform@@.sql");
        properties.put("ledger.work-folder", job.folders().work().toString());
        if (web == WebApplicationType.NONE) {
            // The console's template engine and security beans are for serve only; the other commands start without.
            properties.put("spring.autoconfigure.exclude",
                    "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration,"
                            + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration");
        }
        properties.putAll(extraProperties);
        return new SpringApplicationBuilder(application).web(web)
            .properties(properties)
            .listeners(new NoLogbackStatusOnConsole())
            .initializers((context) -> {
                context.getBeanFactory().registerSingleton("jobFile", job);
                context.getBeanFactory().registerSingleton("roster", roster);
            })
            .run();
    }

    /**
     * Spring Boot prints logback's own troubles on the console, each with a stack trace: on a full disk every
     * failed write to the log file, hundreds of lines around the one that says what happened. Runs after Boot
     * has set up logging (listeners without an order come last) and takes that printer away.
     */
    private static final class NoLogbackStatusOnConsole
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
                StatusManager statuses = logback.getStatusManager();
                statuses.getCopyOfStatusListenerList()
                    .stream()
                    .filter((listener) -> listener instanceof OnConsoleStatusListener)
                    .forEach(statuses::remove);
            }
        }

    }

    /** Spring datasource properties for a job file's database. */
    public static Map<String, Object> databaseProperties(JobFile job) {
        Map<String, Object> properties = new LinkedHashMap<>();
        JobFile.Database database = job.database();
        if (database.url() == null) {
            Path work = job.folders().work();
            try {
                Files.createDirectories(work);
            }
            catch (java.io.IOException ex) {
                throw new JobFileException(job.file(), "folders.work", "cannot be created: " + ex.getMessage());
            }
            // AUTO_SERVER lets `status` read the ledger while `serve` holds it open. WRITE_DELAY=0 writes every
            // commit to the file before the commit returns (H2 otherwise keeps it in memory for up to half a
            // second), so a run killed after it moved a file out of the inbox never loses the commits before.
            properties.put("spring.datasource.url",
                    "jdbc:h2:file:" + work.resolve("ledger").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
            // Two runs starting together can catch H2 between opening its file and announcing its server
            // ("Database may be already in use"): try again for a few seconds, then the run lock answers.
            properties.put("spring.datasource.hikari.initialization-fail-timeout", H2_OPEN_RETRY_MILLIS);
        }
        else {
            properties.put("spring.datasource.url", database.url());
            if (database.user() != null) {
                properties.put("spring.datasource.username", database.user());
            }
            if (database.passwordEnv() != null) {
                String password = System.getenv(database.passwordEnv());
                if (password == null) {
                    throw new JobFileException(job.file(), "database.password-env",
                            "names environment variable " + database.passwordEnv() + ", which is not set");
                }
                properties.put("spring.datasource.password", password);
            }
        }
        return properties;
    }

}
