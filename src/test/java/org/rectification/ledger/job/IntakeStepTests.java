package org.rectification.ledger.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.intake.Submission;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake step alone: the inbox's files registered by content, pending for the check step, and nothing else
 * done to them.
 */
@JobStepTest
class IntakeStepTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Autowired
    JobOperatorTestUtils steps;

    @Autowired
    LedgerWorkspace workspace;

    @Autowired
    JdbcSubmissionDao submissions;

    @BeforeEach
    void emptyOffice(@Autowired JdbcTemplate jdbc, @Autowired JobRepositoryTestUtils runs) throws Exception {
        StepOffice.clear(this.workspace, jdbc, runs);
    }

    @Test
    void registersEveryInboxFileAsPendingAndLeavesItInTheInbox() throws Exception {
        List<Path> dropped = this.workspace.drop(OCTOBER);

        JobExecution intake = StepOffice.completed(this.steps, "intakeStep", StepOffice.run(this.workspace, OCTOBER));

        List<Submission> pending = this.submissions.pending(OCTOBER);
        assertThat(pending).extracting(Submission::fileName)
            .containsExactlyElementsOf(dropped.stream().map((file) -> file.getFileName().toString()).toList());
        assertThat(pending).allSatisfy((submission) -> {
            assertThat(submission.outcome()).isEqualTo(Outcome.PENDING);
            assertThat(submission.sha256()).hasSize(64);
            assertThat(submission.movedTo()).isNull();
        });
        assertThat(this.workspace.spreadsheetsUnder("inbox")).hasSize(dropped.size());
        assertThat(intake.getStepExecutions()).singleElement()
            .satisfies((step) -> assertThat(step.getStepName()).isEqualTo("intakeStep"));
    }

    @Test
    void registersTheSameBytesUnderAnotherNameAsADuplicateOfTheFirst() throws Exception {
        this.workspace.drop(OCTOBER);
        StepOffice.completed(this.steps, "intakeStep", StepOffice.run(this.workspace, OCTOBER));
        Path original = this.workspace.inbox().resolve("住建局-10月整改任务分解表.xlsx");
        Files.copy(original, this.workspace.inbox().resolve("住建局-10月（重复）.xlsx"));

        StepOffice.completed(this.steps, "intakeStep", StepOffice.run(this.workspace, OCTOBER));

        assertThat(this.submissions.receivedIn(OCTOBER))
            .filteredOn((received) -> received.fileName().startsWith("住建局"))
            .extracting(JdbcSubmissionDao.Received::fileName, JdbcSubmissionDao.Received::outcome)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("住建局-10月整改任务分解表.xlsx", Outcome.PENDING),
                    org.assertj.core.groups.Tuple.tuple("住建局-10月（重复）.xlsx", Outcome.DUPLICATE));
        assertThat(this.submissions.pending(OCTOBER)).hasSize(11);
    }

}
