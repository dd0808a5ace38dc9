package org.rectification.ledger.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.rectification.ledger.check.ReturnNoticeWriter;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.report.MonthBoard;
import org.rectification.ledger.report.ReportRequest;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;

/**
 * A department clerk's page: this month's state and due day, checking and submitting a sheet, past submissions
 * with their notices, and the department's tasks with 三色预警. Everything is looked up by the logged-in
 * account's department; no URL names a department, and an id of another department's data answers 404.
 */
@Controller
@ConditionalOnWebApplication
class DepartmentController {

    private static final int SUBMISSIONS_SHOWN = 24;

    private final JobFile job;

    private final Roster roster;

    private final JdbcTemplate jdbc;

    private final JdbcSubmissionDao submissions;

    private final JdbcAuditDao auditTrail;

    private final StagedUploads uploads;

    private final ConsoleAudit audit;

    private final Clock clock;

    DepartmentController(JobFile job, Roster roster, JdbcTemplate jdbc, JdbcSubmissionDao submissions,
            JdbcAuditDao auditTrail, StagedUploads uploads, ConsoleAudit audit, Clock clock) {
        this.job = job;
        this.roster = roster;
        this.jdbc = jdbc;
        this.submissions = submissions;
        this.auditTrail = auditTrail;
        this.uploads = uploads;
        this.audit = audit;
        this.clock = clock;
    }

    /** A past submission as the clerk sees it: who submitted it through the console, if anybody. */
    public record PastSubmission(JdbcSubmissionDao.Received received, String outcome, String submittedBy,
            boolean hasNotice) {

        /** Why it was returned, in words. */
        public String reasons() {
            return ReturnReasons.readable(this.received.reasons());
        }

    }

    @GetMapping("/department")
    String page(@AuthenticationPrincipal ConsoleUser user, Model model) {
        return render(user, null, model);
    }

    @GetMapping("/department/uploads/{id}")
    String upload(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, Model model) {
        StagedUploads.Upload upload = this.uploads.find(user, id).orElseThrow(NotFound::new);
        return render(user, upload, model);
    }

    @PostMapping("/department/upload")
    String upload(@AuthenticationPrincipal ConsoleUser user, @RequestParam("file") MultipartFile file,
            HttpServletRequest request, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("problem", "web.upload.empty");
            return "redirect:/department";
        }
        StagedUploads.Upload upload;
        try (InputStream content = file.getInputStream()) {
            upload = this.uploads.upload(user, file.getOriginalFilename(), content);
        }
        this.audit.record(request, user, AuditAction.UPLOAD, upload.sha256(),
                upload.fileName() + ": " + upload.findings().size() + " finding(s)");
        return "redirect:/department/uploads/" + upload.id();
    }

    @GetMapping("/department/uploads/{id}/notice")
    ResponseEntity<Resource> uploadNotice(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id,
            HttpServletRequest request) {
        StagedUploads.Upload upload = this.uploads.find(user, id).orElseThrow(NotFound::new);
        if (!Downloads.available(upload.notice())) {
            throw new NotFound();
        }
        this.audit.record(request, user, AuditAction.DOWNLOAD, upload.sha256(), "notice of upload " + upload.fileName());
        return Downloads.workbook(upload.notice(), ReturnNoticeWriter.noticeFileName(upload.fileName()));
    }

    @PostMapping("/department/uploads/{id}/submit")
    String submit(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, HttpServletRequest request,
            RedirectAttributes redirect) throws IOException {
        StagedUploads.Upload upload = this.uploads.find(user, id).orElseThrow(NotFound::new);
        StagedUploads.Submitted submitted = this.uploads.submit(upload);
        switch (submitted.result()) {
            case SUBMITTED -> {
                this.audit.record(request, user, AuditAction.SUBMIT, upload.sha256(),
                        upload.fileName() + " -> inbox/" + submitted.inboxName());
                redirect.addFlashAttribute("notice", "web.submit.done");
                return "redirect:/department";
            }
            case ALREADY_RECEIVED -> {
                redirect.addFlashAttribute("notice", "web.submit.already");
                return "redirect:/department";
            }
            case OTHER_DEPARTMENT -> redirect.addFlashAttribute("problem", "web.submit.other-department");
            default -> redirect.addFlashAttribute("problem", "web.submit.has-errors");
        }
        return "redirect:/department/uploads/" + upload.id();
    }

    @GetMapping("/department/submissions/{id}/notice")
    ResponseEntity<Resource> submissionNotice(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id,
            HttpServletRequest request) {
        JdbcSubmissionDao.Received received = this.submissions.received(id)
            .filter(r -> user.department().equals(r.department()))
            .orElseThrow(NotFound::new);
        if (!Downloads.available(received.notice())) {
            throw new NotFound();
        }
        this.audit.record(request, user, AuditAction.DOWNLOAD, received.sha256(), "notice of " + received.fileName());
        return Downloads.workbook(received.notice(), received.notice().getFileName().toString());
    }

    private String render(ConsoleUser user, StagedUploads.Upload upload, Model model) {
        YearMonth month = YearMonth.now(this.clock);
        LocalDate today = LocalDate.now(this.clock);
        ReportRequest request = new ReportRequest(this.job.campaign().name(), this.roster, month, today,
                this.job.folders().out(), this.job.reports().dueDay(), this.job.reports().greenDays(),
                this.job.reports().yellowDays());
        MonthBoard.Department board = new MonthBoard(this.jdbc).department(request, user.department());
        List<JdbcSubmissionDao.Received> received = this.submissions.receivedFrom(user.department(),
                SUBMISSIONS_SHOWN);
        Optional<JdbcSubmissionDao.Received> returned = received.stream()
            .filter(r -> r.month().equals(month) && r.outcome() == Outcome.REJECTED)
            .findFirst();
        model.addAttribute("user", user);
        model.addAttribute("campaign", this.job.campaign().name());
        model.addAttribute("month", month.toString());
        model.addAttribute("dueDate", month.atDay(Math.min(this.job.reports().dueDay(), month.lengthOfMonth())));
        model.addAttribute("line", board.line());
        model.addAttribute("tasks", board.tasks());
        model.addAttribute("monthFindings", board.findings());
        model.addAttribute("returned", returned.orElse(null));
        model.addAttribute("returnedReasons", returned.map(r -> ReturnReasons.readable(r.reasons())).orElse(null));
        model.addAttribute("submissions", received.stream()
            .map(r -> new PastSubmission(r, Messages.get("report.outcome." + r.outcome()),
                    this.auditTrail.submittedBy(r.sha256()).orElse(null), Downloads.available(r.notice())))
            .toList());
        model.addAttribute("waiting", this.auditTrail.waitingSubmissions(user.department(), this.submissions::known));
        model.addAttribute("upload", upload);
        model.addAttribute("yellowDays", this.job.reports().yellowDays());
        model.addAttribute("greenDays", this.job.reports().greenDays());
        model.addAttribute("maxUploadMb", this.job.web().maxUploadMb());
        return "department";
    }

}
