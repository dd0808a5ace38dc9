package org.rectification.ledger.office;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.rectification.ledger.check.NoticeTerms;

/**
 * A job file (jobs/*.yml) as the office wrote it, validated, with every path resolved against the
 * job file's folder. Parsed by {@link JobFileParser}; the key names are a public contract.
 */
public record JobFile(Path file, Campaign campaign, Path roster, Folders folders, Database database, Intake intake,
        Checks checks, Reports reports, Templates templates, Schedule schedule, Delivery delivery, Web web) {

    /**
     * @param name 巡察名称, shown on every workbook
     * @param feedbackDate 反馈日期
     * @param immediateDays 立行立改 means feedback date plus this many days
     */
    public record Campaign(String name, LocalDate feedbackDate, int immediateDays) {
    }

    public record Folders(Path inbox, Path archive, Path rejected, Path out, Path work) {
    }

    /**
     * @param url JDBC URL; null means the embedded H2 file database under the work folder
     * @param user user name, or null
     * @param passwordEnv name of the environment variable holding the password, or null
     */
    public record Database(String url, String user, String passwordEnv) {
    }

    /**
     * @param settleSeconds a file modified more recently than this is still being written and waits
     * @param maxFileMb largest file accepted
     * @param maxRows most rows in one sheet
     * @param maxColumns most columns in one sheet
     */
    public record Intake(int settleSeconds, int maxFileMb, int maxRows, int maxColumns) {
    }

    /**
     * @param requiredSigners signers each submission must carry
     * @param rules rule code to "error", "warning", "notice" or "off"
     * @param placeholders extra values meaning "nobody / nothing"
     * @param aliases extra header names, by standard header (e.g. 责任人: [包干责任人])
     */
    public record Checks(List<String> requiredSigners, Map<String, String> rules, List<String> placeholders,
            Map<String, List<String>> aliases) {
    }

    /**
     * @param dueDay day of the month by which submissions are due (每月10日前)
     * @param greenDays 三色预警: green when the deadline is within this many days
     * @param yellowDays yellow when within this many days; red when overdue
     * @param resubmitWorkingDays a returned department resubmits within this many working days of the as-of date
     */
    public record Reports(int dueDay, int greenDays, int yellowDays, int resubmitWorkingDays) {

        /** With the default resubmission time ({@link NoticeTerms#DEFAULT_WORKING_DAYS} working days). */
        public Reports(int dueDay, int greenDays, int yellowDays) {
            this(dueDay, greenDays, yellowDays, NoticeTerms.DEFAULT_WORKING_DAYS);
        }

    }

    /**
     * @param format the pre-filled sheets' file format: {@code xlsx} (default) or {@code xls} for offices on old Excel
     */
    public record Templates(String format) {
    }

    /**
     * @param cron Spring cron expression (six fields) for serve mode
     * @param debounceSeconds quiet time after the last new inbox file before serve mode runs
     */
    public record Schedule(String cron, int debounceSeconds) {
    }

    /**
     * @param mail null when nothing is mailed
     * @param notices return notices mailed to the departments (needs mail)
     * @param reminders 催报 before and after the due day (needs mail)
     * @param supervision 督办: each leader's overdue tasks once a month (needs mail)
     */
    public record Delivery(Mail mail, Notices notices, Reminders reminders, Supervision supervision) {

        /** Only the supervisors' mail; departments get nothing but their notices. */
        public Delivery(Mail mail) {
            this(mail, Notices.DEFAULT, Reminders.OFF, Supervision.OFF);
        }

    }

    /**
     * @param enabled mail each department its return notice (default true when mail is set up)
     * @param resubmitDays the notice asks for the corrected sheet within this many days of the run, or null for no
     * date
     */
    public record Notices(boolean enabled, Integer resubmitDays) {

        public static final Notices DEFAULT = new Notices(true, null);

    }

    /**
     * @param enabled 催报 at all (default false)
     * @param daysBeforeDue from this many days before reports.due-day, one reminder to each department with
     * nothing accepted for the month
     * @param overdue after the due day, one overdue notice to each department still missing
     * @param attachTemplate the month's first reminder to a department carries its pre-filled sheet (templates)
     */
    public record Reminders(boolean enabled, int daysBeforeDue, boolean overdue, boolean attachTemplate) {

        public static final Reminders OFF = new Reminders(false, 3, true, false);

    }

    /**
     * @param enabled 督办 at all (default false)
     * @param day the first day of the month on which a run sends it; null means the day after reports.due-day
     */
    public record Supervision(boolean enabled, Integer day) {

        public static final Supervision OFF = new Supervision(false, null);

    }

    /**
     * @param passwordEnv environment variable holding the SMTP password; never the password itself
     * @param subject subject template; {campaign} and {month} are filled in
     */
    public record Mail(String host, int port, boolean tls, String user, String passwordEnv, String from, List<String> to,
            List<String> cc, String subject) {
    }

    /**
     * The web console served by {@code serve}.
     *
     * @param port the HTTP(S) port
     * @param maxUploadMb largest sheet a department may upload
     * @param sessionTimeoutMinutes a session idle this long ends; the clerk logs in again
     */
    public record Web(int port, int maxUploadMb, int sessionTimeoutMinutes) {
    }

}
