package org.rectification.ledger.job;

import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectification.ledger.intake.ContentHash;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report step alone: the master ledger, the month's progress workbook and summary.json written from the
 * committed ledger, and the workbooks' paths left in the job's context for the delivery step.
 */
@JobStepTest
class ReportStepTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Autowired
    JobOperatorTestUtils steps;

    @Autowired
    LedgerWorkspace workspace;

    @BeforeEach
    void emptyOffice(@Autowired JdbcTemplate jdbc, @Autowired JobRepositoryTestUtils runs) throws Exception {
        StepOffice.clear(this.workspace, jdbc, runs);
    }

    @Test
    void writesTheMonthsWorkbooksAndSummaryAndHandsTheWorkbooksToDelivery() throws Exception {
        this.workspace.drop(OCTOBER);
        StepOffice.completed(this.steps, "intakeStep", StepOffice.run(this.workspace, OCTOBER));
        StepOffice.completed(this.steps, "checkStep", StepOffice.run(this.workspace, OCTOBER));

        JobExecution report = StepOffice.completed(this.steps, "reportStep", StepOffice.run(this.workspace, OCTOBER));

        Path ledger = this.workspace.out().resolve("整改总台账.xlsx");
        Path progress = this.workspace.out().resolve("月度整改进展-2026-10.xlsx");
        assertThat(report.getExecutionContext().getString(ReportsTasklet.LEDGER_WORKBOOK))
            .isEqualTo(ledger.toString());
        assertThat(report.getExecutionContext().getString(ReportsTasklet.PROGRESS_WORKBOOK))
            .isEqualTo(progress.toString());
        JsonNode summary = JsonMapper.builder().build().readTree(this.workspace.out().resolve("summary.json").toFile());
        assertThat(summary.path("month").asString()).isEqualTo("2026-10");
        assertThat(summary.path("submissions")).hasSize(11);
        assertThat(summary.path("totals").path("tasks").asInt()).as("tasks in the ledger").isEqualTo(54);
        assertThat(summary.path("submissionCounts").path("accepted").asInt()).isEqualTo(10);
        assertThat(summary.path("outputs").path("ledger").path("sha256").asString()).isEqualTo(ContentHash.of(ledger));
        assertThat(summary.path("outputs").path("progress").path("sha256").asString())
            .isEqualTo(ContentHash.of(progress));
    }

}
