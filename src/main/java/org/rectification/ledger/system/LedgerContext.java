package org.rectification.ledger.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application context for one job file: its database (the job file's JDBC URL, or an embedded
 * H2 file database under the work folder), the job file and its roster as beans.
 */
public final class LedgerContext {

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
            .initializers((context) -> {
                context.getBeanFactory().registerSingleton("jobFile", job);
                context.getBeanFactory().registerSingleton("roster", roster);
            })
            .run();
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
            // AUTO_SERVER lets `status` read the ledger while `serve` holds it open.
            properties.put("spring.datasource.url",
                    "jdbc:h2:file:" + work.resolve("ledger").toAbsolutePath() + ";AUTO_SERVER=TRUE");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
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
