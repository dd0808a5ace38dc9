package org.rectification.ledger.system;

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

    @Nested
    class Mistakes {

        @Test
        void namesAnUnknownKeyAndTheFile() throws IOException {
            Path file = write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    folder: { inbox: inbox }
                    """);
            assertThatThrownBy(() -> JobFileParser.parse(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'folder' is not a known key");
        }

        @Test
        void namesAMissingRequiredKey() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察 }
                    roster: roster.csv
                    """))).isInstanceOf(JobFileException.class).hasMessageContaining("'campaign.feedback-date' is missing");
        }

        @Test
        void rejectsATemplateFormatOtherThanXlsxOrXls() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    templates: { format: ods }
                    """))).isInstanceOf(JobFileException.class)
                .hasMessageContaining("'templates.format' must be xlsx or xls, not 'ods'");
        }

        @Test
        void rejectsABadDate() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 九月十五 }
                    roster: roster.csv
                    """))).isInstanceOf(JobFileException.class)
                .hasMessageContaining("'campaign.feedback-date' must be a date");
        }

        @Test
        void rejectsABadCron() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    schedule: { cron: "every night" }
                    """))).isInstanceOf(JobFileException.class).hasMessageContaining("'schedule.cron'");
        }

        @Test
        void refusesAPasswordInTheJobFile() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("""
                    campaign: { name: 巡察, feedback-date: 2026-09-15 }
                    roster: roster.csv
                    delivery: { mail: { host: h, from: a@b, to: [c@d], password: secret } }
                    """))).isInstanceOf(JobFileException.class).hasMessageContaining("'delivery.mail.password'");
        }

        @Test
        void reportsInvalidYaml() throws IOException {
            assertThatThrownBy(() -> JobFileParser.parse(write("campaign: [unclosed\n")))
                .isInstanceOf(JobFileException.class)
                .hasMessageContaining("not valid YAML");
        }

        @Test
        void reportsAMissingFile() {
            assertThatThrownBy(() -> JobFileParser.parse(JobFileParserTests.this.dir.resolve("nope.yml")))
                .isInstanceOf(JobFileException.class)
                .hasMessageContaining("does not exist");
        }

    }

}
