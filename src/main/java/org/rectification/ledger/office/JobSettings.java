package org.rectification.ledger.office;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.ReadSettings;
import org.rectification.ledger.sheet.TextForms;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.sheet.SubmissionReader;
import org.rectification.ledger.roster.Roster;
import org.rectification.ledger.check.SubmissionChecker;
import org.rectification.ledger.check.SheetCheck;
import org.rectification.ledger.check.Severity;
import org.rectification.ledger.check.RuleCode;
import org.rectification.ledger.check.CheckSettings;

/**
 * The reader's and the checker's settings as a job file asks for them, validated: a mistake is a
 * {@link JobFileException} naming the key. The defaults they start from live in {@link ReadSettings} and
 * {@link CheckSettings}.
 */
public final class JobSettings {

    private JobSettings() {
    }

    /**
     * The reader's settings: extra header aliases (keyed by any known header name of the field), extra
     * placeholders, extra signer labels, the campaign dates and the size limits.
     */
    public static ReadSettings read(JobFile job, YearMonth month) {
        Map<Field, List<String>> aliases = new EnumMap<>(Field.class);
        for (Map.Entry<String, List<String>> entry : job.checks().aliases().entrySet()) {
            Field field = fieldFor(entry.getKey());
            if (field == null) {
                throw new JobFileException(job.file(), "checks.aliases." + entry.getKey(),
                        Messages.get("system.job.unknown-column"));
            }
            aliases.computeIfAbsent(field, (f) -> new ArrayList<>()).addAll(entry.getValue());
        }
        Set<String> placeholders = new LinkedHashSet<>(ReadSettings.DEFAULT_PLACEHOLDERS);
        placeholders.addAll(job.checks().placeholders());
        List<String> signers = new ArrayList<>(ReadSettings.DEFAULT_SIGNER_LABELS);
        for (String signer : job.checks().requiredSigners()) {
            if (!signers.contains(signer)) {
                signers.add(signer);
            }
        }
        JobFile.Intake intake = job.intake();
        ReadSettings.Limits limits = new ReadSettings.Limits(intake.maxFileMb() * 1024L * 1024L, intake.maxRows(),
                intake.maxColumns(), ReadSettings.Limits.defaults().minInflateRatio(),
                ReadSettings.Limits.defaults().maxEntryBytes());
        return new ReadSettings(aliases, Set.copyOf(placeholders), List.copyOf(signers), job.campaign().feedbackDate(),
                job.campaign().immediateDays(), month, limits);
    }

    /**
     * The checker's settings: rule severities, rules switched off, the required signers.
     * @throws JobFileException naming the key (checks.rules.NAME, checks.required-signers) when a rule code,
     * a severity or a signer is not valid
     */
    public static CheckSettings check(JobFile.Checks checks, JobFile.Campaign campaign, Path jobFile) {
        Map<RuleCode, Severity> severities = new EnumMap<>(RuleCode.class);
        Set<RuleCode> disabled = EnumSet.noneOf(RuleCode.class);
        if (checks != null && checks.rules() != null) {
            for (Map.Entry<String, String> entry : checks.rules().entrySet()) {
                String key = "checks.rules." + entry.getKey();
                RuleCode code = ruleCode(entry.getKey());
                if (code == null) {
                    throw new JobFileException(jobFile, key, Messages.get("system.job.rule-code",
                            Arrays.stream(RuleCode.values()).map(Enum::name).collect(Collectors.joining(", "))));
                }
                String level = (entry.getValue() != null) ? entry.getValue().trim().toLowerCase(Locale.ROOT) : "";
                switch (level) {
                    case "error" -> severities.put(code, Severity.ERROR);
                    case "warning" -> severities.put(code, Severity.WARNING);
                    case "notice" -> severities.put(code, Severity.NOTICE);
                    case "off" -> disabled.add(code);
                    default -> throw new JobFileException(jobFile, key,
                            Messages.get("system.job.severity", String.valueOf(entry.getValue())));
                }
            }
        }
        List<String> labels = (checks != null && checks.requiredSigners() != null) ? checks.requiredSigners()
                : CheckSettings.DEFAULT_REQUIRED_SIGNERS;
        List<CheckSettings.RequiredSigner> signers = new ArrayList<>();
        for (String label : labels) {
            if (label == null || TextForms.key(label).isEmpty()) {
                throw new JobFileException(jobFile, "checks.required-signers", Messages.get("system.job.empty-signer"));
            }
            signers.add(CheckSettings.RequiredSigner.of(label));
        }
        return new CheckSettings(severities, disabled, signers, (campaign != null) ? campaign.feedbackDate() : null);
    }

    /**
     * The one read-and-check path with the job file's roster, campaign and rules, for a reporting month: the
     * nightly run's, and the check a department runs before submitting.
     */
    public static SheetCheck sheetCheck(JobFile job, Roster roster, YearMonth month) {
        return new SheetCheck(new SubmissionReader(read(job, month)),
                new SubmissionChecker(check(job.checks(), job.campaign(), job.file()), roster));
    }

    private static Field fieldFor(String header) {
        String key = TextForms.key(header);
        for (Field field : Field.values()) {
            if (TextForms.key(field.label()).equals(key) || field.aliases().stream().anyMatch((a) -> TextForms.key(a).equals(key))) {
                return field;
            }
        }
        return null;
    }

    private static RuleCode ruleCode(String written) {
        if (written == null) {
            return null;
        }
        String name = written.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (RuleCode code : RuleCode.values()) {
            if (code.name().equals(name)) {
                return code;
            }
        }
        return null;
    }

}
