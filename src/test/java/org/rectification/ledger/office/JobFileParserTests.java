package org.rectification.ledger.office;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobFileParserTests {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = this.dir.resolve("county.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsTheDocumentedJobFileWithPathsRelativeToIt() throws IOException {
        JobFile job = JobFileParser.parse(write("""
                campaign:
                  name: 县委第三轮巡察
                  feedback-date: 2026-09-15
                  immediate-days: 30
                roster: roster.csv
                folders: { inbox: inbox, archive: archive, rejected: rejected, out: out, work: work }
                database: { url: ~ }
                checks:
                  required-signers: [填报人, 审核人, 单位负责人]
                  rules: { STATUS_MISSING: off, OWNER_MISSING: warning }
                  aliases: { 责任人: [包干责任人] }
                schedule: { cron: "0 30 1 * * *" }
                """));
        assertThat(job.campaign().name()).isEqualTo("县委第三轮巡察");
        assertThat(job.campaign().feedbackDate()).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(job.campaign().immediateDays()).isEqualTo(30);
        assertThat(job.roster()).isEqualTo(this.dir.resolve("roster.csv"));
        assertThat(job.folders().inbox()).isEqualTo(this.dir.resolve("inbox"));
        assertThat(job.folders().out()).isEqualTo(this.dir.resolve("out"));
        assertThat(job.database().url()).isNull();
        assertThat(job.checks().requiredSigners()).containsExactly("填报人", "审核人", "单位负责人");
        assertThat(job.checks().rules()).containsEntry("STATUS_MISSING", "off").containsEntry("OWNER_MISSING", "warning");
        assertThat(job.checks().aliases()).containsEntry("责任人", List.of("包干责任人"));
        assertThat(job.schedule().cron()).isEqualTo("0 30 1 * * *");
        assertThat(job.reports().dueDay()).isEqualTo(10);
        assertThat(job.reports().resubmitWorkingDays()).as("the default time to resubmit").isEqualTo(3);
        assertThat(job.intake().settleSeconds()).isEqualTo(5);
        assertThat(job.intake().maxRows()).as("whatever an .xlsx sheet can hold").isEqualTo(1_048_576);
        assertThat(job.delivery().mail()).isNull();
    }

    @Test
    void readsMailDeliveryWithPasswordFromTheEnvironment() throws IOException {
        JobFile job = JobFileParser.parse(write("""
                campaign: { name: 巡察, feedback-date: 2026-09-15 }
                roster: roster.csv
                delivery:
                  mail: { host: 127.0.0.1, port: 2525, tls: false, user: office, password-env: LEDGER_SMTP_PASSWORD,
                          from: zgb@county.gov.cn, to: [jw@county.gov.cn], cc: [xcb@county.gov.cn], subject: "{campaign} {month}" }
                """));
        JobFile.Mail mail = job.delivery().mail();
        assertThat(mail.host()).isEqualTo("127.0.0.1");
        assertThat(mail.port()).isEqualTo(2525);
        assertThat(mail.passwordEnv()).isEqualTo("LEDGER_SMTP_PASSWORD");
        assertThat(mail.to()).containsExactly("jw@county.gov.cn");
        assertThat(mail.cc()).containsExactly("xcb@county.gov.cn");
    }

    @Test
    void readsMailToDepartmentsWithRemindersAndSupervisionOffByDefault() throws IOException {
        JobFile defaults = JobFileParser.parse(write("""
                campaign: { name: 巡察, feedback-date: 2026-09-15 }
                roster: roster.csv
                delivery:
                  mail: { host: 127.0.0.1, from: zgb@county.gov.cn, to: [jw@county.gov.cn] }
                """));
        assertThat(defaults.delivery().notices()).isEqualTo(new JobFile.Notices(true, null));
        assertThat(defaults.delivery().reminders()).isEqualTo(new JobFile.Reminders(false, 3, true, false));
        assertThat(defaults.delivery().supervision()).isEqualTo(new JobFile.Supervision(false, null));

        JobFile job = JobFileParser.parse(write("""
                campaign: { name: 巡察, feedback-date: 2026-09-15 }
                roster: roster.csv
                delivery:
                  mail: { host: 127.0.0.1, from: zgb@county.gov.cn, to: [jw@county.gov.cn] }
                  notices: { enabled: false, resubmit-days: 5 }
                  reminders: { enabled: true, days-before-due: 5, overdue: false, attach-template: true }
                  supervision: { enabled: true, day: 15 }
                """));
        assertThat(job.delivery().notices()).isEqualTo(new JobFile.Notices(false, 5));
        assertThat(job.delivery().reminders()).isEqualTo(new JobFile.Reminders(true, 5, false, true));
        assertThat(job.delivery().supervision()).isEqualTo(new JobFile.Supervision(true, 15));
    }

    @Test
    void writesTemplatesAsXlsxUnlessTheJobFileAsksForXls() throws IOException {
        assertThat(JobFileParser.parse(write("""
                campaign: { name: 巡察, feedback-date: 2026-09-15 }
                roster: roster.csv
                """)).templates().format()).isEqualTo("xlsx");
        assertThat(JobFileParser.parse(write("""
                campaign: { name: 巡察, feedback-date: 2026-09-15 }
                roster: roster.csv
                templates: { format: XLS }
                """)).templates().format()).isEqualTo("xls");
    }

    @Test
    void readsTheWebConsoleSettingsWithDefaults() throws IOException {
        JobFile defaults = JobFileParser.parse(write("""
                campaign: { name: 巡察, feedback-date: 2026-09-15 }
                roster: roster.csv
                """));
        assertThat(defaults.web()).isEqualTo(new JobFile.Web(8080, 20, 30));
        JobFile set = JobFileParser.parse(write("""
                campaign: { name: 巡察, feedback-date: 2026-09-15 }
                roster: roster.csv
                web: { port: 8443, max-upload-mb: 5, session-timeout-minutes: 15 }
                """));
        assertThat(set.web()).isEqualTo(new JobFile.Web(8443, 5, 15));
    }

    @Nested
    class Mistakes {

        @Test
        void refusesAnUnknownReminderKey() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    delivery:
                      mail: { host: h, from: a@b, to: [c@d] }
                      reminders: { enabled: true, days-before: 3 }
                    """))).isInstanceOf(JobFileException.class).hasMessageContaining("“delivery.reminders.days-before”");
        }

        @Test
        void refusesRemindersWithoutAMailServer() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    delivery:
                      reminders: { enabled: true }
                    """))).isInstanceOf(JobFileException.class).hasMessageContaining("“delivery.reminders.enabled”");
        }

        @Test
        void refusesAnEnabledFlagThatIsNeitherTrueNorFalse() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    delivery:
                      mail: { host: h, from: a@b, to: [c@d] }
                      reminders: { enabled: yes-please }
                    """))).isInstanceOf(JobFileException.class).hasMessageContaining("“delivery.reminders.enabled”");
        }

        @Test
        void namesAnUnknownWebKey() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    web: { prot: 8080 }
                    """))).isInstanceOf(JobFileException.class).hasMessageContaining("“web.prot”不是可用的配置项");
        }

        @Test
        void refusesAnUploadLimitAboveWhatIntakeAccepts() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    intake: { max-file-mb: 10 }
                    web: { max-upload-mb: 11 }
                    """))).isInstanceOf(JobFileException.class)
                .hasMessageContaining("“web.max-upload-mb”应在 1 到 10 之间");
        }

        @Test
        void refusesAPortOutOfRange() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    web: { port: 70000 }
                    """))).isInstanceOf(JobFileException.class).hasMessageContaining("“web.port”");
        }

        @Test
        void namesAnUnknownKeyAndTheFile() throws IOException {
            Path file = write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    folder: { inbox: inbox }
                    """);
            assertThatThrownBy(() -> JobFileParser.parse(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("“folder”不是可用的配置项");
        }

        @Test
        void namesAMissingRequiredKey() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察 }
                    roster: roster.csv
                    """))).isInstanceOf(JobFileException.class).hasMessageContaining("“campaign.feedback-date”缺少这一项");
        }

        @Test
        void rejectsAResubmissionTimeOutsideOneToThirtyWorkingDays() throws IOException {
            assertThat(JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    reports: { resubmit-working-days: 5 }
                    """)).reports().resubmitWorkingDays()).isEqualTo(5);
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    reports: { resubmit-working-days: 0 }
                    """))).isInstanceOf(JobFileException.class)
                .hasMessageContaining("reports.resubmit-working-days");
        }

        @Test
        void rejectsATemplateFormatOtherThanXlsxOrXls() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    templates: { format: ods }
                    """))).isInstanceOf(JobFileException.class)
                .hasMessageContaining("“templates.format”应为 xlsx 或 xls，而不是“ods”");
        }

        @Test
        void rejectsABadDate() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 九月十五 }
                    roster: roster.csv
                    """))).isInstanceOf(JobFileException.class)
                .hasMessageContaining("“campaign.feedback-date”应为日期");
        }

        @Test
        void rejectsABadCron() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    schedule: { cron: "every night" }
                    """))).isInstanceOf(JobFileException.class).hasMessageContaining("“schedule.cron”");
        }

        @Test
        void refusesAPasswordInTheJobFile() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    delivery: { mail: { host: h, from: a@b, to: [c@d], password: secret } }
                    """))).isInstanceOf(JobFileException.class).hasMessageContaining("“delivery.mail.password”");
        }

        @Test
        void reportsInvalidYaml() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("campaign: [unclosed\n")))
                .isInstanceOf(JobFileException.class)
                .hasMessageContaining("行附近格式有误（YAML）");
        }

        @Test
        void reportsAMissingFile() {
            assertThatThrownBy(() -> JobFileParser.parse(JobFileParserTests.this.dir.resolve("nope.yml")))
                .isInstanceOf(JobFileException.class)
                .hasMessageContaining("文件不存在：" + JobFileParserTests.this.dir.resolve("nope.yml"));
        }

    }

}
