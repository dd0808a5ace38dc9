package org.rectification.ledger.check;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rectification.ledger.sheet.ReadSettings;
import org.rectification.ledger.sheet.TextForms;

/**
 * How to check submissions for one job: every rule's effective severity after the job file's overrides,
 * the rules switched off, the signers each submission must carry and the campaign's feedback date.
 *
 * @param severities effective severity of every rule code
 * @param disabled rules switched off ("off" in the job file): they never fire
 * @param requiredSigners signers each submission must carry
 * @param feedbackDate the campaign's feedback date (反馈日期), or null when unknown (then no deadline is too early)
 */
public record CheckSettings(Map<RuleCode, Severity> severities, Set<RuleCode> disabled,
        List<RequiredSigner> requiredSigners, LocalDate feedbackDate) {

    /** Signers required when the job file names none: 填报人, 审核人 and the department head. */
    public static final List<String> DEFAULT_REQUIRED_SIGNERS = ReadSettings.USUAL_SIGNERS;

    /** The ways a department head's signature line is labelled. */
    static final List<String> HEAD_LABELS = ReadSettings.HEAD_SIGNER_LABELS;

    public CheckSettings {
        Map<RuleCode, Severity> effective = new EnumMap<>(RuleCode.class);
        for (RuleCode code : RuleCode.values()) {
            effective.put(code, code.defaultSeverity());
        }
        effective.putAll(severities);
        severities = Collections.unmodifiableMap(effective);
        disabled = disabled.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(disabled));
        requiredSigners = List.copyOf(requiredSigners);
    }

    /**
     * A signer each submission must carry.
     *
     * @param label the label used in findings, e.g. "单位负责人"
     * @param acceptedLabels the signature-block labels that count as this signer
     */
    public record RequiredSigner(String label, List<String> acceptedLabels) {

        public RequiredSigner {
            acceptedLabels = List.copyOf(acceptedLabels);
        }

        /** The signer for a label; the department head is accepted under any of its usual labels. */
        public static RequiredSigner of(String label) {
            String key = TextForms.key(label);
            boolean head = HEAD_LABELS.stream().anyMatch((head1) -> TextForms.key(head1).equals(key));
            return new RequiredSigner(TextForms.clean(label), head ? HEAD_LABELS : List.of(TextForms.clean(label)));
        }

        /** True when a label found in a signature block counts as this signer. */
        public boolean accepts(String written) {
            String key = TextForms.key(written);
            return this.acceptedLabels.stream().anyMatch((accepted) -> TextForms.key(accepted).equals(key));
        }

    }

    /** Every rule at its default severity, the default signers. */
    public static CheckSettings defaults(LocalDate feedbackDate) {
        return new CheckSettings(Map.of(), Set.of(),
                DEFAULT_REQUIRED_SIGNERS.stream().map(RequiredSigner::of).toList(), feedbackDate);
    }

    /** The rule's severity after overrides. */
    public Severity severity(RuleCode code) {
        return this.severities.getOrDefault(code, code.defaultSeverity());
    }

    /** False when the job file switched the rule off. */
    public boolean enabled(RuleCode code) {
        return !this.disabled.contains(code);
    }

}
