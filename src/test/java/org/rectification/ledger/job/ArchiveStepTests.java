package org.rectification.ledger.job;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectification.ledger.intake.ContentHash;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive step alone: every decided file leaves the inbox, to archive/YYYY-MM/ when it was taken and to
 * rejected/ when it was not, and its new place is recorded.
 */
@JobStepTest
class ArchiveStepTests {

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
    void movesEveryDecidedFileOutOfTheInboxAndRecordsWhereItWent() throws Exception {
        List<Path> dropped = this.workspace.drop(OCTOBER);
        StepOffice.completed(this.steps, "intakeStep", StepOffice.run(this.workspace, OCTOBER));
        StepOffice.completed(this.steps, "checkStep", StepOffice.run(this.workspace, OCTOBER));

        JobExecution archive = StepOffice.completed(this.steps, "archiveStep", StepOffice.run(this.workspace, OCTOBER));

        assertThat(this.workspace.spreadsheetsUnder("inbox")).isEmpty();
        assertThat(this.workspace.spreadsheetsUnder("rejected")).containsExactly("档案馆-10月整改任务分解表.xls");
        assertThat(this.workspace.spreadsheetsUnder("archive/2026-10")).containsExactlyElementsOf(dropped.stream()
            .map((file) -> file.getFileName().toString())
            .filter((name) -> !name.startsWith("档案馆"))
            .sorted()
            .toList());
        assertThat(this.submissions.decidedButNotMoved()).isEmpty();
        Path first = dropped.get(0);
        assertThat(this.submissions.findBySha256(ContentHash.of(first))).singleElement()
            .satisfies((submission) -> assertThat(Path.of(submission.movedTo()))
                .isEqualTo(this.workspace.root.resolve("archive/2026-10/" + first.getFileName()).toAbsolutePath()));
        assertThat(archive.getStepExecutions().iterator().next().getWriteCount()).isEqualTo(11);
    }

    @Test
    void aPendingFileStaysInTheInbox() throws Exception {
        this.workspace.drop(OCTOBER);
        StepOffice.completed(this.steps, "intakeStep", StepOffice.run(this.workspace, OCTOBER));

        StepOffice.completed(this.steps, "archiveStep", StepOffice.run(this.workspace, OCTOBER));

        assertThat(this.workspace.spreadsheetsUnder("inbox")).hasSize(11);
        assertThat(this.workspace.spreadsheetsUnder("archive")).isEmpty();
    }

}
