package org.rectification.ledger.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import org.rectification.ledger.office.JobSettings;
import org.rectification.ledger.check.CheckedSubmission;
import org.rectification.ledger.check.Finding;
import org.rectification.ledger.check.NoticeTerms;
import org.rectification.ledger.check.ReturnNotice;
import org.rectification.ledger.check.ReturnNoticeWriter;
import org.rectification.ledger.check.SheetCheck;
import org.rectification.ledger.intake.ContentHash;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.sheet.FormatSniffer;
import org.rectification.ledger.sheet.SheetReadException;
import org.rectification.ledger.sheet.SpreadsheetFormat;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;

/**
 * Sheets a clerk uploaded to check, kept under names the server chooses in {@code work/web-uploads/}, each
 * checked at once the way {@code ledger check} does (its notice written beside it), and handed to the inbox
 * when the clerk submits one without errors. Nothing the browser sends becomes a path: the stored name is a
 * random id and the extension follows the bytes (the same sniffing as intake).
 */
@Component
@ConditionalOnWebApplication
class StagedUploads {

    private static final Logger logger = LoggerFactory.getLogger(StagedUploads.class);

    /** An upload nobody submitted is forgotten (and its files deleted) after this long. */
    static final Duration KEEP = Duration.ofDays(1);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * One uploaded sheet and what the check found.
     *
     * @param fileName the name the clerk's file had, for display and the notice's name only
     * @param checkedDepartment the department the sheet says it is from (roster name), or null
     * @param notice the marked-up notice, null when there were no findings
     */
    public record Upload(String id, String username, String department, String fileName, Path file, String sha256,
            Instant uploadedAt, String checkedDepartment, List<Finding> findings, boolean rejected, Path notice) {

        public boolean hasErrors() {
            return this.rejected || this.findings.stream().anyMatch(Finding::isError);
        }

    }

    /** What submitting led to. */
    enum SubmitResult {
        SUBMITTED, HAS_ERRORS, OTHER_DEPARTMENT, ALREADY_RECEIVED
    }

    /** @param inboxName the name the file got in the inbox, null unless submitted */
    record Submitted(SubmitResult result, String inboxName) {
    }

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

    private final JobFile job;

    private final Roster roster;

    private final JdbcSubmissionDao submissions;

    private final JdbcAuditDao audit;

    private final Clock clock;

    private final Path folder;

