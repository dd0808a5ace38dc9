package org.rectification.ledger.system;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.ReadSettings;
import org.rectification.ledger.sheet.Text;

/**
 * Builds the reader's settings from a job file: extra header aliases (keyed by any known header name of
 * the field), extra placeholders, extra signer labels, the campaign dates and the size limits.
 */
public final class ReadSettingsFactory {

    private ReadSettingsFactory() {
    }

    public static ReadSettings create(JobFile job, YearMonth month) {
        Map<Field, List<String>> aliases = new EnumMap<>(Field.class);
        for (Map.Entry<String, List<String>> entry : job.checks().aliases().entrySet()) {
            Field field = fieldFor(entry.getKey());
            if (field == null) {
                throw new JobFileException(job.file(), "checks.aliases." + entry.getKey(),
                        "is not a known column; use a standard header such as 责任人, 整改时限, 反馈问题");
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

    private static Field fieldFor(String header) {
        String key = Text.key(header);
        for (Field field : Field.values()) {
            if (Text.key(field.label()).equals(key) || field.aliases().stream().anyMatch((a) -> Text.key(a).equals(key))) {
                return field;
            }
        }
        return null;
    }

}
