package org.rectification.ledger.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.job.ConsolidationJobConfiguration;
import org.rectification.ledger.job.ConsolidationService;
import org.rectification.ledger.job.RunCommandLock;
import org.rectification.ledger.job.RunLock;
import org.rectification.ledger.report.MonthBoard;
import org.rectification.ledger.report.ReportRequest;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;

/**
 * The office's board (supervisors read it too): the month's figures as 总体情况 and 未报送单位 give them, the
 * findings, the last runs from Spring Batch's job repository, "run now" under the run lock, and the downloads
 * of both workbooks and (for the office) every notice.
 */
@Controller
@ConditionalOnWebApplication
class OfficeController {

    private static final Logger logger = LoggerFactory.getLogger(OfficeController.class);

    private static final int RUNS_SHOWN = 8;

    private final JobFile job;

    private final Roster roster;

    private final JdbcTemplate jdbc;

    private final JdbcSubmissionDao submissions;

    private final JobRepository jobRepository;

    private final RunLock lock;

    private final ObjectProvider<ConsolidationService> service;

    private final ConsoleAudit audit;

    private final Clock clock;

    /** How often the warmer looks whether a run changed the ledger since the board was computed. */
    private static final Duration WARM_EVERY = Duration.ofSeconds(30);

    private final ScheduledExecutorService warmer = Executors.newSingleThreadScheduledExecutor((task) -> {
        Thread thread = new Thread(task, "board-warmer");
        thread.setDaemon(true);
        return thread;
    });

