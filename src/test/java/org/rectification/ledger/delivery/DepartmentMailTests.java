package org.rectification.ledger.delivery;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.cli.LedgerCommand;
import org.rectification.ledger.job.LedgerWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Return notices mailed to the departments at the end of real runs of the sample county's October, against GreenMail:
 * each department gets its own notice and nobody else's, once; a failed send is shown by {@code status} and sent by
 * the next run, also when that run is for the next month; departments without an address are listed in {@code status} and the progress workbook.
 */
@Tag("process")
class DepartmentMailTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    /** 县农业农村局, 县卫生健康局 (two addresses) and 县市场监督管理局 get notices in October; 县民政局 has none. */
    static final String ROSTER = """
            单位名称,别名,是否报送,联系人,联系邮箱
            县民政局,民政局;县民政,是,李敏,mz@example.gov.cn
            县教育局,教育局、县教育,,,
            县财政局,财政局|县财政,,,
            县卫生健康局,卫健局;县卫健局;卫生健康局,是,赵倩,wj1@example.gov.cn;wj2@example.gov.cn
            县住房和城乡建设局,住建局、县住建局,,,
            县自然资源局,自然资源局,,,
            县农业农村局,农业农村局;县农业局,是,孙强,ny@example.gov.cn
            县审计局,审计局,,,
            县市场监督管理局,市场监管局|县市场监管局,是,钱丽,sc@example.gov.cn
            县人力资源和社会保障局,人社局;县人社局、人力资源和社会保障局,,,
            """;

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
    void mailsEachNoticeOnceToItsOwnDepartmentWithTheFindingsInTheBody() throws Exception {
        int port = TestMail.freePort();
        LedgerWorkspace workspace = workspace(port);
        startMailServer(port);
        workspace.drop(OCTOBER);

        assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).isZero();

        Map<String, MimeMessage> notices = noticesByRecipients();
        assertThat(notices).containsOnlyKeys("ny@example.gov.cn", "wj1@example.gov.cn, wj2@example.gov.cn",
                "sc@example.gov.cn");
        MimeMessage agriculture = notices.get("ny@example.gov.cn");
        Path notice = workspace.out().resolve("退回意见/2026-10/县农业农村局/农业农村局-10月整改任务分解表-退回意见.xlsx");
        assertThat(agriculture.getSubject()).isEqualTo("【退回意见】县委第三轮巡察：农业农村局-10月整改任务分解表.xlsx（需更正）");
        assertThat(attachments(agriculture)).containsOnlyKeys(notice.getFileName().toString());
        assertThat(attachments(agriculture).get(notice.getFileName().toString()))
            .isEqualTo(Files.readAllBytes(notice));
        String body = TestMail.bodyText(agriculture);
        assertThat(body).startsWith("县农业农村局：")
            .contains("《农业农村局-10月整改任务分解表.xlsx》", "处理结果：需更正", "共发现 1 个问题")
            .containsPattern("1\\. 工作表“[^”]+”第5行，“[^”]+”列：第5行")
            .contains("填写内容：年内", "整改要求：请改为具体日期", "请于2026年11月5日前重新报送");
        assertThat(body).doesNotContain("市场监管局", "卫健局");
        assertThat(TestMail.bodyText(notices.get("sc@example.gov.cn"))).contains("市场监管局-10月整改任务分解表.xlsx")
            .doesNotContain("农业农村局");
        // the office still gets its workbooks, separately
        assertThat(recipientsOf(this.greenMail.getReceivedMessages())).contains("jw@example.gov.cn");
        int received = this.greenMail.getReceivedMessages().length;

        assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).as("a rerun").isZero();

        assertThat(this.greenMail.getReceivedMessages()).as("nothing sent twice").hasSize(received);
        String status = status(workspace);
        assertThat(status).contains("2026-10  退回意见  县人力资源和社会保障局  无联系邮箱（已尝试 0 次）")
            .contains("花名册中“县人力资源和社会保障局”没有联系邮箱")
            .contains("2026-10  退回意见  未识别单位  无联系邮箱（已尝试 0 次）")
            .containsPattern("无联系邮箱的单位 6 个：县教育局、县财政局、县住房和城乡建设局、县自然资源局、县审计局、县人力资源和社会保障局");
        assertThat(overviewValue(workspace.out().resolve("月度整改进展-2026-10.xlsx"), "无联系邮箱的单位"))
            .isEqualTo("县教育局、县财政局、县住房和城乡建设局、县自然资源局、县审计局、县人力资源和社会保障局");
    }

    @Test
    void sendsANoticeThatFailedByTheNextRunEvenOfAnotherMonthAndShowsItInStatusMeanwhile() throws Exception {
        int port = TestMail.freePort();
        LedgerWorkspace workspace = workspace(port);
        workspace.drop(OCTOBER);

        assertThat(LedgerCommand.execute(workspace.runArguments(OCTOBER))).as("mail server down: the run succeeds")
            .isZero();

        assertThat(status(workspace)).containsPattern(
                "2026-10  退回意见  县农业农村局  发送失败（已尝试 1 次）  【退回意见】.*邮件发送失败（服务器 127\\.0\\.0\\.1:" + port);

        startMailServer(port);
        // the next night's run is November's, with nothing new in the inbox
        assertThat(LedgerCommand.execute(workspace.runArguments(NOVEMBER))).isZero();

        assertThat(noticesByRecipients()).containsOnlyKeys("ny@example.gov.cn",
                "wj1@example.gov.cn, wj2@example.gov.cn", "sc@example.gov.cn");
        assertThat(status(workspace)).doesNotContainPattern("退回意见  \\S+  发送失败");
        int received = this.greenMail.getReceivedMessages().length;

        assertThat(LedgerCommand.execute(workspace.runArguments(NOVEMBER))).isZero();
        assertThat(this.greenMail.getReceivedMessages()).hasSize(received);
    }

    @Test
    void saysOnTheConsoleInChineseWhoCouldNotBeMailedAndKeepsTheExceptionInTheLog() throws Exception {
        int port = TestMail.freePort();
        LedgerWorkspace workspace = workspace(port);
        workspace.drop(OCTOBER);
        java.io.PrintStream originalOut = System.out;
        java.io.PrintStream originalErr = System.err;
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        java.io.PrintStream captured = new java.io.PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
        int exitCode;
        try {
            exitCode = LedgerCommand.execute(workspace.runArguments(OCTOBER));
        }
        finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String text = console.toString(StandardCharsets.UTF_8);
        originalOut.print(text);

        assertThat(exitCode).as("mail server down: the run succeeds").isZero();
        assertThat(text).contains("县农业农村局 的退回意见（2026-10）未能发送，下次运行时重试：邮件发送失败（服务器 127.0.0.1:" + port)
            .contains("未识别单位 的退回意见（2026-10）未发送：")
            .contains("各单位和督办邮件：已发送 0 份")
            .doesNotContain("Mail to", "Could not mail", "not sent:", "Exception", "Couldn't connect",
                    "Mail to departments and leaders");
    }

    // --- fixtures ---

    private LedgerWorkspace workspace(int port) throws Exception {
        LedgerWorkspace workspace = LedgerWorkspace.h2(this.temp).withJobLines("""
                delivery:
                  mail: { host: 127.0.0.1, port: %d, tls: false, from: zgb@example.gov.cn, to: [jw@example.gov.cn] }
                  notices: { resubmit-days: 5 }
                """.formatted(port));
        Files.writeString(workspace.root.resolve("roster.csv"), ROSTER, StandardCharsets.UTF_8);
        return workspace;
    }

    /** The return notices received, one per distinct To header (a message reaches each of its mailboxes). */
    private Map<String, MimeMessage> noticesByRecipients() throws Exception {
        Map<String, MimeMessage> notices = new LinkedHashMap<>();
        Map<String, Integer> copies = new LinkedHashMap<>();
        for (MimeMessage message : this.greenMail.getReceivedMessages()) {
            if (message.getSubject().startsWith("【退回意见】")) {
                String to = String.join(", ", addresses(message.getRecipients(RecipientType.TO)));
                notices.put(to, message);
                copies.merge(to, 1, Integer::sum);
            }
        }
        // one message per notice: as many copies as it has addresses, no more
        copies.forEach((to, count) -> assertThat(count).as(to).isEqualTo(to.split(", ").length));
        return notices;
    }

    private static List<String> recipientsOf(MimeMessage[] messages) throws Exception {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : messages) {
            recipients.addAll(addresses(message.getRecipients(RecipientType.TO)));
        }
        return recipients;
    }

    private static String overviewValue(Path workbook, String label) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(workbook))) {
            for (Row row : book.getSheet("总体情况")) {
                if (row.getCell(0) != null && label.equals(row.getCell(0).toString())) {
                    return row.getCell(1).toString();
                }
            }
        }
        return null;
    }

    private void startMailServer(int port) {
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.greenMail.start();
    }

    static String status(LedgerWorkspace workspace) {
        return output("status", "--job", workspace.jobFile.toString(), "--month", OCTOBER.toString());
    }

    /** Runs the command in this JVM and returns what it printed. */
    static String output(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(LedgerCommand.execute(args)).as(String.join(" ", args)).isZero();
        }
        finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }

    static List<String> addresses(Address[] addresses) {
        List<String> result = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                result.add(address.toString());
            }
        }
        return result;
    }

    static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
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
