package org.rectification.ledger.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mails a month's workbooks to the supervisors named in the job file, once per month and content: each attachment
 * is recorded in the {@code delivery} table by file name and SHA-256, what is not yet sent (new, or failed before)
 * goes out in one message, the same bytes are never sent twice for the month, and unsent older versions of a
 * workbook are superseded rather than mailed stale. A mail failure never stops the run: it is logged, recorded and
 * reported, and the next call retries it.
 */
public final class WorkbookDelivery {

    static {
        // Attachment names are Chinese: encode them per RFC 2231 as one unsplit parameter (filename*=UTF-8''...),
        // which Outlook, Foxmail and the web mailers read; split continuations (filename*0*=) come out garbled in
        // some of them. Jakarta Mail reads these once, as system properties; an operator's own setting wins.
        setIfAbsent("mail.mime.encodeparameters", "true");
        setIfAbsent("mail.mime.encodefilename", "false");
        setIfAbsent("mail.mime.splitlongparameters", "false");
    }

    private static final Logger log = LoggerFactory.getLogger(WorkbookDelivery.class);

    /** Does nothing but make sure the MIME settings above are in place (class initialisation runs them once). */
    static void applyMimeSettings() {
    }

    private final JdbcDeliveryDao deliveries;

    private final JobFile.Mail mail;

    private final String campaign;

    private final SmtpMailer mailer;

    public WorkbookDelivery(JdbcTemplate jdbc, JobFile.Mail mail, String campaign,
            Function<String, String> environment) {
        Objects.requireNonNull(mail, "mail");
        if (mail.to() == null || mail.to().isEmpty()) {
            throw new IllegalArgumentException("delivery.mail.to names nobody: nothing could be delivered");
        }
        this.deliveries = new JdbcDeliveryDao(jdbc);
        this.mail = mail;
        this.campaign = (campaign != null) ? campaign : "";
        this.mailer = new SmtpMailer(mail, environment);
    }

    /**
     * Records each attachment for the month, sends what is pending (new bytes, or earlier failures of the same
     * bytes: a retry) in one message and returns what happened to each file. Never throws for a mail failure.
     * @param month the reporting month
     * @param attachments the workbooks to hand over; their file names must differ
     * @throws UncheckedIOException when an attachment cannot be read (a missing output, not a mail problem)
     */
    public DeliveryReport deliver(YearMonth month, List<Path> attachments) {
        String recipients = this.mailer.recipients();
        List<String> sent = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> alreadySent = new ArrayList<>();
        List<JdbcDeliveryDao.Row> pendingRows = new ArrayList<>();
        List<SmtpMailer.Attachment> pending = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path path : attachments) {
            String name = path.getFileName().toString();
            if (!names.add(name)) {
                throw new IllegalArgumentException("Two attachments are both named " + name + ": " + attachments);
            }
            byte[] bytes = read(path);
            String sha256 = sha256(bytes);
            JdbcDeliveryDao.Row row = this.deliveries.register(month, name, sha256, recipients);
            int superseded = this.deliveries.supersedeOthers(month, name, sha256);
            if (superseded > 0) {
                log.info(Messages.get("delivery.log.superseded", name, month, String.valueOf(superseded)));
            }
            if (JdbcDeliveryDao.SENT.equals(row.status())) {
                alreadySent.add(name);
            }
            else {
                pendingRows.add(row);
                pending.add(new SmtpMailer.Attachment(name, bytes));
            }
        }
        if (pending.isEmpty()) {
            log.info(Messages.get("delivery.log.nothing-new", month, String.valueOf(alreadySent.size())));
            return new DeliveryReport(sent, failed, alreadySent);
        }
        List<String> pendingNames = pending.stream().map(SmtpMailer.Attachment::fileName).toList();
        Optional<String> problem = this.mailer.setupProblem();
        if (problem.isEmpty()) {
            try {
                this.mailer.send(subject(month), body(month, pendingNames), pending);
            }
            catch (Exception ex) {
                // the clerk reads a Chinese reason (console, status, workbook); the library's English, the log file
                problem = Optional.of(Messages.get("delivery.error.send", this.mail.host(),
                        String.valueOf(this.mail.port()), DepartmentMail.reason(ex)));
                LoggerFactory.getLogger("org.rectification.ledger.technical")
                    .warn("Mail of the workbooks failed: {}", describe(ex), ex);
            }
        }
        if (problem.isEmpty()) {
            this.deliveries.markSent(pendingRows, recipients);
            sent.addAll(pendingNames);
            log.info(Messages.get("delivery.log.sent", month, String.join("、", pendingNames),
                    recipients));
            return new DeliveryReport(sent, failed, alreadySent);
        }
        this.deliveries.markFailed(pendingRows, recipients, problem.get());
        failed.addAll(pendingNames);
        log.warn(Messages.get("delivery.log.failed", month, String.join("、", pendingNames), problem.get()));
        return new DeliveryReport(sent, failed, alreadySent);
    }

    String subject(YearMonth month) {
        String template = this.mail.subject();
        if (template == null || template.isBlank()) {
            return Messages.get("delivery.subject", this.campaign, monthText(month));
        }
        return template.replace("{campaign}", this.campaign).replace("{month}", monthText(month));
    }

    String body(YearMonth month, List<String> fileNames) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < fileNames.size(); i++) {
            list.append(Messages.get("delivery.body.item", String.valueOf(i + 1), fileNames.get(i))).append('\n');
        }
        return Messages.get("delivery.body", this.campaign, monthText(month), String.valueOf(fileNames.size()),
                list.toString());
    }

    static String monthText(YearMonth month) {
        return Messages.get("delivery.month", String.valueOf(month.getYear()), String.valueOf(month.getMonthValue()));
    }

    /** The exception's own message chain, without stack, for the record a clerk reads. */
    static String describe(Throwable ex) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = ex; cause != null && seen.add(cause); cause = cause.getCause()) {
            String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
            if (text.indexOf(message) < 0) {
                if (!text.isEmpty()) {
                    text.append(" <- ");
                }
                text.append(message);
            }
        }
        return text.toString().replaceAll("\\s+", " ").trim();
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read workbook to deliver: " + path, ex);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** A workbook mail to supervisors not sent yet, as {@code status} lists it. */
    public record Unsent(YearMonth month, String artifact, String status, int attempts, String lastError) {
    }

    /** The workbook mails not sent yet (pending or failed: the next run retries them), oldest first. */
    public static List<Unsent> unsent(JdbcTemplate jdbc) {
        return new JdbcDeliveryDao(jdbc).unsent()
            .stream()
            .map((row) -> new Unsent(row.month(), row.artifact(), row.status(), row.attempts(), row.lastError()))
            .toList();
    }

}
