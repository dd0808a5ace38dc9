package org.rectification.ledger.cli;

import org.rectification.ledger.delivery.TestMail;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.job.LedgerWorkspace;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ledger mail} against GreenMail: 催报 once before the due day and once after it, only to departments
 * expected and still missing; 督办 once a month per leader, to the leader when the roster knows the address and to
 * the office otherwise; the dry run prints who would get what and sends and records nothing; a mail interrupted
 * while being handed to the server is sent again with the same Message-ID.
 */
@Tag("process")
class MailCommandTests {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    /** Four departments with an address; 县审计局 does not report. */
    private static final String ROSTER = """
            单位名称,别名,是否报送,联系人,联系邮箱
            县民政局,民政局;县民政,是,李敏,mz@example.gov.cn
            县教育局,教育局、县教育,,,
            县财政局,财政局|县财政,,,
            县卫生健康局,卫健局;县卫健局;卫生健康局,是,赵倩,wj1@example.gov.cn;wj2@example.gov.cn
            县住房和城乡建设局,住建局、县住建局,,,
            县自然资源局,自然资源局,,,
            县农业农村局,农业农村局;县农业局,是,孙强,ny@example.gov.cn
            县审计局,审计局,否,,
            县市场监督管理局,市场监管局|县市场监管局,是,钱丽,sc@example.gov.cn
            县人力资源和社会保障局,人社局;县人社局、人力资源和社会保障局,,,
            """;

    @TempDir
    Path temp;

    private GreenMail greenMail;

    private LedgerWorkspace workspace;

    private int port;

