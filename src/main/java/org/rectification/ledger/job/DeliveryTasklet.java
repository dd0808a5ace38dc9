package org.rectification.ledger.job;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.rectification.ledger.delivery.DeliveryReport;
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
 * Mails the month's workbooks to the supervisors named in the job file. A mail failure never fails the
 * run: delivery records it and retries on the next run.
 */
class DeliveryTasklet implements Tasklet {

    private static final Logger logger = LoggerFactory.getLogger(DeliveryTasklet.class);

    private final WorkbookDelivery delivery;

    private final YearMonth month;

    DeliveryTasklet(WorkbookDelivery delivery, YearMonth month) {
        this.delivery = delivery;
        this.month = month;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (this.delivery == null) {
            return RepeatStatus.FINISHED;
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
