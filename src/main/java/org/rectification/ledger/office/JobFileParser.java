package org.rectification.ledger.office;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rectification.ledger.check.CheckSettings;
import org.rectification.ledger.check.NoticeTerms;
import org.rectification.ledger.sheet.ReadSettings;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.rectification.ledger.system.Messages;

/**
 * Reads a job file strictly: an unknown key, a missing required key or a value of the wrong kind is a
 * {@link JobFileException} naming the file and the key, because a typo silently ignored would make the
 * night's run do the wrong thing.
 */
public final class JobFileParser {

    private static final Set<String> TOP = Set.of("campaign", "roster", "folders", "database", "intake", "checks",
            "reports", "templates", "schedule", "delivery", "web");

    private final Path file;

    private JobFileParser(Path file) {
        this.file = file;
    }

    public static JobFile parse(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new JobFileException(Messages.get("system.file-missing", absolute.toString()), null);
        }
        return new JobFileParser(absolute).parse();
    }

    private JobFile parse() {
        Object loaded;
        try (Reader reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        catch (IOException ex) {
            throw new JobFileException(Messages.get("system.job.unreadable", this.file), ex);
        }
        catch (YAMLException ex) {
            // the parser's own words are technical: the clerk gets the line, the log gets the rest
            LoggerFactory.getLogger("org.rectification.ledger.technical").info("{}: {}", this.file, ex.getMessage());
            int line = (ex instanceof MarkedYAMLException marked && marked.getProblemMark() != null)
                    ? marked.getProblemMark().getLine() + 1 : 1;
            throw new JobFileException(Messages.get("system.job.not-yaml", this.file, String.valueOf(line)), ex);
        }
        Map<String, Object> root = map(loaded, "(top level)", true);
        checkKeys(root, "", TOP);
        Path base = this.file.getParent();

        Map<String, Object> campaignMap = map(root.get("campaign"), "campaign", true);
        checkKeys(campaignMap, "campaign.", Set.of("name", "feedback-date", "immediate-days"));
        JobFile.Campaign campaign = new JobFile.Campaign(text(campaignMap, "campaign.", "name", null, true),
                date(campaignMap, "campaign.", "feedback-date"),
                integer(campaignMap, "campaign.", "immediate-days", ReadSettings.DEFAULT_IMMEDIATE_DAYS, 0, 3650));

        String rosterText = text(root, "", "roster", null, true);
        Path roster = base.resolve(rosterText).normalize();

        Map<String, Object> foldersMap = map(root.get("folders"), "folders", false);
        checkKeys(foldersMap, "folders.", Set.of("inbox", "archive", "rejected", "out", "work"));
        JobFile.Folders folders = new JobFile.Folders(folder(foldersMap, base, "inbox"),
                folder(foldersMap, base, "archive"), folder(foldersMap, base, "rejected"),
                folder(foldersMap, base, "out"), folder(foldersMap, base, "work"));

        Map<String, Object> databaseMap = map(root.get("database"), "database", false);
        checkKeys(databaseMap, "database.", Set.of("url", "user", "password-env"));
        JobFile.Database database = new JobFile.Database(text(databaseMap, "database.", "url", null, false),
                text(databaseMap, "database.", "user", null, false),
                text(databaseMap, "database.", "password-env", null, false));

        Map<String, Object> intakeMap = map(root.get("intake"), "intake", false);
        checkKeys(intakeMap, "intake.", Set.of("settle-seconds", "max-file-mb", "max-rows", "max-columns"));
        JobFile.Intake intake = new JobFile.Intake(integer(intakeMap, "intake.", "settle-seconds", 5, 0, 86400),
                integer(intakeMap, "intake.", "max-file-mb", ReadSettings.Limits.DEFAULT_MAX_FILE_MB, 1, 4096),
                integer(intakeMap, "intake.", "max-rows", ReadSettings.Limits.DEFAULT_MAX_ROWS, 10, 10_000_000),
                integer(intakeMap, "intake.", "max-columns", ReadSettings.Limits.DEFAULT_MAX_COLUMNS, 10, 16384));

        Map<String, Object> checksMap = map(root.get("checks"), "checks", false);
        checkKeys(checksMap, "checks.", Set.of("required-signers", "rules", "placeholders", "aliases"));
        List<String> signers = list(checksMap, "checks.", "required-signers",
                CheckSettings.DEFAULT_REQUIRED_SIGNERS);
        Map<String, String> rules = new LinkedHashMap<>();
        map(checksMap.get("rules"), "checks.rules", false)
            // YAML 1.1 reads a bare `off` as false: that is what the office meant.
            .forEach((key, value) -> rules.put(key,
                    Boolean.FALSE.equals(value) ? "off" : scalar(value, "checks.rules." + key)));
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        map(checksMap.get("aliases"), "checks.aliases", false)
            .forEach((key, value) -> aliases.put(key, stringList(value, "checks.aliases." + key)));
        JobFile.Checks checks = new JobFile.Checks(signers, rules,
                list(checksMap, "checks.", "placeholders", List.of()), aliases);
        // Rule codes, severities and signers are checked here, by the rules' own parser, so every command that
        // reads a job file rejects a typo the same way and before it starts anything.
        JobSettings.check(checks, campaign, this.file);

        Map<String, Object> reportsMap = map(root.get("reports"), "reports", false);
        checkKeys(reportsMap, "reports.", Set.of("due-day", "green-days", "yellow-days", "resubmit-working-days"));
        JobFile.Reports reports = new JobFile.Reports(integer(reportsMap, "reports.", "due-day", 10, 1, 28),
                integer(reportsMap, "reports.", "green-days", 20, 1, 365),
                integer(reportsMap, "reports.", "yellow-days", 10, 1, 365),
                integer(reportsMap, "reports.", "resubmit-working-days", NoticeTerms.DEFAULT_WORKING_DAYS, 1, 30));
        if (reports.yellowDays() > reports.greenDays()) {
            throw new JobFileException(this.file, "reports.yellow-days",
                    Messages.get("system.job.yellow-over-green", String.valueOf(reports.greenDays())));
        }

        Map<String, Object> templatesMap = map(root.get("templates"), "templates", false);
        checkKeys(templatesMap, "templates.", Set.of("format"));
        String format = text(templatesMap, "templates.", "format", "xlsx", false).toLowerCase(java.util.Locale.ROOT);
        if (!Set.of("xlsx", "xls").contains(format)) {
            throw new JobFileException(this.file, "templates.format", Messages.get("system.job.template-format", format));
        }
        JobFile.Templates templates = new JobFile.Templates(format);

        Map<String, Object> scheduleMap = map(root.get("schedule"), "schedule", false);
        checkKeys(scheduleMap, "schedule.", Set.of("cron", "debounce-seconds"));
        String cron = text(scheduleMap, "schedule.", "cron", "0 30 1 * * *", false);
        if (!org.springframework.scheduling.support.CronExpression.isValidExpression(cron)) {
            throw new JobFileException(this.file, "schedule.cron",
                    Messages.get("system.job.cron", cron));
        }
        JobFile.Schedule schedule = new JobFile.Schedule(cron,
                integer(scheduleMap, "schedule.", "debounce-seconds", 30, 0, 86400));

        Map<String, Object> deliveryMap = map(root.get("delivery"), "delivery", false);
        checkKeys(deliveryMap, "delivery.", Set.of("mail", "notices", "reminders", "supervision"));
        JobFile.Mail mail = null;
        if (deliveryMap.get("mail") != null) {
            Map<String, Object> mailMap = map(deliveryMap.get("mail"), "delivery.mail", true);
            checkKeys(mailMap, "delivery.mail.",
                    Set.of("host", "port", "tls", "user", "password-env", "from", "to", "cc", "subject"));
            if (mailMap.containsKey("password")) {
                throw new JobFileException(this.file, "delivery.mail.password", Messages.get("system.job.password"));
            }
            List<String> to = list(mailMap, "delivery.mail.", "to", List.of());
            if (to.isEmpty()) {
                throw new JobFileException(this.file, "delivery.mail.to", Messages.get("system.job.no-recipient"));
            }
            mail = new JobFile.Mail(text(mailMap, "delivery.mail.", "host", null, true),
                    integer(mailMap, "delivery.mail.", "port", 25, 1, 65535), bool(mailMap, "delivery.mail.", "tls"),
                    text(mailMap, "delivery.mail.", "user", null, false),
                    text(mailMap, "delivery.mail.", "password-env", null, false),
                    text(mailMap, "delivery.mail.", "from", null, true), to,
                    list(mailMap, "delivery.mail.", "cc", List.of()),
                    text(mailMap, "delivery.mail.", "subject", "{campaign}整改进展（{month}）", false));
        }
        Map<String, Object> noticesMap = map(deliveryMap.get("notices"), "delivery.notices", false);
        checkKeys(noticesMap, "delivery.notices.", Set.of("enabled", "resubmit-days"));
        JobFile.Notices notices = new JobFile.Notices(
                bool(noticesMap, "delivery.notices.", "enabled", JobFile.Notices.DEFAULT.enabled()),
                noticesMap.get("resubmit-days") != null
                        ? integer(noticesMap, "delivery.notices.", "resubmit-days", 0, 1, 90) : null);
        Map<String, Object> remindersMap = map(deliveryMap.get("reminders"), "delivery.reminders", false);
        checkKeys(remindersMap, "delivery.reminders.",
                Set.of("enabled", "days-before-due", "overdue", "attach-template"));
        JobFile.Reminders reminders = new JobFile.Reminders(
                bool(remindersMap, "delivery.reminders.", "enabled", JobFile.Reminders.OFF.enabled()),
                integer(remindersMap, "delivery.reminders.", "days-before-due", JobFile.Reminders.OFF.daysBeforeDue(),
                        0, 27),
                bool(remindersMap, "delivery.reminders.", "overdue", JobFile.Reminders.OFF.overdue()),
                bool(remindersMap, "delivery.reminders.", "attach-template", JobFile.Reminders.OFF.attachTemplate()));
        Map<String, Object> supervisionMap = map(deliveryMap.get("supervision"), "delivery.supervision", false);
        checkKeys(supervisionMap, "delivery.supervision.", Set.of("enabled", "day"));
        JobFile.Supervision supervision = new JobFile.Supervision(
                bool(supervisionMap, "delivery.supervision.", "enabled", JobFile.Supervision.OFF.enabled()),
                supervisionMap.get("day") != null ? integer(supervisionMap, "delivery.supervision.", "day", 0, 1, 28)
                        : null);
        if (mail == null) {
            // departments are mailed through the office's server: without it the sections can do nothing
            if (reminders.enabled()) {
                throw new JobFileException(this.file, "delivery.reminders.enabled",
                        Messages.get("system.job.needs-mail"));
            }
            if (supervision.enabled()) {
                throw new JobFileException(this.file, "delivery.supervision.enabled",
                        Messages.get("system.job.needs-mail"));
            }
        }
        Map<String, Object> webMap = map(root.get("web"), "web", false);
        checkKeys(webMap, "web.", Set.of("port", "max-upload-mb", "session-timeout-minutes"));
        JobFile.Web web = new JobFile.Web(integer(webMap, "web.", "port", 8080, 0, 65535),
                // an upload larger than intake accepts would only be set aside by the night's run
                integer(webMap, "web.", "max-upload-mb", Math.min(20, intake.maxFileMb()), 1, intake.maxFileMb()),
                integer(webMap, "web.", "session-timeout-minutes", 30, 1, 1440));
        return new JobFile(this.file, campaign, roster, folders, database, intake, checks, reports, templates, schedule,
                new JobFile.Delivery(mail, notices, reminders, supervision), web);
    }

    private Path folder(Map<String, Object> folders, Path base, String key) {
        String value = text(folders, "folders.", key, key, false);
        return base.resolve(value).normalize();
    }

    private void checkKeys(Map<String, Object> map, String prefix, Set<String> known) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                if (key.equals("password")) {
                    throw new JobFileException(this.file, prefix + key,
                            Messages.get("system.job.password"));
                }
                throw new JobFileException(this.file, prefix + key,
                        Messages.get("system.job.unknown-key", String.join(", ", new java.util.TreeSet<>(known))));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String key, boolean required) {
        if (value == null) {
            if (required) {
                throw new JobFileException(this.file, key, Messages.get("system.job.missing"));
            }
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new JobFileException(this.file, key, Messages.get("system.job.not-a-section", String.valueOf(value)));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    private String text(Map<String, Object> map, String prefix, String key, String fallback, boolean required) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            if (required) {
                throw new JobFileException(this.file, prefix + key, Messages.get("system.job.missing"));
            }
            return fallback;
        }
        return scalar(value, prefix + key).trim();
    }

    private String scalar(Object value, String key) {
        if (value instanceof Map || value instanceof List) {
            throw new JobFileException(this.file, key, Messages.get("system.job.not-single"));
        }
        return String.valueOf(value);
    }

    private int integer(Map<String, Object> map, String prefix, String key, int fallback, int min, int max) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        int number;
        if (value instanceof Number n) {
            number = n.intValue();
        }
        else {
            try {
                number = Integer.parseInt(String.valueOf(value).trim());
            }
            catch (NumberFormatException ex) {
                throw new JobFileException(this.file, prefix + key, Messages.get("system.job.not-a-number", String.valueOf(value)));
            }
        }
        if (number < min || number > max) {
            throw new JobFileException(this.file, prefix + key,
                    Messages.get("system.job.out-of-range", String.valueOf(min), String.valueOf(max), String.valueOf(number)));
        }
        return number;
    }

    private boolean bool(Map<String, Object> map, String prefix, String key) {
        return bool(map, prefix, key, false);
    }

    private boolean bool(Map<String, Object> map, String prefix, String key, boolean fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new JobFileException(this.file, prefix + key, Messages.get("system.job.not-boolean", String.valueOf(value)));
    }

    private LocalDate date(Map<String, Object> map, String prefix, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new JobFileException(this.file, prefix + key, Messages.get("system.job.missing-date"));
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value).trim());
        }
        catch (DateTimeParseException ex) {
            throw new JobFileException(this.file, prefix + key, Messages.get("system.job.not-a-date", String.valueOf(value)));
        }
    }

    private List<String> list(Map<String, Object> map, String prefix, String key, List<String> fallback) {
        Object value = map.get(key);
        return (value != null) ? stringList(value, prefix + key) : fallback;
    }

    private List<String> stringList(Object value, String key) {
        if (value instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            for (Object item : list) {
                if (item == null || item instanceof Map || item instanceof List) {
                    throw new JobFileException(this.file, key, Messages.get("system.job.not-a-list"));
                }
                result.add(String.valueOf(item).trim());
            }
            return List.copyOf(result);
        }
        return List.of(scalar(value, key).trim());
    }


}