    @BeforeEach
    void setUp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        this.port = port;
        this.workspace = prepare(LedgerWorkspace.h2(this.temp));
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.greenMail.start();
    }

    private LedgerWorkspace prepare(LedgerWorkspace workspace) throws Exception {
        workspace.withJobLines("""
                delivery:
                  mail: { host: 127.0.0.1, port: %d, tls: false, from: zgb@example.gov.cn, to: [jw@example.gov.cn] }
                  reminders: { enabled: true, days-before-due: 3, overdue: true, attach-template: true }
                  supervision: { enabled: true }
                """.formatted(this.port));
        Files.writeString(workspace.root.resolve("roster.csv"), ROSTER, StandardCharsets.UTF_8);
        return workspace;
    }

    @AfterEach
    void stopMailServer() {
        this.greenMail.stop();
    }

    @Test
    void remindsEachMissingDepartmentOnceBeforeTheDueDayAndOnceAfterIt() throws Exception {
        assertThat(mail(DECEMBER, "2026-12-06").text()).contains("已发送 0 份，发送失败 0 份（下次运行重发），无联系邮箱 0 份");
        assertThat(this.greenMail.getReceivedMessages()).as("more than 3 days before the 10th").isEmpty();

        CommandOutput first = mail(DECEMBER, "2026-12-07");

        // nine departments report: four have an address, five do not (县审计局 does not report)
        assertThat(first.text()).contains("已发送 4 份，发送失败 0 份（下次运行重发），无联系邮箱 5 份");
        Map<String, MimeMessage> reminders = byRecipients("【催报提醒】");
        assertThat(reminders).containsOnlyKeys("mz@example.gov.cn", "wj1@example.gov.cn, wj2@example.gov.cn",
                "ny@example.gov.cn", "sc@example.gov.cn");
        MimeMessage civilAffairs = reminders.get("mz@example.gov.cn");
        assertThat(civilAffairs.getSubject()).isEqualTo("【催报提醒】请于2026年12月10日前报送县委第三轮巡察2026年12月整改进展");
        assertThat(TestMail.bodyText(civilAffairs)).startsWith("县民政局：")
            .contains("每月10日前报送最新整改情况", "请你单位于2026年12月10日前报送", "截至2026年12月7日，整改办尚未收到你单位本月的报表")
            .contains("附件《县民政局-2026年12月整改任务分解表.xlsx》是你单位本月的整改任务分解表");
        // the month's first reminder carries the department's pre-filled sheet, as ./ledger templates writes it
        Path template = this.workspace.out().resolve("填报模板-2026-12/县民政局-2026年12月整改任务分解表.xlsx");
        assertThat(attachments(civilAffairs)).containsOnlyKeys(template.getFileName().toString());
        assertThat(attachments(civilAffairs).get(template.getFileName().toString()))
            .isEqualTo(Files.readAllBytes(template));
        assertThat(mail(DECEMBER, "2026-12-09").text()).contains("已发送 0 份");
        assertThat(mail(DECEMBER, "2026-12-10").text()).contains("已发送 0 份");
        assertThat(this.greenMail.getReceivedMessages()).as("one reminder each").hasSize(5);

        CommandOutput overdue = mail(DECEMBER, "2026-12-11");

        assertThat(overdue.text()).contains("已发送 4 份");
        Map<String, MimeMessage> overdueNotices = byRecipients("【催报】");
        assertThat(overdueNotices).containsOnlyKeys(reminders.keySet());
        assertThat(overdueNotices.get("ny@example.gov.cn").getSubject())
            .isEqualTo("【催报】县委第三轮巡察2026年12月整改进展逾期未报送");
        assertThat(TestMail.bodyText(overdueNotices.get("ny@example.gov.cn"))).startsWith("县农业农村局：")
            .contains("应于2026年12月10日前报送", "截至2026年12月11日", "已逾期")
            .doesNotContain("附件");
        assertThat(attachments(overdueNotices.get("ny@example.gov.cn"))).as("the sheet came with the reminder").isEmpty();
        assertThat(mail(DECEMBER, "2026-12-20").text()).contains("已发送 0 份");
        assertThat(this.greenMail.getReceivedMessages()).as("one overdue notice each").hasSize(10);

        CommandOutput status = CommandOutput.of("status", "--job", this.workspace.jobFile.toString());
        // the reminders nobody could be sent are no longer due once the overdue notices are
        assertThat(status.text()).contains("各单位邮件未发出 5 份：")
            .contains("2026-12  逾期催报  县教育局  无联系邮箱（已尝试 0 次）")
            .doesNotContain("催报提醒  县教育局")
            .doesNotContain("县审计局  无联系邮箱");
    }

    @Test
    void sendsNothingWhileAnotherProcessHoldsTheRunLock() throws Exception {
        mail(DECEMBER, "2026-12-01");
        try (SingleConnectionDataSource dataSource = dataSource()) {
            // the first mail left the lock's row behind, released
            assertThat(new JdbcTemplate(dataSource).update("update shedlock set lock_until = timestamp "
                    + "'2099-01-01 00:00:00', locked_by = 'other-host/4242' where name = 'consolidation'")).isOne();
        }

        CommandOutput locked = CommandOutput.of("mail", "--job", this.workspace.jobFile.toString(), "--month",
                DECEMBER.toString(), "--as-of", "2026-12-07");

        assertThat(locked.exitCode()).isEqualTo(LedgerCommand.LOCKED);
        assertThat(this.greenMail.getReceivedMessages()).isEmpty();
        assertThat(recordedMails()).isZero();
    }

    @Test
    void remindsOnceOnPostgresToo() throws Exception {
        Path root = Files.createDirectories(this.temp.resolve("postgres"));
        LedgerWorkspace postgres = LedgerWorkspace.postgresOrSkip(root);
        try {
            this.workspace = prepare(postgres);

            assertThat(mail(DECEMBER, "2026-12-08").text()).contains("已发送 4 份，发送失败 0 份（下次运行重发），无联系邮箱 5 份");
            assertThat(mail(DECEMBER, "2026-12-09").text()).contains("已发送 0 份");

            assertThat(byRecipients("【催报提醒】")).hasSize(4);
            assertThat(CommandOutput.of("status", "--job", this.workspace.jobFile.toString()).text())
                .contains("各单位邮件未发出 5 份：", "2026-12  催报提醒  县教育局  无联系邮箱（已尝试 0 次）");
        }
        finally {
            postgres.dropPostgresSchema();
        }
    }

    @Test
    void resendsAMailInterruptedWhileBeingHandedToTheServerWithTheSameMessageId() throws Exception {
        mail(DECEMBER, "2026-12-07");
        String firstId = byRecipients("【催报提醒】").get("ny@example.gov.cn").getMessageID();
        // a run killed between handing the mail to the server and recording it leaves it SENDING
        try (SingleConnectionDataSource dataSource = dataSource()) {
            assertThat(new JdbcTemplate(dataSource).update("update department_mail set status = 'SENDING' where "
                    + "mail_key = '县农业农村局'")).isOne();
        }
        assertThat(CommandOutput.of("status", "--job", this.workspace.jobFile.toString()).text())
            .contains("2026-12  催报提醒  县农业农村局  发送中断（将重发）");

        assertThat(mail(DECEMBER, "2026-12-08").text()).contains("已发送 1 份");

        List<MimeMessage> toAgriculture = new ArrayList<>();
        for (MimeMessage message : this.greenMail.getReceivedMessages()) {
            if (addresses(message.getRecipients(RecipientType.TO)).contains("ny@example.gov.cn")) {
                toAgriculture.add(message);
            }
        }
        assertThat(toAgriculture).hasSize(2).allSatisfy((m) -> assertThat(m.getMessageID()).isEqualTo(firstId));
        assertThat(firstId).startsWith("<ledger.2026-12.reminder.").endsWith("@example.gov.cn>");
    }

    @Test
    void sendsEachLeaderTheirOverdueTasksOnceAMonthAndTheDryRunOnlyPrints() throws Exception {
        this.workspace.drop(OCTOBER);
        assertThat(LedgerCommand.execute(this.workspace.runArguments(OCTOBER))).isZero();
        this.workspace.drop(NOVEMBER);
        assertThat(LedgerCommand.execute(this.workspace.runArguments(NOVEMBER))).isZero();
        // the November run sent November's overdue 催报 (its as-of is the 30th) and 督办 already: start afresh
        Map<String, Integer> overdueByLeader = overdueByLeader(this.workspace.out().resolve("月度整改进展-2026-11.xlsx"));
        assertThat(overdueByLeader).isNotEmpty();
        String leader = overdueByLeader.keySet().iterator().next();
        List<MimeMessage> supervision = withSubject("【督办】");
        assertThat(supervision).hasSize(overdueByLeader.size());
        for (MimeMessage message : supervision) {
            assertThat(addresses(message.getRecipients(RecipientType.TO))).containsExactly("jw@example.gov.cn");
            assertThat(TestMail.bodyText(message)).startsWith("整改办：").contains("的邮箱不在花名册中");
        }
        assertThat(supervision).extracting(MailCommandTests::subject)
            .contains("【督办】" + leader + "同志牵头的逾期整改任务（2026年11月，共" + overdueByLeader.get(leader) + "项）");
        // 县农业农村局 sent nothing in November: its overdue 催报; 县审计局 was returned but does not report
        assertThat(byRecipients("【催报】")).containsOnlyKeys("ny@example.gov.cn");
        int received = this.greenMail.getReceivedMessages().length;

        assertThat(mail(NOVEMBER, "2026-11-30").text()).contains("已发送 0 份");
        assertThat(this.greenMail.getReceivedMessages()).as("督办 once a month").hasSize(received);

        // December: the roster now knows one leader's address (a row named after the leader)
        Files.writeString(this.workspace.root.resolve("roster.csv"), ROSTER + leader + ",,否,,leader@example.gov.cn\n",
                StandardCharsets.UTF_8);
        long recorded = recordedMails();
        CommandOutput dryRun = CommandOutput.of("mail", "--dry-run", "--verbose", "--job",
                this.workspace.jobFile.toString(), "--month", DECEMBER.toString(), "--as-of", "2026-12-11");

        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.text()).contains("演练：以下邮件未发送，也未记录。")
            .contains("  督办  " + leader + "  收件人：leader@example.gov.cn  主题：【督办】" + leader + "同志牵头的逾期整改任务（2026年12月")
            .contains("  逾期催报  县民政局  收件人：mz@example.gov.cn  主题：【催报】县委第三轮巡察2026年12月整改进展逾期未报送  "
                    + "附件：县民政局-2026年12月整改任务分解表.xlsx")
            .contains("  逾期催报  县教育局  收件人：花名册中“县教育局”没有联系邮箱")
            .contains("      " + leader + "同志：")
            .contains("      截至2026年12月11日，您牵头负责的以下");
        assertThat(this.greenMail.getReceivedMessages()).as("the dry run sends nothing").hasSize(received);
        assertThat(recordedMails()).as("the dry run records nothing").isEqualTo(recorded);
        assertThat(this.workspace.out().resolve("填报模板-2026-12")).as("nor writes the sheets").doesNotExist();

        mail(DECEMBER, "2026-12-11");

        List<MimeMessage> december = new ArrayList<>();
        for (MimeMessage message : withSubject("【督办】")) {
            if (message.getSubject().contains("2026年12月")) {
                december.add(message);
            }
        }
        assertThat(december).hasSizeGreaterThanOrEqualTo(overdueByLeader.size());
        assertThat(december).filteredOn((m) -> !subject(m).contains(leader + "同志"))
            .allSatisfy((m) -> assertThat(to(m)).containsExactly("jw@example.gov.cn"));
        assertThat(december).filteredOn((m) -> subject(m).contains(leader + "同志"))
            .singleElement()
            .satisfies((m) -> {
                assertThat(to(m)).containsExactly("leader@example.gov.cn");
                assertThat(TestMail.bodyText(m)).startsWith(leader + "同志：");
            });
    }

    // --- fixtures ---

    private CommandOutput mail(YearMonth month, String asOf) {
        CommandOutput output = CommandOutput.of("mail", "--job", this.workspace.jobFile.toString(), "--month",
                month.toString(), "--as-of", asOf);
        assertThat(output.exitCode()).isZero();
        return output;
    }

    /** Messages whose subject starts so, one per distinct To header (each reaches every one of its mailboxes). */
    private Map<String, MimeMessage> byRecipients(String subjectPrefix) throws Exception {
        Map<String, MimeMessage> messages = new LinkedHashMap<>();
        Map<String, Integer> copies = new LinkedHashMap<>();
        for (MimeMessage message : withSubject(subjectPrefix)) {
            String to = String.join(", ", addresses(message.getRecipients(RecipientType.TO)));
            messages.put(to, message);
            copies.merge(to, 1, Integer::sum);
        }
        copies.forEach((to, count) -> assertThat(count).as("copies to " + to).isEqualTo(to.split(", ").length));
        return messages;
    }

    private List<MimeMessage> withSubject(String prefix) throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : this.greenMail.getReceivedMessages()) {
            if (message.getSubject().startsWith(prefix)) {
                messages.add(message);
            }
        }
        return messages;
    }

    /** Overdue tasks per leader, as the progress workbook's 逾期任务 sheet lists them. */
    private static Map<String, Integer> overdueByLeader(Path workbook) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(workbook))) {
            var sheet = book.getSheet("逾期任务");
            int leaderColumn = -1;
            for (Row row : sheet) {
                if (leaderColumn < 0) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        if (row.getCell(c) != null && "责任领导".equals(row.getCell(c).toString())) {
                            leaderColumn = c;
                        }
                    }
                    continue;
                }
                if (row.getCell(leaderColumn) != null && !row.getCell(leaderColumn).toString().isBlank()) {
                    counts.merge(row.getCell(leaderColumn).toString(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private long recordedMails() {
        try (SingleConnectionDataSource dataSource = dataSource()) {
            return new JdbcTemplate(dataSource).queryForObject("select count(*) from department_mail", Long.class);
        }
    }

    private SingleConnectionDataSource dataSource() {
        return new SingleConnectionDataSource(
                "jdbc:h2:file:" + this.workspace.root.resolve("work/ledger").toAbsolutePath() + ";AUTO_SERVER=TRUE",
                "sa", "", true);
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> result = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                result.add(address.toString());
            }
        }
        return result;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, byte[]> attachments(MimeMessage message) {
        try {
            Map<String, byte[]> attachments = new LinkedHashMap<>();
            MimeMultipart multipart = (MimeMultipart) message.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    attachments.put(part.getFileName(), part.getInputStream().readAllBytes());
                }
            }
            return attachments;
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> to(MimeMessage message) {
        try {
            return addresses(message.getRecipients(RecipientType.TO));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

}
