package org.rectification.ledger.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.rectification.ledger.check.NoticeTerms;
import org.rectification.ledger.check.ReturnNoticeWriter;
import org.rectification.ledger.check.SheetCheck;
import org.rectification.ledger.delivery.DepartmentMail;
import org.rectification.ledger.delivery.WorkbookDelivery;
import org.rectification.ledger.intake.ArchiveTasklet;
import org.rectification.ledger.intake.Arrivals;
import org.rectification.ledger.intake.InboxScanner;
import org.rectification.ledger.intake.IntakeTasklet;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.rectification.ledger.report.MonthlyReports;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobSettings;
import org.rectification.ledger.roster.Roster;
import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly consolidation job, top to bottom: intake → read and check → merge → return notices →
 * workbooks → archive → delivery. Each step works from the committed database state, so a run killed
 * anywhere and restarted ends exactly where an uninterrupted run would.
 * <p>
 * The job parameters {@code month} and {@code asOf} arrive as text; the step-scoped beans below parse them once,
 * and everything under them takes a {@code YearMonth} and a {@code LocalDate}.
 */
@Configuration(proxyBeanMethods = false)
public class ConsolidationJobConfiguration {

    public static final String JOB_NAME = "consolidationJob";

    @Bean
    JdbcSubmissionDao jdbcSubmissionDao(JdbcTemplate jdbc) {
        return new JdbcSubmissionDao(jdbc);
    }

    @Bean
    JdbcLedgerDao jdbcLedgerDao(JdbcTemplate jdbc) {
        return new JdbcLedgerDao(jdbc);
    }

    @Bean
    RunLock runLock(DataSource dataSource) {
        return new RunLock(dataSource);
    }

    @Bean
    StopRequest stopRequest() {
        return new StopRequest();
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** When inbox files appeared, as the folder watcher of {@code serve} (or the demo) saw them. */
    @Bean
    Arrivals arrivals() {
        return new Arrivals();
    }

    // --- intake: register the inbox's ready files by content hash ---

    @Bean
    @StepScope
    IntakeTasklet intakeTasklet(JobFile job, JdbcSubmissionDao submissions, Clock clock, Arrivals arrivals,
            @Value("#{jobParameters['inbox']}") String inbox,
            @Value("#{jobParameters['month']}") String monthParameter) {
        return new IntakeTasklet(inboxScanner(job, arrivals), submissions, Path.of(inbox),
                YearMonth.parse(monthParameter), clock);
    }

    @Bean
    Step intakeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            IntakeTasklet intakeTasklet, StopRequest stopRequest) {
        return taskletStep("intakeStep", intakeTasklet, jobRepository, transactionManager, stopRequest);
    }

    // --- read, check and merge: one submission per transaction ---

    /** Reads ahead as the processor's {@link SheetCheck} reads: built by the same factory from the same settings. */
    @Bean
    @StepScope
    SubmissionReadAhead submissionReadAhead(JobFile job, Roster roster,
            @Value("#{jobParameters['month']}") String monthParameter) {
        SheetCheck sheetCheck = JobSettings.sheetCheck(job, roster, YearMonth.parse(monthParameter));
        return new SubmissionReadAhead(sheetCheck::read, SubmissionReadAhead.defaultThreads());
    }

    @Bean
    @StepScope
    PendingSubmissionReader pendingSubmissionReader(JdbcSubmissionDao submissions,
            @Value("#{jobParameters['month']}") String monthParameter, SubmissionReadAhead submissionReadAhead) {
        return new PendingSubmissionReader(submissions, YearMonth.parse(monthParameter), submissionReadAhead);
    }

    @Bean
    @StepScope
    SubmissionCheckProcessor submissionCheckProcessor(JobFile job, Roster roster, JdbcLedgerDao ledger,
            @Value("#{jobParameters['month']}") String monthParameter, SubmissionReadAhead submissionReadAhead) {
        YearMonth month = YearMonth.parse(monthParameter);
        return new SubmissionCheckProcessor(submissionReadAhead, JobSettings.sheetCheck(job, roster, month), ledger,
                month);
    }

    @Bean
    @StepScope
    LedgerMergeWriter ledgerMergeWriter(JdbcLedgerDao ledger, Clock clock,
            @Value("#{jobParameters['month']}") String monthParameter) {
        return new LedgerMergeWriter(ledger, YearMonth.parse(monthParameter), clock);
    }

    @Bean
    @StepScope
    ProgressListener progressListener(JdbcSubmissionDao submissions,
            @Value("#{jobParameters['month']}") String monthParameter) {
        return new ProgressListener(submissions.pending(YearMonth.parse(monthParameter)).size());
    }

