package org.rectification.ledger.job;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.rectification.ledger.check.ReturnNoticeWriter;
import org.rectification.ledger.intake.JdbcSubmissionDao;
import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.system.Messages;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the month's checked submissions with findings whose return notice is still to be written, in id order, each
 * with its notice's name. Every name is reserved before the first notice is written (one commit for all of them, not
 * in a chunk's transaction): a run killed after writing a notice leaves its name recorded, and the rerun rewrites
 * that notice instead of leaving it behind beside a numbered copy.
 * <p>
 * The last submission of each committed chunk is saved in the step's execution context, so a restarted step goes on
 * after the notices already written instead of writing them all again.
 */
class PendingNoticeReader implements ItemStreamReader<DueNotice> {

    /** The id of the last submission whose notice was written and committed. */
    static final String WRITTEN_UP_TO = "notices.writtenUpTo";

    private final JdbcLedgerDao ledger;

    private final Path rejectedFolder;

    private final Path outFolder;

    private final YearMonth month;

    private final Consumer<Map<Long, Path>> reserve;

    private Iterator<DueNotice> due;

    private long lastRead;

    PendingNoticeReader(JdbcLedgerDao ledger, JdbcSubmissionDao submissions, Path rejectedFolder, Path outFolder,
            YearMonth month) {
        this(ledger, rejectedFolder, outFolder, month, (names) -> names.forEach(submissions::markNotice));
    }

    /** @param reserve records notices' names before they are written, committed at once */
    PendingNoticeReader(JdbcLedgerDao ledger, Path rejectedFolder, Path outFolder, YearMonth month,
            Consumer<Map<Long, Path>> reserve) {
        this.ledger = ledger;
        this.rejectedFolder = rejectedFolder;
        this.outFolder = outFolder;
        this.month = month;
        this.reserve = reserve;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        long writtenUpTo = executionContext.containsKey(WRITTEN_UP_TO) ? executionContext.getLong(WRITTEN_UP_TO) : 0;
        this.lastRead = writtenUpTo;
        this.due = reserveNames(this.ledger.needingNotice(this.month)).stream()
            .filter((notice) -> notice.submission().id() > writtenUpTo)
            .iterator();
    }

    @Override
    public DueNotice read() {
        if (this.due == null) {
            throw new IllegalStateException("The reader reads after it is opened");
        }
        if (!this.due.hasNext()) {
            return null;
        }
        DueNotice notice = this.due.next();
        this.lastRead = notice.submission().id();
        return notice;
    }

    /** Called once a chunk is written, in its transaction: every notice read so far is written. */
    @Override
    public void update(ExecutionContext executionContext) {
        if (this.lastRead > 0) {
            executionContext.putLong(WRITTEN_UP_TO, this.lastRead);
        }
    }

    /** Every due notice with its name, the new names recorded before any notice is written. */
    private List<DueNotice> reserveNames(List<Submission> needing) {
        Set<Path> reserved = new HashSet<>();
        List<DueNotice> due = new ArrayList<>();
        Map<Long, Path> changed = new LinkedHashMap<>();
        for (Submission submission : needing) {
            Path target = noticePath(submission, submission.outcome() == Outcome.REJECTED, reserved);
            due.add(new DueNotice(submission, target));
            if (!target.toString().equals(submission.noticePath())) {
                changed.put(submission.id(), target);
            }
        }
        if (!changed.isEmpty()) {
            this.reserve.accept(changed);
        }
        return due;
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
            Path candidate = folder.toAbsolutePath()
                .resolve(ReturnNoticeWriter.noticeFileName(submission.fileName(), n));
            if (Files.notExists(candidate, LinkOption.NOFOLLOW_LINKS) && reserved.add(candidate)) {
                return candidate;
            }
        }
    }

    private Path noticeFolder(Submission submission) {
        String department = (submission.department() != null) ? submission.department()
                : Messages.get("job.unknown-department");
        return this.outFolder.resolve(Messages.get("job.notice-folder")).resolve(this.month.toString()).resolve(department);
    }

}
