package org.rectification.ledger.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectification.ledger.check.ReturnNoticeWriter;
import org.rectification.ledger.intake.CrashPoint;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.rectification.ledger.intake.Outcome;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.StepScopeTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notice step alone, and its reader in the step scope: a notice for every checked October file with findings
 * (six, in two chunks), its name recorded; a step stopped after its first chunk goes on with the others when it is
 * restarted and leaves the notices already written as they are.
 */
@JobStepTest
class NoticeStepTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    /** October's files with findings, in the order they were taken in; the last one is rejected. */
    private static final List<String> WITH_FINDINGS = List.of("人社局-10月整改任务分解表.xls",
            "农业农村局-10月整改任务分解表.xlsx", "卫健局-10月整改任务分解表.xlsx", "市场监管局-10月整改任务分解表.xlsx",
            "档案馆-10月整改任务分解表.xls", "自然资源局-10月整改任务分解表.xlsx");

    @Autowired
    JobOperatorTestUtils steps;

    @Autowired
    LedgerWorkspace workspace;

    @Autowired
    JdbcSubmissionDao submissions;

    @Autowired
    JdbcLedgerDao ledger;

    @Autowired
    PendingNoticeReader pendingNoticeReader;

    @BeforeEach
    void checkedOctober(@Autowired JdbcTemplate jdbc, @Autowired JobRepositoryTestUtils runs) throws Exception {
        StepOffice.clear(this.workspace, jdbc, runs);
        this.workspace.drop(OCTOBER);
        StepOffice.completed(this.steps, "intakeStep", StepOffice.run(this.workspace, OCTOBER));
        StepOffice.completed(this.steps, "checkStep", StepOffice.run(this.workspace, OCTOBER));
    }

    @AfterEach
    void noPause() {
        System.clearProperty(CrashPoint.PAUSE_PROPERTY);
    }

    @Test
    void writesANoticeForEveryCheckedFileWithFindingsBesideItsFileOrUnderItsDepartment() throws Exception {
        JobExecution run = StepOffice.completed(this.steps, "noticeStep", StepOffice.run(this.workspace, OCTOBER));

        Map<String, Path> notices = notices();
        assertThat(notices).containsOnlyKeys(WITH_FINDINGS);
        assertThat(notices.get("档案馆-10月整改任务分解表.xls")).as("a rejected file's notice goes beside it")
            .isEqualTo(this.workspace.root.resolve("rejected")
                .resolve(ReturnNoticeWriter.noticeFileName("档案馆-10月整改任务分解表.xls"))
                .toAbsolutePath());
        assertThat(notices.get("卫健局-10月整改任务分解表.xlsx")).isEqualTo(this.workspace.out()
            .resolve("退回意见/2026-10/县卫生健康局")
            .resolve(ReturnNoticeWriter.noticeFileName("卫健局-10月整改任务分解表.xlsx"))
            .toAbsolutePath());
        assertThat(notices.values()).allSatisfy((notice) -> assertThat(notice).isRegularFile());
        StepExecution step = run.getStepExecutions().iterator().next();
        assertThat(step.getWriteCount()).isEqualTo(6);
        assertThat(step.getCommitCount()).as("four notices a chunk").isEqualTo(2);
        assertThat(this.workspace.spreadsheetsUnder("inbox")).as("the files stay for the archive step").hasSize(11);
    }

    @Test
    void aStepStoppedAfterItsFirstChunkGoesOnWithTheRestWhenRestarted(@Autowired JobRepository jobRepository,
            @Autowired PlatformTransactionManager transactionManager, @Autowired NoticeContentProcessor processor,
            @Autowired NoticeFilesWriter writer) throws Exception {
        // the job's notice step with a stop request of its own, as serve's SIGTERM would set it
        StopRequest stop = new StopRequest();
        Step noticeStep = new ConsolidationJobConfiguration().noticeStep(jobRepository, transactionManager,
                this.pendingNoticeReader, processor, writer, stop);
        Path flag = this.workspace.root.resolve("work/paused-after-first-chunk");
        System.setProperty(CrashPoint.PAUSE_PROPERTY, "noticeStep:1=" + flag);
        JobParameters run = StepOffice.run(this.workspace, OCTOBER);

        CompletableFuture<JobExecution> stopped = StepOffice.startInBackground(this.steps, noticeStep, run);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(flag));
        stop.request();
        Files.delete(flag);
        assertThat(stopped.get().getStatus()).isEqualTo(BatchStatus.STOPPED);
        System.clearProperty(CrashPoint.PAUSE_PROPERTY);

        Map<String, Path> notices = notices();
        assertThat(notices).as("every name reserved before the first notice").containsOnlyKeys(WITH_FINDINGS);
        List<Path> first = WITH_FINDINGS.subList(0, 4).stream().map(notices::get).toList();
        List<Path> rest = WITH_FINDINGS.subList(4, 6).stream().map(notices::get).toList();
        assertThat(first).allSatisfy((notice) -> assertThat(notice).isRegularFile());
        assertThat(rest).allSatisfy((notice) -> assertThat(notice).doesNotExist());
        List<FileTime> written = new ArrayList<>();
        for (Path notice : first) {
            written.add(Files.getLastModifiedTime(notice));
        }

        // restarted as the next process would: the same step, without the stop request
        Step restartedStep = new ConsolidationJobConfiguration().noticeStep(jobRepository, transactionManager,
                this.pendingNoticeReader, processor, writer, new StopRequest());
        JobExecution restarted = this.steps.startStep(restartedStep, run, new ExecutionContext());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions().iterator().next().getWriteCount()).isEqualTo(2);
        assertThat(rest).allSatisfy((notice) -> assertThat(notice).isRegularFile());
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.getLastModifiedTime(first.get(i))).as("not written again: " + first.get(i))
                .isEqualTo(written.get(i));
        }
    }

    @Test
    void readerReservesEveryNameAndGoesOnAfterTheLastCommittedNotice() throws Exception {
        long second = this.ledger.needingNotice(OCTOBER).get(1).id();
        ExecutionContext saved = new ExecutionContext();
        saved.putLong(PendingNoticeReader.WRITTEN_UP_TO, second);

        List<String> read = StepScopeTestUtils.doInStepScope(StepOffice.stepOf(this.workspace, OCTOBER), () -> {
            List<String> names = new ArrayList<>();
            this.pendingNoticeReader.open(saved);
            for (DueNotice due = this.pendingNoticeReader.read(); due != null; due = this.pendingNoticeReader.read()) {
                names.add(due.submission().fileName());
            }
            this.pendingNoticeReader.update(saved);
            return names;
        });

        assertThat(read).containsExactlyElementsOf(WITH_FINDINGS.subList(2, 6));
        assertThat(notices()).as("names reserved for all six, those already written too")
            .containsOnlyKeys(WITH_FINDINGS);
        assertThat(saved.getLong(PendingNoticeReader.WRITTEN_UP_TO))
            .isEqualTo(this.ledger.needingNotice(OCTOBER).get(5).id());
        assertThat(this.submissions.noticeFiles(OCTOBER))
            .filteredOn((notice) -> notice.outcome() == Outcome.REJECTED)
            .singleElement()
            .satisfies((notice) -> assertThat(notice.fileName()).isEqualTo("档案馆-10月整改任务分解表.xls"));
    }

    /** The month's recorded notices by the file they answer. */
    private Map<String, Path> notices() {
        Map<String, Path> notices = new LinkedHashMap<>();
        this.submissions.noticeFiles(OCTOBER)
            .forEach((notice) -> notices.put(notice.fileName(), notice.notice()));
        return notices;
    }

}
