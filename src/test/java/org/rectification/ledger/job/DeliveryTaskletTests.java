package org.rectification.ledger.job;

import org.rectification.ledger.delivery.TestMail;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.cli.LedgerCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery at the end of real runs, against GreenMail on a loopback port: the month's two workbooks arrive once,
 * byte for byte; a rerun with nothing new sends nothing; with the mail server down the run still succeeds,
 * {@code status} shows the pending delivery, and the next run sends it.
 */
class DeliveryTaskletTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @TempDir
    Path temp;

    private GreenMail greenMail;

    @AfterEach
    void stopMailServer() {
        if (this.greenMail != null) {
            this.greenMail.stop();
        }
    }

    @Test
    void mailsTheWorkbooksOnceAndRetriesAfterTheServerWasDown() throws Exception {
        int port = TestMail.freePort();
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp).withJobLines("""
                delivery:
                  mail: { host: 127.0.0.1, port: %d, tls: false, from: zgb@example.gov.cn, to: [jw@example.gov.cn],
                          subject: "{campaign}整改进展（{month}）" }
                """.formatted(port));
        startMailServer(port);

        workspace.drop(OCTOBER);
        assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).isZero();

        MimeMessage[] received = this.greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("县委第三轮巡察整改进展（2026年10月）");
        assertAttachedExactly(received[0], workspace, "月度整改进展-2026-10.xlsx", "整改总台账.xlsx");

        assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).as("a rerun with no new files").isZero();
        assertThat(this.greenMail.getReceivedMessages()).as("nothing new to send").hasSize(1);

        this.greenMail.stop();
        // no new files: November's workbooks are still new, to be mailed
        assertThat(LedgerCommand.execute(workspace.runArguments(NOVEMBER))).as("mail server down: run succeeds")
            .isZero();
        String status = status(workspace, NOVEMBER);
        assertThat(status).contains("待发送邮件 2 份")
            .containsPattern("2026-11  月度整改进展-2026-11.xlsx  发送失败（已尝试 1 次）.*127\\.0\\.0\\.1")
            .contains("2026-11  整改总台账.xlsx  发送失败（已尝试 1 次）");

        startMailServer(port);
        assertThat(LedgerCommand.execute(workspace.runArguments(NOVEMBER))).isZero();

        received = this.greenMail.getReceivedMessages();
        assertThat(received).as("the retry").hasSize(1);
        assertAttachedExactly(received[0], workspace, "月度整改进展-2026-11.xlsx", "整改总台账.xlsx");
        assertThat(status(workspace, NOVEMBER)).contains("待发送邮件 0 份");
    }

    /** The message carries exactly these workbooks, byte for byte as they are in out/. */
    private static void assertAttachedExactly(MimeMessage message, LedgerWorkspace workspace, String... names)
            throws Exception {
        Map<String, byte[]> attachments = attachments(message);
        assertThat(attachments).containsOnlyKeys(names);
        for (String name : names) {
            assertThat(attachments.get(name)).as(name).isEqualTo(Files.readAllBytes(workspace.out().resolve(name)));
        }
    }

    private void startMailServer(int port) {
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.greenMail.start();
    }

    private static String status(LedgerWorkspace workspace, YearMonth month) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(LedgerCommand.execute("status", "--job", workspace.jobFile.toString(), "--month",
                    month.toString())).isZero();
        }
        finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
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
