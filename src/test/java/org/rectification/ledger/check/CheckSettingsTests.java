package org.rectification.ledger.check;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.office.JobFileException;
import org.rectification.ledger.office.JobSettings;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.SignatureMark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.rectification.ledger.check.TestSubmissions.ROSTER;
import static org.rectification.ledger.check.TestSubmissions.row;
import static org.rectification.ledger.check.TestSubmissions.signed;
import static org.rectification.ledger.check.TestSubmissions.submission;
import static org.rectification.ledger.check.TestSubmissions.table;

class CheckSettingsTests {

    private static final Path JOB = Path.of("jobs/xunzha-2026.yml");

    private static final JobFile.Campaign CAMPAIGN = new JobFile.Campaign("2026年县委第一轮巡察", LocalDate.of(2026, 9, 30),
            15);

    private static CheckSettings settings(Map<String, String> rules, List<String> signers) {
        return JobSettings.check(new JobFile.Checks(signers, rules, List.of(), Map.of()), CAMPAIGN, JOB);
    }

    @Test
    void usesDefaultSeveritiesAndSigners() {
        CheckSettings settings = settings(Map.of(), null);

        assertThat(settings.severity(RuleCode.OWNER_MISSING)).isEqualTo(Severity.ERROR);
        assertThat(settings.severity(RuleCode.STATUS_MISSING)).isEqualTo(Severity.WARNING);
        assertThat(settings.severities()).hasSize(RuleCode.values().length);
        assertThat(settings.disabled()).isEmpty();
        assertThat(settings.feedbackDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(settings.requiredSigners()).extracting(CheckSettings.RequiredSigner::label)
            .containsExactly("填报人", "审核人", "单位负责人");
        assertThat(settings.requiredSigners().get(2).acceptedLabels())
            .containsExactly("单位负责人", "单位主要负责人", "主要负责人", "负责人");
        assertThat(settings.requiredSigners().get(1).acceptedLabels()).containsExactly("审核人");
    }

    @Test
    void signatureSwitchedToWarningNoLongerRejects() {
        CheckSettings settings = settings(Map.of("SIGNATURE_MISSING", "warning"), null);

        CheckedSubmission checked = new SubmissionChecker(settings, ROSTER).check("民政局.xlsx",
                submission("县民政局", List.of(), table("任务表", row("任务表", 4))), (department) -> Map.of());

        assertThat(checked.findings()).extracting(Finding::severity).containsOnly(Severity.WARNING).hasSize(3);
        assertThat(checked.rejected()).isFalse();
        assertThat(checked.mergeable()).hasSize(1);
    }

    @Test
    void ownerSwitchedToWarningKeepsTheRow() {
        CheckSettings settings = settings(Map.of("owner-missing", "Warning"), null);

        CheckedSubmission checked = new SubmissionChecker(settings, ROSTER).check("民政局.xlsx",
                signed(table("任务表", row("任务表", 4, Field.OWNER, "待定"))), (department) -> Map.of());

        assertThat(checked.findings()).extracting(Finding::rule, Finding::severity)
            .containsExactly(tuple(RuleCode.OWNER_MISSING, Severity.WARNING));
        assertThat(checked.mergeable()).hasSize(1);
    }

    @Test
    void ruleSwitchedOffNeverFires() {
        CheckSettings settings = settings(Map.of("STATUS_MISSING", "off", "DEADLINE_BEFORE_FEEDBACK", "off"), null);

        CheckedSubmission checked = new SubmissionChecker(settings, ROSTER).check("民政局.xlsx",
                signed(table("任务表", row("任务表", 4, Field.STATUS, "", Field.DEADLINE, "2026-01-01"))),
                (department) -> Map.of());

        assertThat(settings.enabled(RuleCode.STATUS_MISSING)).isFalse();
        assertThat(checked.findings()).isEmpty();
    }

    @Test
    void requiresOnlyTheConfiguredSigners() {
        CheckSettings settings = settings(Map.of(), List.of("审核人", "主要负责人"));
        List<SignatureMark> marks = List.of(new SignatureMark("审核人", "赵六", false, "任务表", 20, 3),
                new SignatureMark("单位负责人", null, false, "任务表", 20, 6));

        CheckedSubmission checked = new SubmissionChecker(settings, ROSTER).check("民政局.xlsx",
                submission("县民政局", marks, table("任务表", row("任务表", 4))), (department) -> Map.of());

        assertThat(checked.findings()).extracting(Finding::rule, Finding::column)
            .containsExactly(tuple(RuleCode.SIGNATURE_MISSING, "主要负责人"));
    }

    @Nested
    class Mistakes {

        @Test
        void rejectsUnknownRuleCodeNamingTheKeyAndTheValidCodes() {
            assertThatThrownBy(() -> settings(Map.of("OWNER_MISING", "warning"), null))
                .isInstanceOf(JobFileException.class)
                .hasMessageContaining("jobs/xunzha-2026.yml")
                .hasMessageContaining("checks.rules.OWNER_MISING")
                .hasMessageContaining("OWNER_MISSING")
                .hasMessageContaining("DEADLINE_POSTPONED");
        }

        @Test
        void rejectsUnknownSeverityNamingTheKey() {
            assertThatThrownBy(() -> settings(Map.of("OWNER_MISSING", "fatal"), null))
                .isInstanceOf(JobFileException.class)
                .hasMessageContaining("checks.rules.OWNER_MISSING")
                .hasMessageContaining("error, warning, notice, off")
                .hasMessageContaining("fatal");
        }

        @Test
        void rejectsEmptySignerLabel() {
            assertThatThrownBy(() -> settings(Map.of(), List.of("审核人", " ")))
                .isInstanceOf(JobFileException.class)
                .hasMessageContaining("checks.required-signers");
        }

    }

}
