package org.rectification.ledger.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.rectification.ledger.delivery.DeliveryReport;
import org.rectification.ledger.delivery.DepartmentMail;
import org.rectification.ledger.delivery.DepartmentMailReport;
import org.rectification.ledger.delivery.WorkbookDelivery;
import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Mails the month's workbooks to the supervisors named in the job file, then what is due to the departments and
 * leaders (return notices of this run and earlier ones not yet sent, 催报, 督办). A mail failure never fails the
 * run: delivery records it and retries on the next run.
 */
class DeliveryTasklet implements Tasklet {

    private static final Logger logger = LoggerFactory.getLogger(DeliveryTasklet.class);

    private final WorkbookDelivery delivery;

    private final DepartmentMail departmentMail;

    private final YearMonth month;

    private final LocalDate asOf;

    DeliveryTasklet(WorkbookDelivery delivery, DepartmentMail departmentMail, YearMonth month, LocalDate asOf) {
        this.delivery = delivery;
        this.departmentMail = departmentMail;
        this.month = month;
        this.asOf = asOf;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (this.delivery == null) {
            return RepeatStatus.FINISHED;
        }
        if (this.departmentMail != null) {
            DepartmentMailReport mailed = this.departmentMail.send(this.month, this.asOf);
            logger.info(Messages.get("job.log.department-mail", String.valueOf(mailed.sent().size()),
                    String.valueOf(mailed.failed().size()), String.valueOf(mailed.noAddress().size())));
        }
        ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution()
            .getExecutionContext();
        List<Path> attachments = List.of(Path.of(jobContext.getString(ReportsTasklet.PROGRESS_WORKBOOK)),
                Path.of(jobContext.getString(ReportsTasklet.LEDGER_WORKBOOK)));
        DeliveryReport report = this.delivery.deliver(this.month, attachments);
        logger.info(Messages.get("job.log.delivery", String.valueOf(report.sent()), String.valueOf(report.failed()),
                String.valueOf(report.alreadySent())));
        return RepeatStatus.FINISHED;
    }

}