    OfficeController(JobFile job, Roster roster, JdbcTemplate jdbc, JdbcSubmissionDao submissions,
            JobRepository jobRepository, RunLock lock, ObjectProvider<ConsolidationService> service, ConsoleAudit audit,
            Clock clock) {
        this.job = job;
        this.roster = roster;
        this.jdbc = jdbc;
        this.submissions = submissions;
        this.jobRepository = jobRepository;
        this.lock = lock;
        this.service = service;
        this.audit = audit;
        this.clock = clock;
        // the board of a large ledger takes seconds to compute: it is computed ahead, after every run that changed
        // the ledger (and at midnight, when the as-of day moves), so nobody waits for it in the morning
        this.warmer.scheduleWithFixedDelay(this::warmBoard, 5, WARM_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private void warmBoard() {
        try {
            board(YearMonth.now(this.clock), runs());
        }
        catch (RuntimeException ex) {
            // a database restarting or closing with the console: the next request computes the board itself
            logger.debug("Board not computed ahead", ex);
        }
    }

    @PreDestroy
    void stopWarming() {
        this.warmer.shutdownNow();
    }

    /** A run as the board lists it. */
    public record Run(long id, YearMonth month, String status, String exitCode, String started, String ended) {
    }

    /** A received file of the month with its outcome and notice. */
    public record Received(JdbcSubmissionDao.Received received, String outcome, boolean hasNotice) {

        /** Why it was returned, in words. */
        public String reasons() {
            return ReturnReasons.readable(this.received.reasons());
        }

    }

    /** The last board computed, with what it was computed from. */
    private record CachedBoard(String key, MonthBoard.Office board) {
    }

    private volatile CachedBoard cached;

    @GetMapping("/office")
    String board(@AuthenticationPrincipal ConsoleUser user, @RequestParam(required = false) YearMonth month,
            Model model) {
        YearMonth shown = (month != null) ? month : YearMonth.now(this.clock);
        List<Run> runs = runs();
        MonthBoard.Office board = board(shown, runs);
        boolean office = user.role() == Role.OFFICE;
        model.addAttribute("user", user);
        model.addAttribute("office", office);
        model.addAttribute("month", shown.toString());
        model.addAttribute("previousMonth", shown.minusMonths(1).toString());
        model.addAttribute("nextMonth", shown.plusMonths(1).toString());
        model.addAttribute("board", board);
        model.addAttribute("runs", runs);
        model.addAttribute("lockHolder", this.lock.holder(RunCommandLock.NAME).map(RunLock.Holder::lockedBy)
            .orElse(null));
        model.addAttribute("ledgerAvailable", Downloads.available(ledgerWorkbook()));
        model.addAttribute("progressAvailable", Downloads.available(progressWorkbook(shown)));
        if (office) {
            model.addAttribute("received", this.submissions.receivedIn(shown).stream()
                .map(r -> new Received(r, Messages.get("report.outcome." + r.outcome()), Downloads.available(r.notice())))
                .toList());
        }
        return "office";
    }

    @PostMapping("/office/run")
    String runNow(@AuthenticationPrincipal ConsoleUser user, HttpServletRequest request, RedirectAttributes redirect) {
        ConsolidationService consolidation = this.service.getIfAvailable();
        if (consolidation == null) {
            redirect.addFlashAttribute("problem", "web.run.unavailable");
        }
        else if (consolidation.busy() || this.lock.holder(RunCommandLock.NAME).isPresent()) {
            redirect.addFlashAttribute("problem", "web.run.busy");
        }
        else {
            consolidation.trigger("run now by " + user.getUsername());
            this.audit.record(request, user, AuditAction.RUN_NOW, null, null);
            redirect.addFlashAttribute("notice", "web.run.started");
        }
        return "redirect:/office";
    }

    @GetMapping("/office/workbooks/ledger")
    ResponseEntity<Resource> ledger(@AuthenticationPrincipal ConsoleUser user, HttpServletRequest request) {
        return download(user, request, ledgerWorkbook());
    }

    @GetMapping("/office/workbooks/progress")
    ResponseEntity<Resource> progress(@AuthenticationPrincipal ConsoleUser user,
            @RequestParam(required = false) YearMonth month, HttpServletRequest request) {
        return download(user, request, progressWorkbook((month != null) ? month : YearMonth.now(this.clock)));
    }

    @GetMapping("/office/notices/{id}")
    ResponseEntity<Resource> notice(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id,
            HttpServletRequest request) {
        JdbcSubmissionDao.Received received = this.submissions.received(id).orElseThrow(NotFound::new);
        return download(user, request, received.notice());
    }

    private ResponseEntity<Resource> download(ConsoleUser user, HttpServletRequest request, Path file) {
        if (!Downloads.available(file)) {
            throw new NotFound();
        }
        this.audit.record(request, user, AuditAction.DOWNLOAD, null, file.getFileName().toString());
        return Downloads.workbook(file, file.getFileName().toString());
    }

    private Path ledgerWorkbook() {
        return this.job.folders().out().resolve(Messages.get("report.ledger.file"));
    }

    private Path progressWorkbook(YearMonth month) {
        return this.job.folders().out().resolve(Messages.get("report.progress.file", month.toString()));
    }

    /**
     * The board of a month, computed again only when the ledger may have changed: tasks and submissions change
     * only inside a run, so the newest run's id, status and end (with the month and the as-of day) say whether the
     * last board still holds. On a large ledger the board takes seconds; the office and supervisors reload it often.
     */
    private MonthBoard.Office board(YearMonth month, List<Run> runs) {
        ReportRequest request = request(month);
        Run newest = runs.isEmpty() ? null : runs.get(0);
        String key = month + "|" + request.asOf() + "|"
                + ((newest != null) ? newest.id() + "|" + newest.status() + "|" + newest.ended() : "-");
        CachedBoard last = this.cached;
        if (last != null && last.key().equals(key)) {
            return last.board();
        }
        MonthBoard.Office board = new MonthBoard(this.jdbc).office(request);
        this.cached = new CachedBoard(key, board);
        return board;
    }

    private ReportRequest request(YearMonth month) {
        LocalDate today = LocalDate.now(this.clock);
        // a past month is measured at its end, as its own run measured it; this month as of today
        LocalDate asOf = month.equals(YearMonth.from(today)) ? today : month.atEndOfMonth();
        return new ReportRequest(this.job.campaign().name(), this.roster, month, asOf, this.job.folders().out(),
                this.job.reports().dueDay(), this.job.reports().greenDays(), this.job.reports().yellowDays());
    }

    /** The newest runs, from Spring Batch's own records. */
    private List<Run> runs() {
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance : this.jobRepository.getJobInstances(ConsolidationJobConfiguration.JOB_NAME, 0,
                RUNS_SHOWN)) {
            executions.addAll(this.jobRepository.getJobExecutions(instance));
        }
        return executions.stream()
            .sorted(Comparator.comparingLong(JobExecution::getId).reversed())
            .limit(RUNS_SHOWN)
            .map(e -> new Run(e.getId(), month(e), e.getStatus().name(),
                    e.getExitStatus().getExitCode(), time(e.getStartTime()), time(e.getEndTime())))
            .toList();
    }

    /** The run's month, parsed from its job parameter (text, as every job parameter is). */
    private static YearMonth month(JobExecution execution) {
        String month = execution.getJobParameters().getString("month");
        return (month != null) ? YearMonth.parse(month) : null;
    }

    private static String time(LocalDateTime time) {
        return (time != null) ? time.withNano(0).toString().replace('T', ' ') : "-";
    }

}
