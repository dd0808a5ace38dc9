package org.rectification.ledger.job;

import java.nio.file.Files;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery step alone, against GreenMail on the office's mail port: the workbooks the report step handed over
 * reach the supervisor once, byte for byte; the step run again sends nothing more.
 */
@JobStepTest
class DeliveryStepTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Autowired
    JobOperatorTestUtils steps;

    @Autowired
    LedgerWorkspace workspace;

    private GreenMail greenMail;

    @BeforeEach
    void emptyOfficeAndMailServer(@Autowired JdbcTemplate jdbc, @Autowired JobRepositoryTestUtils runs)
            throws Exception {
        StepOffice.clear(this.workspace, jdbc, runs);
        this.greenMail = new GreenMail(new ServerSetup(StepOffice.mailPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.greenMail.start();
    }

    @AfterEach
    void stopMailServer() {
        this.greenMail.stop();
    }

    @Test
    void mailsTheWorkbooksTheReportStepWroteOnce() throws Exception {
        this.workspace.drop(OCTOBER);
        StepOffice.completed(this.steps, "intakeStep", StepOffice.run(this.workspace, OCTOBER));
        StepOffice.completed(this.steps, "checkStep", StepOffice.run(this.workspace, OCTOBER));
        StepOffice.completed(this.steps, "noticeStep", StepOffice.run(this.workspace, OCTOBER));
        JobExecution report = StepOffice.completed(this.steps, "reportStep", StepOffice.run(this.workspace, OCTOBER));
        ExecutionContext handedOver = report.getExecutionContext();

        StepOffice.completed(this.steps, "deliveryStep", StepOffice.run(this.workspace, OCTOBER), handedOver);

        MimeMessage[] received = this.greenMail.getReceivedMessages();
        assertThat(received).singleElement().satisfies((message) -> {
            assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(StepOffice.SUPERVISOR);
            assertThat(message.getSubject()).isEqualTo("县委第三轮巡察整改进展（2026年10月）");
        });
        Map<String, byte[]> attachments = attachments(received[0]);
        assertThat(attachments).containsOnlyKeys("月度整改进展-2026-10.xlsx", "整改总台账.xlsx");
        for (Map.Entry<String, byte[]> attachment : attachments.entrySet()) {
            assertThat(attachment.getValue()).as(attachment.getKey())
                .isEqualTo(Files.readAllBytes(this.workspace.out().resolve(attachment.getKey())));
        }

        StepOffice.completed(this.steps, "deliveryStep", StepOffice.run(this.workspace, OCTOBER), handedOver);

        assertThat(this.greenMail.getReceivedMessages()).as("nothing new to send").hasSize(1);
    }

    private static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.put(part.getFileName(), part.getInputStream().readAllBytes());
            }
        }
        return attachments;
    }

}
