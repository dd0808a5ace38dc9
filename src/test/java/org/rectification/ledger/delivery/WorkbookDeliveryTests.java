package org.rectification.ledger.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rectification.ledger.office.JobFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class WorkbookDeliveryTests {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static final String CAMPAIGN = "县委第三巡察组反馈问题整改";

    private static final String MONTHLY = "县民政局月度整改进展情况-2026年11月-巡察反馈问题整改工作.xlsx";

    private static final String LEDGER = "整改总台账.xlsx";

    private static final Function<String, String> NO_ENVIRONMENT = (name) -> null;

    @TempDir
    Path folder;

    private JdbcTemplate jdbc;

    private GreenMail greenMail;

    private Path monthly;

    private Path ledger;

    @BeforeAll
    static void loadDeliveryFirst() throws ClassNotFoundException {
        // its static set-up of the MIME encoding must run before Jakarta Mail's classes load, as in production
        Class.forName(WorkbookDelivery.class.getName());
    }

    @BeforeEach
    void setUp() throws IOException {
        String url = "jdbc:h2:mem:delivery-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        this.monthly = workbook(MONTHLY, "完成率 62.5%");
        this.ledger = workbook(LEDGER, "任务 48 项");
    }

    @AfterEach
    void stopMailServer() {
        if (this.greenMail != null) {
            this.greenMail.stop();
        }
    }

    @Test
    void mailsBothWorkbooksToEveryRecipientWithSubjectAndChineseFileNames() throws Exception {
        int port = startMailServer(TestMail.freePort());
        WorkbookDelivery delivery = new WorkbookDelivery(this.jdbc, mail(port), CAMPAIGN, NO_ENVIRONMENT);

        DeliveryReport report = delivery.deliver(NOVEMBER, List.of(this.monthly, this.ledger));

        assertThat(report.sent()).containsExactly(MONTHLY, LEDGER);
        assertThat(report.failed()).isEmpty();
        assertThat(report.alreadySent()).isEmpty();
        MimeMessage[] received = this.greenMail.getReceivedMessages();
        // one copy per mailbox: two in To, one in Cc
        assertThat(received).hasSize(3);
        MimeMessage message = received[0];
        assertThat(addresses(message.getRecipients(RecipientType.TO))).containsExactly("zuzhang@xunchaban.gov.cn",
                "jijian@jiwei.gov.cn");
        assertThat(addresses(message.getRecipients(RecipientType.CC))).containsExactly("zhenggaiban@minzheng.gov.cn");
        assertThat(addresses(message.getFrom())).containsExactly("ledger@minzheng.gov.cn");
        assertThat(message.getSubject()).isEqualTo("【整改进展】" + CAMPAIGN + " 2026年11月");
        Map<String, byte[]> attachments = attachments(message);
        assertThat(attachments.keySet()).containsExactly(MONTHLY, LEDGER);
        assertThat(attachments.get(MONTHLY)).isEqualTo(Files.readAllBytes(this.monthly));
        assertThat(attachments.get(LEDGER)).isEqualTo(Files.readAllBytes(this.ledger));
        assertThat(TestMail.bodyText(message)).contains("2026年11月", "1. " + MONTHLY, "2. " + LEDGER);
    }

    @Test
    void encodesFileNamesAsOneUnsplitRfc2231Parameter() throws Exception {
        String longAsciiName = "minzheng-rectification-progress-2026-11-monthly-summary-for-supervisors.xlsx";
        Path ascii = workbook(longAsciiName, "summary");
        int port = startMailServer(TestMail.freePort());
        new WorkbookDelivery(this.jdbc, mail(port), CAMPAIGN, NO_ENVIRONMENT).deliver(NOVEMBER,
                List.of(this.monthly, ascii));

        List<BodyPart> parts = attachmentParts(this.greenMail.getReceivedMessages()[0]);
        String chinese = parts.get(0).getHeader("Content-Disposition")[0];
        assertThat(chinese).startsWith("attachment").contains("filename*=UTF-8''%E5%8E%BF%E6%B0%91");
        assertThat(chinese).doesNotContain("filename*0").doesNotContain("=?UTF-8?");
        assertThat(parts.get(0).getContentType()).startsWith(SmtpMailer.contentType(MONTHLY));
        String longAscii = parts.get(1).getHeader("Content-Disposition")[0];
        assertThat(longAscii.replaceAll("\\s+", "")).contains("filename=" + longAsciiName)
            .doesNotContain("filename*0");
    }

    @Test
    void neverMailsTheSameBytesTwiceForTheMonth() throws Exception {
        int port = startMailServer(TestMail.freePort());
        WorkbookDelivery delivery = new WorkbookDelivery(this.jdbc, mail(port), CAMPAIGN, NO_ENVIRONMENT);
        delivery.deliver(NOVEMBER, List.of(this.monthly, this.ledger));

        DeliveryReport second = delivery.deliver(NOVEMBER, List.of(this.monthly, this.ledger));

        assertThat(second.sent()).isEmpty();
        assertThat(second.alreadySent()).containsExactly(MONTHLY, LEDGER);
        assertThat(second.complete()).isTrue();
        assertThat(this.greenMail.getReceivedMessages()).hasSize(3);
        assertThat(rows()).extracting((row) -> row.get("STATUS") + " " + row.get("ATTEMPTS"))
            .containsExactly("SENT 1", "SENT 1");
    }

    @Test
    void mailsTheSameFileAgainForAnotherMonth() throws Exception {
        int port = startMailServer(TestMail.freePort());
        WorkbookDelivery delivery = new WorkbookDelivery(this.jdbc, mail(port), CAMPAIGN, NO_ENVIRONMENT);
        delivery.deliver(NOVEMBER, List.of(this.ledger));

        DeliveryReport december = delivery.deliver(NOVEMBER.plusMonths(1), List.of(this.ledger));

        assertThat(december.sent()).containsExactly(LEDGER);
        assertThat(this.greenMail.getReceivedMessages()).hasSize(6);
    }

    @Test
    void mailsAChangedWorkbookAgainAndOnlyIt() throws Exception {
        int port = startMailServer(TestMail.freePort());
        WorkbookDelivery delivery = new WorkbookDelivery(this.jdbc, mail(port), CAMPAIGN, NO_ENVIRONMENT);
        delivery.deliver(NOVEMBER, List.of(this.monthly, this.ledger));
        byte[] rerun = Files.readAllBytes(workbook(MONTHLY, "完成率 75.0%"));

        DeliveryReport second = delivery.deliver(NOVEMBER, List.of(this.monthly, this.ledger));

        assertThat(second.sent()).containsExactly(MONTHLY);
        assertThat(second.alreadySent()).containsExactly(LEDGER);
        MimeMessage[] received = this.greenMail.getReceivedMessages();
        assertThat(received).hasSize(6);
        Map<String, byte[]> attachments = attachments(received[5]);
        assertThat(attachments.keySet()).containsExactly(MONTHLY);
        assertThat(attachments.get(MONTHLY)).isEqualTo(rerun);
        assertThat(rows()).filteredOn((row) -> MONTHLY.equals(row.get("ARTIFACT")))
            .extracting((row) -> row.get("STATUS"))
            .containsExactly("SENT", "SENT");
    }

    @Test
    void logsInWithThePasswordFromTheNamedEnvironmentVariable() throws Exception {
        int port = startMailServer(TestMail.freePort());
        this.greenMail.setUser("ledger@minzheng.gov.cn", "ledger", "s3cret");
        JobFile.Mail mail = mail(port, "ledger", "LEDGER_SMTP_PASSWORD");
        Map<String, String> environment = Map.of("LEDGER_SMTP_PASSWORD", "s3cret");

        DeliveryReport report = new WorkbookDelivery(this.jdbc, mail, CAMPAIGN, environment::get).deliver(NOVEMBER,
                List.of(this.ledger));

        assertThat(report.sent()).containsExactly(LEDGER);
        assertThat(this.greenMail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void fillsCampaignAndMonthIntoTheSubjectTemplate() {
        JobFile.Mail mail = new JobFile.Mail("127.0.0.1", 25, false, null, null, "a@b.cn", List.of("c@d.cn"),
                List.of(), "{month}《{campaign}》月报");
        WorkbookDelivery delivery = new WorkbookDelivery(this.jdbc, mail, CAMPAIGN, NO_ENVIRONMENT);

        assertThat(delivery.subject(YearMonth.of(2027, 1))).isEqualTo("2027年1月《" + CAMPAIGN + "》月报");
    }

    @Nested
    class WhenMailFails {

        @Test
        void recordsTheFailureWithoutThrowingAndRetriesOnTheNextCall() throws Exception {
            int port = TestMail.freePort();
            WorkbookDelivery delivery = new WorkbookDelivery(WorkbookDeliveryTests.this.jdbc, mail(port), CAMPAIGN,
                    NO_ENVIRONMENT);
            List<Path> files = List.of(WorkbookDeliveryTests.this.monthly, WorkbookDeliveryTests.this.ledger);

            DeliveryReport down = delivery.deliver(NOVEMBER, files);

            assertThat(down.failed()).containsExactly(MONTHLY, LEDGER);
            assertThat(down.sent()).isEmpty();
            assertThat(down.complete()).isFalse();
            assertThat(rows()).allSatisfy((row) -> {
                assertThat(row.get("STATUS")).isEqualTo("FAILED");
                assertThat(row.get("ATTEMPTS")).isEqualTo(1);
                assertThat((String) row.get("LAST_ERROR")).startsWith("邮件发送失败（服务器 127.0.0.1:" + port + "）");
                assertThat(row.get("SENT_AT")).isNull();
            });

            startMailServer(port);
            DeliveryReport up = delivery.deliver(NOVEMBER, files);

            assertThat(up.sent()).containsExactly(MONTHLY, LEDGER);
            assertThat(up.failed()).isEmpty();
            assertThat(WorkbookDeliveryTests.this.greenMail.getReceivedMessages()).hasSize(3);
            assertThat(rows()).allSatisfy((row) -> {
                assertThat(row.get("STATUS")).isEqualTo("SENT");
                assertThat(row.get("ATTEMPTS")).isEqualTo(2);
                assertThat(row.get("LAST_ERROR")).isNull();
                assertThat(row.get("SENT_AT")).isNotNull();
            });
        }

        @Test
        void supersedesTheUnsentOlderVersionInsteadOfMailingItStale() throws Exception {
            int port = TestMail.freePort();
            WorkbookDelivery delivery = new WorkbookDelivery(WorkbookDeliveryTests.this.jdbc, mail(port), CAMPAIGN,
                    NO_ENVIRONMENT);
            delivery.deliver(NOVEMBER, List.of(WorkbookDeliveryTests.this.monthly));
            byte[] rerun = Files.readAllBytes(workbook(MONTHLY, "完成率 75.0%"));
            delivery.deliver(NOVEMBER, List.of(WorkbookDeliveryTests.this.monthly));

            startMailServer(port);
            DeliveryReport up = delivery.deliver(NOVEMBER, List.of(WorkbookDeliveryTests.this.monthly));

            assertThat(up.sent()).containsExactly(MONTHLY);
            MimeMessage[] received = WorkbookDeliveryTests.this.greenMail.getReceivedMessages();
            assertThat(received).hasSize(3);
            assertThat(attachments(received[0]).get(MONTHLY)).isEqualTo(rerun);
            assertThat(rows()).extracting((row) -> row.get("STATUS") + " " + row.get("ATTEMPTS"))
                .containsExactly("SUPERSEDED 1", "SENT 2");
        }

        @Test
        void recordsAMissingPasswordVariableClearlyAndSendsNothing() throws Exception {
            int port = startMailServer(TestMail.freePort());
            JobFile.Mail mail = mail(port, "ledger", "LEDGER_SMTP_PASSWORD");
            WorkbookDelivery delivery = new WorkbookDelivery(WorkbookDeliveryTests.this.jdbc, mail, CAMPAIGN,
                    NO_ENVIRONMENT);

            DeliveryReport report = delivery.deliver(NOVEMBER, List.of(WorkbookDeliveryTests.this.ledger));

            assertThat(report.failed()).containsExactly(LEDGER);
            assertThat(WorkbookDeliveryTests.this.greenMail.getReceivedMessages()).isEmpty();
            assertThat(rows()).singleElement()
                .satisfies((row) -> assertThat((String) row.get("LAST_ERROR"))
                    .isEqualTo("环境变量 LEDGER_SMTP_PASSWORD 未设置或为空，无法以 ledger 登录邮件服务器 127.0.0.1"));
        }

        @Test
        void recordsAUserWithoutPasswordVariableClearly() {
            JobFile.Mail mail = mail(TestMail.freePort(), "ledger", null);
            DeliveryReport report = new WorkbookDelivery(WorkbookDeliveryTests.this.jdbc, mail, CAMPAIGN,
                    NO_ENVIRONMENT)
                .deliver(NOVEMBER, List.of(WorkbookDeliveryTests.this.ledger));

            assertThat(report.failed()).containsExactly(LEDGER);
            assertThat(rows()).singleElement()
                .satisfies((row) -> assertThat((String) row.get("LAST_ERROR")).contains("ledger", "passwordEnv"));
        }

        @Test
        void doesNotThrowWhenTheServerRefusesTheConnection() {
            WorkbookDelivery delivery = new WorkbookDelivery(WorkbookDeliveryTests.this.jdbc, mail(TestMail.freePort()),
                    CAMPAIGN, NO_ENVIRONMENT);

            assertThatNoException()
                .isThrownBy(() -> delivery.deliver(NOVEMBER, List.of(WorkbookDeliveryTests.this.ledger)));
        }

    }

    @Nested
    class SmtpSettings {

        @Test
        void requiresStartTlsWhenTlsIsSet() {
            JobFile.Mail mail = new JobFile.Mail("smtp.gov.cn", 587, true, null, null, "a@b.cn", List.of("c@d.cn"),
                    List.of(), null);

            Properties properties = new SmtpMailer(mail, NO_ENVIRONMENT).sender().getJavaMailProperties();

            assertThat(properties).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .doesNotContainKey("mail.smtp.auth");
        }

        @Test
        void usesImplicitTlsOnPort465() {
            JobFile.Mail mail = new JobFile.Mail("smtp.gov.cn", 465, true, "ledger", "PW", "a@b.cn",
                    List.of("c@d.cn"), List.of(), null);

            var sender = new SmtpMailer(mail, (name) -> "pw").sender();

            assertThat(sender.getProtocol()).isEqualTo("smtps");
            assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtps.auth", "true")
                .doesNotContainKey("mail.smtp.starttls.enable");
            assertThat(sender.getPassword()).isEqualTo("pw");
        }

        @Test
        void sendsPlainWithoutLoginWhenNeitherTlsNorUserIsSet() {
            var sender = new SmtpMailer(mail(2525), NO_ENVIRONMENT).sender();

            assertThat(sender.getProtocol()).isEqualTo("smtp");
            assertThat(sender.getJavaMailProperties()).doesNotContainKeys("mail.smtp.auth",
                    "mail.smtp.starttls.enable");
            assertThat(sender.getUsername()).isNull();
        }

    }

    // --- fixtures ---

    private int startMailServer(int port) {
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.greenMail.start();
        return port;
    }

    private static JobFile.Mail mail(int port) {
        return mail(port, null, null);
    }

    private static JobFile.Mail mail(int port, String user, String passwordEnv) {
        return new JobFile.Mail("127.0.0.1", port, false, user, passwordEnv, "ledger@minzheng.gov.cn",
                List.of("zuzhang@xunchaban.gov.cn", "jijian@jiwei.gov.cn"), List.of("zhenggaiban@minzheng.gov.cn"),
                "【整改进展】{campaign} {month}");
    }

    private Path workbook(String name, String content) throws IOException {
        Path path = this.folder.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(path)) {
            workbook.createSheet("概览").createRow(0).createCell(0).setCellValue(content);
            workbook.write(out);
        }
        return path;
    }

    private List<Map<String, Object>> rows() {
        return this.jdbc.queryForList("select * from delivery order by id");
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> result = new ArrayList<>();
        for (Address address : addresses) {
            result.add(address.toString());
        }
        return result;
    }

    private static List<BodyPart> attachmentParts(MimeMessage message) throws Exception {
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        List<BodyPart> parts = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        for (BodyPart part : attachmentParts(message)) {
            attachments.put(part.getFileName(), part.getInputStream().readAllBytes());
        }
        return attachments;
    }

}
