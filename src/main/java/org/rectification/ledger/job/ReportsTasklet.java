package org.rectification.ledger.job;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;

import org.rectification.ledger.report.MonthlyReports;
import org.rectification.ledger.report.ReportFiles;
import org.rectification.ledger.report.ReportRequest;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.roster.Roster;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the master ledger, the month's progress workbook and summary.json from the committed ledger, and
 * leaves their paths in the job's context for delivery.
 */
class ReportsTasklet implements Tasklet {

    static final String PROGRESS_WORKBOOK = "progressWorkbook";

    static final String LEDGER_WORKBOOK = "ledgerWorkbook";

    private final MonthlyReports reports;

    private final JobFile job;

    private final Roster roster;

    private final YearMonth month;

    private final LocalDate asOf;

    ReportsTasklet(MonthlyReports reports, JobFile job, Roster roster, YearMonth month, LocalDate asOf) {
        this.reports = reports;
        this.job = job;
        this.roster = roster;
        this.month = month;
        this.asOf = asOf;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        JobFile.Reports settings = this.job.reports();
        ReportFiles files = this.reports.write(new ReportRequest(this.job.campaign().name(), this.roster, this.month,
                this.asOf, this.job.folders().out(), settings.dueDay(), settings.greenDays(), settings.yellowDays()));
        ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution()
            .getExecutionContext();
        jobContext.putString(PROGRESS_WORKBOOK, files.progressWorkbook().toString());
        jobContext.putString(LEDGER_WORKBOOK, files.ledgerWorkbook().toString());
        return RepeatStatus.FINISHED;
    }

}
