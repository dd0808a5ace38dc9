package org.rectification.ledger.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.system.Messages;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends one message with attachments through the office's SMTP server as the job file describes it: STARTTLS
 * (required, never a silent fall-back to plain text) when tls is set, SMTPS on port 465, login when a user is set
 * with the password read from the named environment variable.
 */
final class SmtpMailer {

    static final int SMTPS_PORT = 465;

    private static final String CONNECT_TIMEOUT_MS = "30000";

    private static final String IO_TIMEOUT_MS = "120000";

    /** One file to attach: its name as the recipient sees it and its exact bytes. */
    record Attachment(String fileName, byte[] bytes) {
    }

    private final JobFile.Mail mail;

    private final Function<String, String> environment;

    SmtpMailer(JobFile.Mail mail, Function<String, String> environment) {
        this.mail = mail;
        this.environment = environment;
    }

    /** Why nothing can be sent with this configuration (a missing password), or empty when it can be tried. */
    Optional<String> setupProblem() {
        if (!hasUser()) {
            return Optional.empty();
        }
        if (isBlank(this.mail.passwordEnv())) {
            return Optional.of(Messages.get("delivery.error.password-env-missing", this.mail.user()));
        }
        if (isBlank(this.environment.apply(this.mail.passwordEnv()))) {
            return Optional.of(Messages.get("delivery.error.password-unset", this.mail.passwordEnv(),
                    this.mail.user(), this.mail.host()));
        }
        return Optional.empty();
    }

    /** "to: a, b; cc: c", as recorded with each delivery. */
    String recipients() {
        String to = "to: " + String.join(", ", this.mail.to());
        List<String> cc = (this.mail.cc() != null) ? this.mail.cc() : List.of();
        return cc.isEmpty() ? to : to + "; cc: " + String.join(", ", cc);
    }

    /**
     * Sends the message; any failure comes back as Spring's {@code MailException} (or a {@code MessagingException}
     * while composing).
     */
    void send(String subject, String body, List<Attachment> attachments) throws MessagingException {
        send(this.mail.to(), (this.mail.cc() != null) ? this.mail.cc() : List.of(), subject, body, attachments, null);
    }

    /**
     * Sends a message to other recipients than the supervisors (a department, a leader), through the same server.
     * @param messageId the Message-ID header to carry, the same on every attempt of one mail; null for a new one
     */
    void send(List<String> to, List<String> cc, String subject, String body, List<Attachment> attachments,
            String messageId) throws MessagingException {
        JavaMailSenderImpl sender = sender();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        // RFC 2231 file names (filename*=UTF-8''...), not RFC 2047 words inside the parameter
        helper.setEncodeFilenames(false);
        helper.setFrom(this.mail.from());
        helper.setTo(to.toArray(String[]::new));
        if (!cc.isEmpty()) {
            helper.setCc(cc.toArray(String[]::new));
        }
        if (messageId != null) {
            // Spring keeps an explicit Message-ID through saveChanges()
            message.setHeader("Message-ID", messageId);
        }
        helper.setSubject(subject);
        helper.setText(body, false);
        helper.setSentDate(new java.util.Date());
        for (Attachment attachment : attachments) {
            helper.addAttachment(attachment.fileName(),
                    new ByteArrayDataSource(attachment.bytes(), contentType(attachment.fileName())));
        }
        sender.send(message);
    }

    /** The sender configured by hand from the job file (no Spring Boot auto-configuration involved). */
    JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        boolean smtps = this.mail.tls() && this.mail.port() == SMTPS_PORT;
        sender.setProtocol(smtps ? "smtps" : "smtp");
        sender.setHost(this.mail.host());
        sender.setPort(this.mail.port());
        sender.setDefaultEncoding("UTF-8");
        String protocol = sender.getProtocol();
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", CONNECT_TIMEOUT_MS);
        properties.setProperty("mail." + protocol + ".timeout", IO_TIMEOUT_MS);
        properties.setProperty("mail." + protocol + ".writetimeout", IO_TIMEOUT_MS);
        if (this.mail.tls()) {
            if (smtps) {
                properties.setProperty("mail.smtps.ssl.checkserveridentity", "true");
            }
            else {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        if (hasUser()) {
            properties.setProperty("mail." + protocol + ".auth", "true");
            sender.setUsername(this.mail.user());
            sender.setPassword(this.environment.apply(this.mail.passwordEnv()));
        }
        sender.setJavaMailProperties(properties);
        return sender;
    }

    /** The sender address, whose domain makes our Message-IDs. */
    String from() {
        return this.mail.from();
    }

    private boolean hasUser() {
        return !isBlank(this.mail.user());
    }

    static String contentType(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (lower.endsWith(".xls")) {
            return "application/vnd.ms-excel";
        }
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        return "application/octet-stream";
    }


    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

}
