package org.rectification.ledger.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.JdbcSubmissionDao.NoticeFile;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.rectification.ledger.ledger.JdbcLedgerDao.OverdueTask;
import org.rectification.ledger.sheet.TextForms;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;
import org.rectification.ledger.template.MonthlyTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail to the departments and leaders, each exactly once: a department's return notice to its roster address(es),
 * 催报 before and after the due day, and 督办 to each leader with overdue tasks once a month. What is due is worked
 * out from the ledger and the roster on every call ({@link #due}, which the dry run prints); each mail is recorded
 * in {@code department_mail} before it goes to the server and again after, so a rerun never sends it twice, a
 * failed one is sent by the next run, and one without an address is on record for {@code status} instead of
 * skipped. A crash in the moment between the server taking a mail and the record of it resends it on the next
 * run, with the same Message-ID. The month's first reminder can carry the department's pre-filled sheet.
 */
public final class DepartmentMail {

    static {
        // notices have Chinese file names: the same MIME encoding as the workbooks, set before Jakarta Mail loads
        WorkbookDelivery.applyMimeSettings();
    }

    private static final Logger log = LoggerFactory.getLogger(DepartmentMail.class);

    /** Exception texts behind the Chinese lines: the log file only. */
    private static final Logger technical = LoggerFactory.getLogger("org.rectification.ledger.technical");

    /** After this many failures in a row the server is taken to be down: the rest wait for the next run. */
    private static final int FAILURES_BEFORE_GIVING_UP = 3;

    /** A mail recorded and not (yet) sent, as {@code status} lists it. */
    public record Unsent(YearMonth month, MailKind kind, String addressee, String recipients, String subject,
            String status, int attempts, String lastError) {

        public String statusLabel() {
            return Messages.get("delivery.status." + this.status);
        }

    }

    private final JdbcDepartmentMailDao mails;

    private final JdbcSubmissionDao submissions;

    private final JdbcLedgerDao ledger;

    private final JobFile job;

    private final Roster roster;

    private final SmtpMailer mailer;

    private final DepartmentLetters letters;

    private final MonthlyTemplates templates;

    public DepartmentMail(JdbcTemplate jdbc, JobFile job, Roster roster, Function<String, String> environment) {
        JobFile.Mail mail = Objects.requireNonNull(job.delivery().mail(), "delivery.mail");
        this.mails = new JdbcDepartmentMailDao(jdbc);
        this.submissions = new JdbcSubmissionDao(jdbc);
        this.ledger = new JdbcLedgerDao(jdbc);
        this.job = job;
        this.roster = roster;
        this.mailer = new SmtpMailer(mail, environment);
        this.letters = new DepartmentLetters(job.campaign().name());
        this.templates = new MonthlyTemplates(job, roster, this.ledger);
    }

    /**
     * Every mail due now for the month, judged on the as-of date: new ones and those not yet sent, and the return
     * notices of other months recorded and not yet sent (a notice that failed on a month's last run). Reads only.
     */
    public List<OutgoingMail> due(YearMonth month, LocalDate asOf) {
        Map<String, JdbcDepartmentMailDao.Row> recorded = this.mails.ofMonth(month);
        List<OutgoingMail> due = new ArrayList<>();
        JobFile.Delivery settings = this.job.delivery();
        List<NoticeFile> notices = this.submissions.noticeFiles(month);
        if (settings.notices().enabled()) {
            for (NoticeFile notice : notices) {
                notice(month, asOf, notice, recorded).ifPresent(due::add);
            }
            for (YearMonth other : this.mails.monthsWithUnsent(MailKind.NOTICE)) {
                if (other.equals(month)) {
                    continue;
                }
                Map<String, JdbcDepartmentMailDao.Row> otherRecorded = this.mails.ofMonth(other);
                for (NoticeFile notice : this.submissions.noticeFiles(other)) {
                    JdbcDepartmentMailDao.Row row = otherRecorded
                        .get(JdbcDepartmentMailDao.id(MailKind.NOTICE, noticeKey(notice)));
                    if (row != null && !JdbcDepartmentMailDao.SUPERSEDED.equals(row.status())) {
                        notice(other, asOf, notice, otherRecorded).ifPresent(due::add);
                    }
                }
            }
        }
        if (settings.reminders().enabled()) {
            due.addAll(reminders(month, asOf, notices, recorded));
        }
        if (settings.supervision().enabled()) {
            due.addAll(supervision(month, asOf, recorded));
        }
        return due;
    }

    /**
     * Sends every mail due now and records each; mails recorded earlier that are no longer due (the department
     * has submitted since, the notice was replaced) are marked superseded. Never throws for a mail failure.
     */
    public DepartmentMailReport send(YearMonth month, LocalDate asOf) {
        List<OutgoingMail> due = due(month, asOf);
        Set<String> dueIds = new HashSet<>();
        due.forEach((mail) -> dueIds.add(mail.month() + "|" + JdbcDepartmentMailDao.id(mail.kind(), mail.key())));
        for (JdbcDepartmentMailDao.Row row : this.mails.unsent()) {
            // this month's mails and earlier months' notices are judged above; earlier reminders and 督办 are stale
            boolean judged = row.month().equals(month) || row.kind() == MailKind.NOTICE
                    || row.month().isBefore(month);
            if (judged && !dueIds.contains(row.month() + "|" + JdbcDepartmentMailDao.id(row.kind(), row.key()))) {
                this.mails.supersede(row.id());
                log.info(Messages.get("delivery.department.log.superseded", row.addressee(), kind(row.kind()), row.month()));
            }
        }
        List<OutgoingMail> sent = new ArrayList<>();
        List<OutgoingMail> failed = new ArrayList<>();
        List<OutgoingMail> noAddress = new ArrayList<>();
        int failuresInARow = 0;
        String firstFailure = null;
        for (OutgoingMail mail : due) {
            JdbcDepartmentMailDao.Row row = this.mails.register(mail, messageId(mail));
            if (row.sent()) {
                continue;
            }
            if (mail.to().isEmpty()) {
                this.mails.markNoAddress(row.id(), mail.noAddress());
                noAddress.add(mail);
                log.warn(Messages.get("delivery.department.log.no-address", mail.addressee(), kind(mail.kind()),
                        month.toString(), mail.noAddress()));
                continue;
            }
            if (failuresInARow >= FAILURES_BEFORE_GIVING_UP) {
                this.mails.markFailed(row.id(), Messages.get("delivery.error.not-tried", firstFailure));
                failed.add(mail);
                continue;
            }
            Optional<String> problem = writeTemplate(mail).or(() -> attempt(mail, row));
            if (problem.isEmpty()) {
                this.mails.markSent(row.id());
                sent.add(mail);
                failuresInARow = 0;
                log.info(Messages.get("delivery.department.log.sent", mail.addressee(), kind(mail.kind()),
                        month.toString(), String.join(", ", mail.to())));
            }
            else {
                this.mails.markFailed(row.id(), problem.get());
                failed.add(mail);
                failuresInARow++;
                firstFailure = (firstFailure != null) ? firstFailure : problem.get();
                log.warn(Messages.get("delivery.department.log.failed", mail.addressee(), kind(mail.kind()),
                        month.toString(), problem.get()));
            }
        }
        return new DepartmentMailReport(sent, failed, noAddress);
    }

    private static String kind(MailKind kind) {
        return Messages.get("delivery.kind." + kind.name());
    }

    /** Recorded mails of every month not sent yet (failed, interrupted, without address), oldest first. */
    public static List<Unsent> unsent(JdbcTemplate jdbc) {
        return new JdbcDepartmentMailDao(jdbc).unsent()
            .stream()
            .map((row) -> new Unsent(row.month(), row.kind(), row.addressee(), row.recipients(), row.subject(),
                    row.status(), row.attempts(), row.lastError()))
            .toList();
    }

    /** Departments expected to submit that have no mail address on the roster, in roster order. */
    public static List<String> withoutAddress(Roster roster) {
        return roster.expected().stream().filter((d) -> d.mails().isEmpty()).map(Roster.Department::name).toList();
    }

    /**
     * Writes the department's pre-filled sheet a reminder carries (afresh, so it has the ledger as it is now);
     * returns what went wrong, or empty.
     */
    private Optional<String> writeTemplate(OutgoingMail mail) {
        if (mail.attachment() == null || (mail.kind() != MailKind.REMINDER && mail.kind() != MailKind.OVERDUE)) {
            return Optional.empty();
        }
        try {
            this.templates.write(mail.key(), mail.month(), this.templates.defaultFormat(),
                    mail.attachment());
            return Optional.empty();
        }
        catch (IOException | RuntimeException ex) {
            technical.warn("Cannot write the sheet for {} to {}", mail.addressee(), mail.attachment(), ex);
            return Optional.of(Messages.get("delivery.error.template", mail.attachment().toString()));
        }
    }

    /** Sends one mail, recorded as being sent first; returns what went wrong, or empty when the server took it. */
    private Optional<String> attempt(OutgoingMail mail, JdbcDepartmentMailDao.Row row) {
        this.mails.markSending(row.id(), String.join(", ", mail.to()));
        Optional<String> problem = this.mailer.setupProblem();
        if (problem.isPresent()) {
            return problem;
        }
        List<SmtpMailer.Attachment> attachments = new ArrayList<>();
        if (mail.attachment() != null) {
            try {
                attachments.add(new SmtpMailer.Attachment(mail.attachment().getFileName().toString(),
                        Files.readAllBytes(mail.attachment())));
            }
            catch (IOException ex) {
                log.debug("Notice unreadable", ex);
                return Optional.of(Messages.get("delivery.error.notice-missing", mail.attachment().toString()));
            }
        }
        try {
            this.mailer.send(mail.to(), List.of(), mail.subject(), mail.body(), attachments, row.messageId());
            return Optional.empty();
        }
        catch (Exception ex) {
            technical.warn("Mail to {} failed: {}", mail.to(), WorkbookDelivery.describe(ex));
            log.debug("Mail failure detail", ex);
            return Optional.of(Messages.get("delivery.error.send", this.job.delivery().mail().host(),
                    String.valueOf(this.job.delivery().mail().port()), reason(ex)));
        }
    }

    /** What went wrong in words a clerk can act on; the library's own message goes to the log only. */
    static String reason(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
            if (cause instanceof jakarta.mail.AuthenticationFailedException) {
                return Messages.get("delivery.error.reason.login");
            }
            if (cause instanceof jakarta.mail.SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return Messages.get("delivery.error.reason.refused", java.util.Arrays
                    .stream(failed.getInvalidAddresses()).map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
            }
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.SocketTimeoutException) {
                return Messages.get("delivery.error.reason.connect");
            }
        }
        return Messages.get("delivery.error.reason.other");
    }

    // --- what is due ---

    private Optional<OutgoingMail> notice(YearMonth month, LocalDate asOf, NoticeFile notice,
            Map<String, JdbcDepartmentMailDao.Row> recorded) {
        String key = noticeKey(notice);
        JdbcDepartmentMailDao.Row row = recorded.get(JdbcDepartmentMailDao.id(MailKind.NOTICE, key));
        if (row != null && row.sent()) {
            return Optional.empty();
        }
        Integer days = this.job.delivery().notices().resubmitDays();
        LocalDate resubmitBy = (row != null) ? row.dueDate() : (days != null) ? asOf.plusDays(days) : null;
        List<String> to = List.of();
        String noAddress;
        String addressee;
        if (notice.department() == null) {
            addressee = Messages.get("job.unknown-department");
            noAddress = Messages.get("delivery.no-address.unknown-department");
        }
        else {
            addressee = notice.department();
            to = mailsOf(notice.department());
            noAddress = to.isEmpty() ? Messages.get("delivery.no-address", notice.department()) : null;
        }
        String body = this.letters.noticeBody(notice, addressee, this.ledger.findingsOf(notice.submissionId()),
                resubmitBy);
        return Optional.of(new OutgoingMail(month, MailKind.NOTICE, key, addressee, to, noAddress,
                this.letters.noticeSubject(notice), body, notice.notice(), resubmitBy, previous(row)));
    }

    private static String noticeKey(NoticeFile notice) {
        return "submission:" + notice.submissionId();
    }

    private List<OutgoingMail> reminders(YearMonth month, LocalDate asOf, List<NoticeFile> notices,
            Map<String, JdbcDepartmentMailDao.Row> recorded) {
        JobFile.Reminders settings = this.job.delivery().reminders();
        LocalDate due = month.atDay(this.job.reports().dueDay());
        MailKind kind;
        if (asOf.isAfter(due)) {
            if (!settings.overdue()) {
                return List.of();
            }
            kind = MailKind.OVERDUE;
        }
        else if (!asOf.isBefore(due.minusDays(settings.daysBeforeDue()))) {
            kind = MailKind.REMINDER;
        }
        else {
            return List.of();
        }
        Set<String> accepted = this.submissions.acceptedDepartments(month);
        Set<String> returned = new HashSet<>();
        notices.stream().filter((n) -> n.outcome() == Outcome.REJECTED && n.department() != null)
            .forEach((n) -> returned.add(n.department()));
        List<OutgoingMail> mails = new ArrayList<>();
        for (Roster.Department department : this.roster.expected()) {
            String name = department.name();
            JdbcDepartmentMailDao.Row row = recorded.get(JdbcDepartmentMailDao.id(kind, name));
            if (accepted.contains(name) || (row != null && row.sent())) {
                continue;
            }
            boolean wasReturned = returned.contains(name);
            // the month's first reminder carries the sheet to fill: the reminder, or the overdue one when it is first
            boolean first = kind == MailKind.REMINDER
                    || !recorded.containsKey(JdbcDepartmentMailDao.id(MailKind.REMINDER, name))
                    || !recorded.get(JdbcDepartmentMailDao.id(MailKind.REMINDER, name)).sent();
            Path template = (settings.attachTemplate() && first) ? this.templates.defaultFolder(month)
                .resolve(MonthlyTemplates.fileName(name, month, this.templates.defaultFormat())) : null;
            String subject = (kind == MailKind.REMINDER) ? this.letters.reminderSubject(month, due)
                    : this.letters.overdueSubject(month);
            String body = (kind == MailKind.REMINDER)
                    ? this.letters.reminderBody(name, month, due, asOf, wasReturned, template)
                    : this.letters.overdueBody(name, month, due, asOf, wasReturned, template);
            List<String> to = department.mails();
            mails.add(new OutgoingMail(month, kind, name, name, to,
                    to.isEmpty() ? Messages.get("delivery.no-address", name) : null, subject,
                    body, template, null,
                    previous(row)));
        }
        return mails;
    }

    private List<OutgoingMail> supervision(YearMonth month, LocalDate asOf,
            Map<String, JdbcDepartmentMailDao.Row> recorded) {
        Integer day = this.job.delivery().supervision().day();
        int firstDay = (day != null) ? day : Math.min(this.job.reports().dueDay() + 1, 28);
        if (asOf.isBefore(month.atDay(firstDay))) {
            return List.of();
        }
        Map<String, List<OverdueTask>> byLeader = new LinkedHashMap<>();
        for (OverdueTask task : this.ledger.overdueTasks(asOf)) {
            String leader = (task.leader() != null && !task.leader().isBlank()) ? task.leader()
                    : Messages.get("delivery.supervision.no-leader");
            byLeader.computeIfAbsent(leader, (l) -> new ArrayList<>()).add(task);
        }
        List<OutgoingMail> due = new ArrayList<>();
        byLeader.forEach((leader, tasks) -> {
            JdbcDepartmentMailDao.Row row = recorded.get(JdbcDepartmentMailDao.id(MailKind.SUPERVISION, leader));
            if (row != null && row.sent()) {
                return;
            }
            List<String> own = leaderMails(leader);
            boolean toOffice = own.isEmpty();
            List<String> to = toOffice ? this.job.delivery().mail().to() : own;
            due.add(new OutgoingMail(month, MailKind.SUPERVISION, leader, leader, to, null,
                    this.letters.supervisionSubject(leader, month, tasks.size()),
                    this.letters.supervisionBody(leader, tasks, asOf, toOffice), null, null, previous(row)));
        });
        return due;
    }

    /** The roster's addresses for an official department name; none when it has none or is not on the roster. */
    private List<String> mailsOf(String department) {
        return this.roster.department(department).map(Roster.Department::mails).orElse(List.of());
    }

    /**
     * A leader's own addresses, when the roster knows them: a roster row named after the leader (是否报送 否), or a
     * row whose 联系人 is the leader.
     */
    private List<String> leaderMails(String leader) {
        Optional<String> named = this.roster.find(leader);
        if (named.isPresent()) {
            List<String> mails = mailsOf(named.get());
            if (!mails.isEmpty()) {
                return mails;
            }
        }
        String key = TextForms.key(leader);
        return this.roster.departments()
            .stream()
            .filter((d) -> d.contact() != null && TextForms.key(d.contact()).equals(key) && !d.mails().isEmpty())
            .findFirst()
            .map(Roster.Department::mails)
            .orElse(List.of());
    }

    private static String previous(JdbcDepartmentMailDao.Row row) {
        return (row != null) ? row.status() : null;
    }

    /** The same Message-ID on every attempt of one mail: <ledger.month.kind.hash@sender's domain>. */
    private String messageId(OutgoingMail mail) {
        String from = this.mailer.from();
        String domain = (from != null && from.contains("@")) ? from.substring(from.lastIndexOf('@') + 1) : "ledger";
        String hash = WorkbookDelivery.sha256((this.job.campaign().name() + "|" + mail.month() + "|"
                + mail.kind() + "|" + mail.key()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 20);
        return "<ledger." + mail.month() + "." + mail.kind().name().toLowerCase(java.util.Locale.ROOT) + "." + hash
                + "@" + domain.replaceAll("[^A-Za-z0-9.-]", "") + ">";
    }

}
