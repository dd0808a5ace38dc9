package org.rectification.ledger.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.rectification.ledger.check.CheckedSubmission;
import org.rectification.ledger.check.Finding;
import org.rectification.ledger.check.ReturnNoticeWriter;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.intake.SubmissionLocator;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.rectification.ledger.system.WorkerThreads;
import org.rectification.ledger.system.Messages;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes a return notice (退回意见) for every checked submission with findings, from the findings as
 * committed: next to the file in rejected/ when it was rejected, under out/退回意见/单位/ when it was
 * accepted with corrections requested. Every notice's name is recorded before the notices are written, on
 * several threads; this step's thread waits for them in order.
 */
class ReturnNoticeTasklet implements Tasklet {

    /** Notices are independent files: one writer per core, at most four. */
    private static final int WRITERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** KiB of source workbooks copied at the same time: the size a notice still copies (1 MB). */
    private static final int SOURCE_BUDGET_KIB = (int) (ReturnNoticeWriter.MAX_SOURCE_BYTES / 1024);

    private record NoticeInProgress(Submission submission, Path target, Future<Void> written) {
    }

    private final Semaphore sourceBudget = new Semaphore(SOURCE_BUDGET_KIB);

    private final JdbcSubmissionDao submissions;

    private final JdbcLedgerDao ledger;

    private final ReturnNoticeWriter writer;

    private final Path rejectedFolder;

    private final SubmissionLocator locator;

    private final Path outFolder;

    private final String month;

    private final Consumer<Map<Long, Path>> reserve;

    ReturnNoticeTasklet(JdbcSubmissionDao submissions, JdbcLedgerDao ledger, ReturnNoticeWriter writer,
            Path archiveFolder, Path rejectedFolder, Path outFolder, String month) {
        this(submissions, ledger, writer, archiveFolder, rejectedFolder, outFolder, month,
                (names) -> names.forEach(submissions::markNotice));
    }

    /** @param reserve records notices' names before they are written, committed at once (see {@link #noticePaths}) */
    ReturnNoticeTasklet(JdbcSubmissionDao submissions, JdbcLedgerDao ledger, ReturnNoticeWriter writer,
            Path archiveFolder, Path rejectedFolder, Path outFolder, String month, Consumer<Map<Long, Path>> reserve) {
        this.reserve = reserve;
        this.submissions = submissions;
        this.ledger = ledger;
        this.writer = writer;
        this.rejectedFolder = rejectedFolder;
        this.locator = new SubmissionLocator(submissions, archiveFolder, rejectedFolder);
        this.outFolder = outFolder;
        this.month = month;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        ExecutorService pool = WorkerThreads.threads("notice-writer", WRITERS);
        Deque<NoticeInProgress> inProgress = new ArrayDeque<>();
        List<Submission> needing = this.ledger.needingNotice(this.month);
        Map<Long, Path> targets = noticePaths(needing);
        try {
            for (Submission submission : needing) {
                List<Finding> findings = this.ledger.findingsOf(submission.id());
                boolean rejected = submission.outcome() == Outcome.REJECTED;
                CheckedSubmission checked = new CheckedSubmission(submission.fileName(), null,
                        submission.department(), findings, List.of(), rejected);
                Path target = targets.get(submission.id());
                // an entry set aside unread is never opened here either: only its reason goes in the notice; any
                // other is read where it is now (a rerun after a kill may find it already moved out of the inbox)
                Path source = (submission.setAside() == null) ? this.locator.locate(submission).orElse(null) : null;
                inProgress.add(new NoticeInProgress(submission, target,
                        pool.submit(() -> write(source, checked, target))));
                if (inProgress.size() >= 2 * WRITERS) {
                    record(inProgress.removeFirst(), contribution);
                }
            }
            while (!inProgress.isEmpty()) {
                record(inProgress.removeFirst(), contribution);
            }
        }
        finally {
            pool.shutdownNow();
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * Writes one notice once enough of the memory budget is free: copying holds the source's cells in memory (an
     * .xls as POI's whole object model), so two large sources are never copied at the same time.
     */
    private Void write(Path source, CheckedSubmission checked, Path target) throws IOException, InterruptedException {
        int weight = sourceWeight(source);
        this.sourceBudget.acquire(weight);
        try {
            this.writer.write(source, checked, target);
            return null;
        }
        finally {
            this.sourceBudget.release(weight);
        }
    }

    /** The source's share of the budget, in KiB: small sheets run side by side, a 1 MB one runs alone. */
    private static int sourceWeight(Path source) {
        try {
            long size = (source != null && Files.isRegularFile(source)) ? Files.size(source) : 0;
            return (int) Math.max(1, Math.min(SOURCE_BUDGET_KIB, size / 1024));
        }
        catch (IOException ex) {
            return 1;
        }
    }

    /** Waits for a notice, in submission order, and counts it (its name was recorded before it was written). */
    private void record(NoticeInProgress notice, StepContribution contribution) throws IOException {
        WorkerThreads.await(notice.written(), notice.target().toString());
        contribution.incrementWriteCount(1);
    }

    /**
     * Every notice's name, the new ones recorded before any is written (one commit for all of them, not in the
     * step's transaction): a run killed after writing a notice leaves its name recorded, and the rerun rewrites that
     * notice instead of leaving it behind beside a numbered copy.
     */
    private Map<Long, Path> noticePaths(List<Submission> needing) {
        Set<Path> reserved = new HashSet<>();
        Map<Long, Path> targets = new LinkedHashMap<>();
        Map<Long, Path> changed = new LinkedHashMap<>();
        for (Submission submission : needing) {
            Path target = noticePath(submission, submission.outcome() == Outcome.REJECTED, reserved);
            targets.put(submission.id(), target);
            if (!target.toString().equals(submission.noticePath())) {
                changed.put(submission.id(), target);
            }
        }
        if (!changed.isEmpty()) {
            this.reserve.accept(changed);
        }
        return targets;
    }

    /**
     * Where a submission's notice goes: the notice this submission already has (a rerun rewrites its own), or the
     * first free name in its folder, numbered when an earlier notice has the name (the same file name returned in
     * an earlier month, or twice this month). Never another file.
     */
    private Path noticePath(Submission submission, boolean rejected, Set<Path> reserved) {
        Path folder = rejected ? this.rejectedFolder : noticeFolder(submission);
        if (submission.noticePath() != null) {
            Path own = Path.of(submission.noticePath());
            if (own.getParent() != null && own.getParent().equals(folder.toAbsolutePath()) && reserved.add(own)) {
                return own;
            }
        }
        for (int n = 1;; n++) {
            Path candidate = folder.toAbsolutePath().resolve(ReturnNoticeWriter.noticeFileName(submission.fileName(), n));
            if (Files.notExists(candidate, LinkOption.NOFOLLOW_LINKS) && reserved.add(candidate)) {
                return candidate;
            }
        }
    }

    private Path noticeFolder(Submission submission) {
        String department = (submission.department() != null) ? submission.department()
                : Messages.get("job.unknown-department");
        return this.outFolder.resolve(Messages.get("job.notice-folder")).resolve(this.month).resolve(department);
    }

}
