package org.rectification.ledger.web;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.job.LedgerWorkspace;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.office.LedgerContext;
import org.rectification.ledger.office.RosterLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/** The context {@code run}, {@code check}, {@code status} and {@code user} open has no web server and no console. */
class ConsoleOnlyUnderServeTests {

    @TempDir
    Path temp;

    @Test
    void theCommandLineContextStartsNoWebServer() throws Exception {
        JobFile job = JobFileParser.parse(LedgerWorkspace.h2(this.temp).jobFile);
        try (ConfigurableApplicationContext context = LedgerContext.open(RectificationLedgerApplication.class, job,
                RosterLoader.load(job.roster()), Map.of())) {
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
            assertThat(context.getBeanNamesForType(DepartmentController.class)).isEmpty();
            assertThat(context.getBeanNamesForType(Accounts.class)).hasSize(1);
            java.util.List<String> webBeans = java.util.Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> {
                    Class<?> type = context.getType(name);
                    String typeName = (type != null) ? type.getName() : "";
                    return typeName.startsWith("org.springframework.security")
                            || typeName.startsWith("org.thymeleaf") || typeName.startsWith("org.springframework.web.servlet")
                            || typeName.startsWith("org.apache.catalina") || typeName.contains("Tomcat") || name.contains("security.autoconfigure");
                })
                .toList();
            assertThat(webBeans).as("the web stack stays out of the command line's context").isEmpty();
        }
    }

}