    @Bean
    Step checkStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            PendingSubmissionReader pendingSubmissionReader, SubmissionCheckProcessor submissionCheckProcessor,
            LedgerMergeWriter ledgerMergeWriter, ProgressListener progressListener, StopRequest stopRequest) {
        return new StepBuilder("checkStep", jobRepository).<Submission, CheckedItem>chunk(1)
            .transactionManager(transactionManager)
            .reader(pendingSubmissionReader)
            .processor(submissionCheckProcessor)
            .writer(ledgerMergeWriter)
            .listener(progressListener)
            .listener(new CrashPointListener())
            .listener(stopRequest)
            .build();
    }

    // --- return notices for every submission with findings, a chunk of notices per transaction ---

    @Bean
    @StepScope
    PendingNoticeReader pendingNoticeReader(JobFile job, JdbcLedgerDao ledger, JdbcSubmissionDao submissions,
            PlatformTransactionManager transactionManager, @Value("#{jobParameters['month']}") String monthParameter) {
        TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new PendingNoticeReader(ledger, job.folders().rejected(), job.folders().out(),
                YearMonth.parse(monthParameter),
                (names) -> ownTransaction.executeWithoutResult((status) -> names.forEach(submissions::markNotice)));
    }

    @Bean
    @StepScope
    NoticeContentProcessor noticeContentProcessor(JobFile job, JdbcSubmissionDao submissions, JdbcLedgerDao ledger) {
        return new NoticeContentProcessor(submissions, ledger, job.folders().archive(), job.folders().rejected());
    }

    @Bean
    @StepScope
    NoticeFilesWriter noticeFilesWriter(JobFile job, @Value("#{jobParameters['month']}") String monthParameter,
            @Value("#{jobParameters['asOf']}") String asOfParameter) {
        NoticeTerms terms = new NoticeTerms(job.campaign().name(), YearMonth.parse(monthParameter),
                LocalDate.parse(asOfParameter), job.reports().resubmitWorkingDays());
        return new NoticeFilesWriter(new ReturnNoticeWriter(terms));
    }

    @Bean
    Step noticeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            PendingNoticeReader pendingNoticeReader, NoticeContentProcessor noticeContentProcessor,
            NoticeFilesWriter noticeFilesWriter, StopRequest stopRequest) {
        return new StepBuilder("noticeStep", jobRepository)
            .<DueNotice, NoticeItem>chunk(NoticeFilesWriter.NOTICES_PER_CHUNK)
            .transactionManager(transactionManager)
            .reader(pendingNoticeReader)
            .processor(noticeContentProcessor)
            .writer(noticeFilesWriter)
            // after a chunk, the last listener added is called first: the crash point, then the stop request, so a
            // stop asked for while a crash point pauses the run is taken at the end of that very chunk
            .listener(stopRequest)
            .listener(new CrashPointListener())
            .build();
    }

    // --- the master ledger, the month's progress workbook and summary.json ---

    @Bean
    @StepScope
    ReportsTasklet reportsTasklet(JobFile job, Roster roster, JdbcTemplate jdbc,
            @Value("#{jobParameters['month']}") String monthParameter,
            @Value("#{jobParameters['asOf']}") String asOfParameter) {
        return new ReportsTasklet(new MonthlyReports(jdbc), job, roster, YearMonth.parse(monthParameter),
                LocalDate.parse(asOfParameter));
    }

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReportsTasklet reportsTasklet, StopRequest stopRequest) {
        return taskletStep("reportStep", reportsTasklet, jobRepository, transactionManager, stopRequest);
    }

    // --- move every decided file out of the inbox ---

    @Bean
    @StepScope
    ArchiveTasklet archiveTasklet(JobFile job, JdbcSubmissionDao submissions) {
        return new ArchiveTasklet(submissions, job.folders().archive(), job.folders().rejected());
    }

    @Bean
    Step archiveStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ArchiveTasklet archiveTasklet, StopRequest stopRequest) {
        return taskletStep("archiveStep", archiveTasklet, jobRepository, transactionManager, stopRequest);
    }

    // --- mail the workbooks to supervisors, notices and reminders to departments, 督办 to leaders ---

    @Bean
    @StepScope
    DeliveryTasklet deliveryTasklet(JobFile job, Roster roster, JdbcTemplate jdbc,
            @Value("#{jobParameters['month']}") String monthParameter,
            @Value("#{jobParameters['asOf']}") String asOfParameter) {
        JobFile.Mail mail = job.delivery().mail();
        WorkbookDelivery delivery = (mail != null)
                ? new WorkbookDelivery(jdbc, mail, job.campaign().name(), System::getenv) : null;
        DepartmentMail departmentMail = (mail != null) ? new DepartmentMail(jdbc, job, roster, System::getenv) : null;
        return new DeliveryTasklet(delivery, departmentMail, YearMonth.parse(monthParameter),
                LocalDate.parse(asOfParameter));
    }

    @Bean
    Step deliveryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DeliveryTasklet deliveryTasklet, StopRequest stopRequest) {
        return taskletStep("deliveryStep", deliveryTasklet, jobRepository, transactionManager, stopRequest);
    }

    @Bean
    Job consolidationJob(JobRepository jobRepository, Step intakeStep, Step checkStep, Step noticeStep,
            Step reportStep, Step archiveStep, Step deliveryStep) {
        return new JobBuilder(JOB_NAME, jobRepository).listener(new RunIdListener())
            .start(intakeStep)
            .next(checkStep)
            .next(noticeStep)
            .next(reportStep)
            .next(archiveStep)
            .next(deliveryStep)
            .build();
    }

    /** The job's inbox scanner: its size limit, and its own folders never read as the inbox's subfolders. */
    public static InboxScanner inboxScanner(JobFile job, Arrivals arrivals) {
        JobFile.Folders folders = job.folders();
        return new InboxScanner(Duration.ofSeconds(job.intake().settleSeconds()), job.intake().maxFileMb() * 1024L * 1024L,
                List.of(folders.archive(), folders.rejected(), folders.out(), folders.work()), arrivals);
    }

    /** A one-transaction step, with the crash points the crash tests use and the stop request serve sends. */
    private static Step taskletStep(String name, Tasklet tasklet, JobRepository jobRepository,
            PlatformTransactionManager transactionManager, StopRequest stopRequest) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager)
            .listener((StepExecutionListener) new CrashPointListener())
            .listener((StepExecutionListener) stopRequest)
            .build();
    }

}