    StagedUploads(JobFile job, Roster roster, JdbcSubmissionDao submissions, JdbcAuditDao audit, Clock clock)
            throws IOException {
        this.job = job;
        this.roster = roster;
        this.submissions = submissions;
        this.audit = audit;
        this.clock = clock;
        this.folder = job.folders().work().resolve("web-uploads");
        Files.createDirectories(this.folder);
        // uploads of an earlier process are not in this one's memory: nobody can reach them any more
        try (Stream<Path> left = Files.list(this.folder)) {
            for (Path file : left.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Stores and checks an upload of this clerk. */
    Upload upload(ConsoleUser user, String clientFileName, InputStream content) throws IOException {
        forgetOld();
        String id = UUID.randomUUID().toString();
        Path raw = this.folder.resolve(id + ".upload");
        Files.copy(content, raw);
        Path file = raw.resolveSibling(id + extension(raw, clientFileName));
        Files.move(raw, file, StandardCopyOption.ATOMIC_MOVE);
        String fileName = displayName(clientFileName);
        YearMonth month = YearMonth.now(this.clock);
        CheckedSubmission checked = JobSettings.sheetCheck(this.job, this.roster, month).check(file, fileName);
        Path notice = null;
        if (checked.hasFindings()) {
            notice = this.folder.resolve(id + "-notice.xlsx");
            NoticeTerms terms = new NoticeTerms(this.job.campaign().name(), month, LocalDate.now(this.clock),
                    this.job.reports().resubmitWorkingDays());
            new ReturnNoticeWriter(this.clock, terms).write(file, ReturnNotice.of(checked), notice);
        }
        Upload upload = new Upload(id, user.getUsername(), user.department(), fileName, file, ContentHash.of(file),
                this.clock.instant(), checked.department(), List.copyOf(checked.findings()), checked.rejected(),
                notice);
        this.uploads.put(id, upload);
        return upload;
    }

    /** The upload with this id if this clerk made it; nobody else's, whatever id is tried. */
    Optional<Upload> find(ConsoleUser user, String id) {
        Upload upload = (id != null) ? this.uploads.get(id) : null;
        if (upload == null || !upload.username().equals(user.getUsername())
                || !upload.department().equals(user.department())) {
            return Optional.empty();
        }
        return Optional.of(upload);
    }

    /**
     * Puts a clean upload into the inbox under a name the server chooses, for the next run to take in like any
     * dropped file. The same bytes already received are not handed in again (intake would count them as a
     * duplicate anyway).
     */
    Submitted submit(Upload upload) throws IOException {
        if (upload.hasErrors()) {
            return new Submitted(SubmitResult.HAS_ERRORS, null);
        }
        if (!upload.department().equals(upload.checkedDepartment())) {
            return new Submitted(SubmitResult.OTHER_DEPARTMENT, null);
        }
        if (this.submissions.known(upload.sha256()) || this.audit.submittedBy(upload.sha256()).isPresent()) {
            return new Submitted(SubmitResult.ALREADY_RECEIVED, null);
        }
        Path inbox = this.job.folders().inbox();
        Files.createDirectories(inbox);
        String name = safe(upload.department()) + "-" + STAMP.format(this.clock.instant().atZone(ZoneId.systemDefault()))
                + "-" + upload.sha256().substring(0, 8) + extensionOf(upload.file());
        // written under a name intake ignores, then renamed: the inbox never shows a half-written file
        Path part = inbox.resolve("." + upload.id() + ".part");
        Files.copy(upload.file(), part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        logger.info(Messages.get("web.log.submitted", upload.username(), upload.fileName(), name));
        logger.debug("{} submitted {} ({}) as {}", upload.username(), upload.fileName(), upload.sha256(), name);
        forget(upload.id());
        return new Submitted(SubmitResult.SUBMITTED, name);
    }

    private void forgetOld() {
        Instant cutoff = this.clock.instant().minus(KEEP);
        this.uploads.values().stream().filter(u -> u.uploadedAt().isBefore(cutoff)).map(Upload::id).toList()
            .forEach(this::forget);
    }

    private void forget(String id) {
        Upload upload = this.uploads.remove(id);
        if (upload != null) {
            try {
                Files.deleteIfExists(upload.file());
                if (upload.notice() != null) {
                    Files.deleteIfExists(upload.notice());
                }
            }
            catch (IOException ex) {
                logger.warn("Could not delete the staged upload {}: {}", id, ex.getMessage());
            }
        }
    }

    /** The extension the bytes call for; a macro workbook keeps .xlsm. Unreadable files get one the check reports. */
    private static String extension(Path file, String clientFileName) {
        try {
            SpreadsheetFormat format = FormatSniffer.sniff(file);
            if (format == SpreadsheetFormat.BIFF8) {
                return ".xls";
            }
            return (clientFileName != null && clientFileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsm"))
                    ? ".xlsm" : ".xlsx";
        }
        catch (SheetReadException ex) {
            return ".xlsx";
        }
    }

    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.'));
    }

    /** The last part of whatever path the browser sent, for display: never used to build a path. */
    static String displayName(String clientFileName) {
        if (clientFileName == null || clientFileName.isBlank()) {
            return "upload.xlsx";
        }
        String name = clientFileName.substring(Math.max(clientFileName.lastIndexOf('/'),
                clientFileName.lastIndexOf('\\')) + 1).strip();
        name = name.replaceAll("[\\p{Cntrl}]", "");
        return name.isEmpty() ? "upload.xlsx" : (name.length() > 200 ? name.substring(name.length() - 200) : name);
    }

    /** A roster name reduced to letters and digits, for the inbox file name. */
    private static String safe(String department) {
        String safe = department.replaceAll("[^\\p{L}\\p{N}]", "");
        return safe.isEmpty() ? "department" : safe;
    }

}
