package org.rectification.ledger.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rectification.ledger.RectificationLedgerApplication;
import org.rectification.ledger.job.ConsolidationRunner;
import org.rectification.ledger.job.ConsolidationService;
import org.rectification.ledger.job.LedgerWorkspace;
import org.rectification.ledger.job.RunLock;
import org.rectification.ledger.job.StopRequest;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileParser;
import org.rectification.ledger.office.LedgerContext;
import org.rectification.ledger.office.RosterLoader;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * The console as {@code serve} starts it (the job file's web settings, the same consolidation service behind
 * "run now"), on a free port, for one test class: a scratch office with the sample roster.
 */
final class ConsoleServer implements AutoCloseable {

    final LedgerWorkspace workspace;

    final JobFile job;

    final ConfigurableApplicationContext context;

    final ConsolidationService service;

    ConsoleServer(Path root) throws Exception {
        this.workspace = LedgerWorkspace.h2(root);
        this.job = JobFileParser.parse(this.workspace.jobFile);
        Map<String, Object> properties = new LinkedHashMap<>(ConsoleSettings.properties(this.job));
        properties.put("server.port", "0");
        properties.put("spring.main.register-shutdown-hook", "false");
        this.context = LedgerContext.open(RectificationLedgerApplication.class, this.job,
                RosterLoader.load(this.job.roster()), properties, WebApplicationType.SERVLET);
        this.service = new ConsolidationService(this.context.getBean(ConsolidationRunner.class),
                this.context.getBean(RunLock.class), this.job, this.context.getBean(Clock.class),
                this.context.getBean(StopRequest.class));
        this.context.getBeanFactory().registerSingleton("consolidationService", this.service);
    }

    String baseUrl() {
        return "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
    }

    /** Creates an account and returns its one-time password. */
    String addUser(String name, Role role, String department) {
        return this.context.getBean(Accounts.class).add(name, role, department);
    }

    ConsoleUser user(String name) {
        Account account = this.context.getBean(JdbcAccountDao.class).find(name).orElseThrow();
        return new ConsoleUser(account, false);
    }

    JdbcTemplate jdbc() {
        return this.context.getBean(JdbcTemplate.class);
    }

    /** Waits for the consolidation runs started so far (by "run now") to have completed. */
    void awaitCompletedRuns(int runs) {
        await().atMost(Duration.ofMinutes(3)).until(() -> this.service.completedRuns() >= runs && !this.service.busy());
    }

    @Override
    public void close() throws Exception {
        try {
            this.service.shutdown(Duration.ofMinutes(1));
        }
        finally {
            this.context.close();
        }
    }

}
