package org.rectification.ledger.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectification.ledger.check.Finding;
import org.rectification.ledger.check.RuleCode;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.StepScopeTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read, check and merge step alone, and its reader, processor and writer in the step scope: October's sample
 * files decided as its manifest says, the ledger holding the accepted files' rows.
 */
@JobStepTest
class CheckStepTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Autowired
    JobOperatorTestUtils steps;

    @Autowired
    LedgerWorkspace workspace;

    @Autowired
    JdbcSubmissionDao submissions;

    @Autowired
    JdbcLedgerDao ledger;

    @Autowired
    PendingSubmissionReader pendingSubmissionReader;

    @Autowired
    SubmissionCheckProcessor submissionCheckProcessor;

    @Autowired
    LedgerMergeWriter ledgerMergeWriter;

    @BeforeEach
    void emptyOffice(@Autowired JdbcTemplate jdbc, @Autowired JobRepositoryTestUtils runs) throws Exception {
        StepOffice.clear(this.workspace, jdbc, runs);
    }

    @Test
    void decidesEveryPendingFileAndMergesTheAcceptedOnes() throws Exception {
        this.workspace.drop(OCTOBER);
        JobParameters run = StepOffice.run(this.workspace, OCTOBER);
        JobExecution intake = StepOffice.completed(this.steps, "intakeStep", run);

        JobExecution check = StepOffice.completed(this.steps, "checkStep", StepOffice.run(this.workspace, OCTOBER));

        assertThat(this.submissions.pending(OCTOBER)).isEmpty();
        Map<String, Outcome> outcomes = new TreeMap<>();
        this.submissions.receivedIn(OCTOBER)
            .forEach((received) -> outcomes.put(received.fileName(), received.outcome()));
        assertThat(outcomes).hasSize(11)
            .containsEntry("档案馆-10月整改任务分解表.xls", Outcome.REJECTED)
            .allSatisfy((file, outcome) -> assertThat(outcome)
                .isEqualTo(file.startsWith("档案馆") ? Outcome.REJECTED : Outcome.ACCEPTED));
        JdbcSubmissionDao.RunTally tally = this.submissions.tally(List.of(intake.getId()));
        assertThat(tally.rowsMerged()).as("rows merged, as the manifest counts them").isEqualTo(54);
        assertThat(check.getStepExecutions()).singleElement()
            .satisfies((step) -> assertThat(step.getWriteCount()).isEqualTo(11));
    }

    @Test
    void readerGivesThePendingSubmissionsInArrivalOrder() throws Exception {
        List<Path> dropped = this.workspace.drop(OCTOBER);
        StepOffice.completed(this.steps, "intakeStep", StepOffice.run(this.workspace, OCTOBER));

        List<String> read = StepScopeTestUtils.doInStepScope(StepOffice.stepOf(this.workspace, OCTOBER), () -> {
            List<String> names = new java.util.ArrayList<>();
            this.pendingSubmissionReader.open(new ExecutionContext());
            try {
                for (Submission next = this.pendingSubmissionReader.read(); next != null;
                        next = this.pendingSubmissionReader.read()) {
                    names.add(next.fileName());
                }
            }
            finally {
                this.pendingSubmissionReader.close();
            }
            return names;
        });

        assertThat(read).containsExactlyElementsOf(dropped.stream().map((p) -> p.getFileName().toString()).toList());
    }

    @Test
    void processorRejectsAFileThatCannotBeReadInsteadOfFailing() throws Exception {
        Files.createDirectories(this.workspace.inbox());
        byte[] start = Files.readAllBytes(LedgerWorkspace.SAMPLES.resolve("2026-10/民政局-10月整改任务分解表.xlsx"));
        Files.write(this.workspace.inbox().resolve("截断.xlsx"), java.util.Arrays.copyOf(start, 2000));
        StepOffice.completed(this.steps, "intakeStep", StepOffice.run(this.workspace, OCTOBER));

        CheckedItem item = StepScopeTestUtils.doInStepScope(StepOffice.stepOf(this.workspace, OCTOBER), () -> {
            this.pendingSubmissionReader.open(new ExecutionContext());
            try {
                return this.submissionCheckProcessor.process(this.pendingSubmissionReader.read());
            }
            finally {
                this.pendingSubmissionReader.close();
            }
        });

        assertThat(item.checked().rejected()).isTrue();
        assertThat(item.checked().mergeable()).isEmpty();
        assertThat(item.checked().findings()).extracting(Finding::rule).containsExactly(RuleCode.UNREADABLE);
    }

    @Test
    void writerRecordsTheOutcomeAndMergesTheRows() throws Exception {
        Files.createDirectories(this.workspace.inbox());
        Path file = this.workspace.inbox().resolve("住建局-10月整改任务分解表.xlsx");
        Files.copy(LedgerWorkspace.SAMPLES.resolve("2026-10").resolve(file.getFileName().toString()), file);
        JobExecution intake = StepOffice.completed(this.steps, "intakeStep", StepOffice.run(this.workspace, OCTOBER));

        StepScopeTestUtils.doInStepScope(StepOffice.stepOf(this.workspace, OCTOBER), () -> {
            this.pendingSubmissionReader.open(new ExecutionContext());
            try {
                CheckedItem item = this.submissionCheckProcessor.process(this.pendingSubmissionReader.read());
                this.ledgerMergeWriter.write(new Chunk<>(item));
                return null;
            }
            finally {
                this.pendingSubmissionReader.close();
            }
        });

        assertThat(this.submissions.receivedIn(OCTOBER)).singleElement()
            .satisfies((received) -> assertThat(received.outcome()).isEqualTo(Outcome.ACCEPTED));
        assertThat(this.submissions.tally(List.of(intake.getId())).rowsMerged()).isEqualTo(6);
        assertThat(this.ledger.openTasks("县住房和城乡建设局", YearMonth.of(2026, 11))).isNotEmpty();
    }

}
