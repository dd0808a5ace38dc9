package org.rectification.ledger.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of one consolidation run. month, asOf and inbox identify the run; attempt is raised
 * only when a completed run with the same parameters is run again (new files arrived), so an interrupted
 * run is restarted rather than started afresh.
 */
public record RunParameters(YearMonth month, LocalDate asOf, Path inbox, long attempt) {

    static final String MONTH = "month";

    static final String AS_OF = "asOf";

    static final String INBOX = "inbox";

    static final String ATTEMPT = "attempt";

    public JobParameters toJobParameters() {
        return new JobParametersBuilder().addString(MONTH, this.month.toString())
            .addString(AS_OF, this.asOf.toString())
            .addString(INBOX, this.inbox.toAbsolutePath().normalize().toString())
            .addLong(ATTEMPT, this.attempt)
            .toJobParameters();
    }

    public RunParameters withAttempt(long next) {
        return new RunParameters(this.month, this.asOf, this.inbox, next);
    }

}
