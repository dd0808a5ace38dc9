package org.rectification.ledger.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rectification.ledger.system.Messages;

/**
 * Where a roster department stands with its submission for the month: accepted (on time or late), rejected
 * (only rejected files), missing (tasks in the ledger, nothing accepted) or none (no tasks, nothing sent).
 */
enum SubmissionState {

    ON_TIME("accepted", "report.submission.on-time"), LATE("accepted", "report.submission.late"),
    REJECTED("rejected", "report.submission.rejected"), MISSING("missing", "report.submission.missing"),
    NONE("none", "report.submission.none");

    private final String code;

    private final String labelKey;

    SubmissionState(String code, String labelKey) {
        this.code = code;
        this.labelKey = labelKey;
    }

    /** As written in summary.json. */
    String code() {
        return this.code;
    }

    String label() {
        return Messages.get(this.labelKey);
    }

    boolean accepted() {
        return this == ON_TIME || this == LATE;
    }

    /**
     * What each department sent this month, before knowing whether it has tasks: ON_TIME, LATE or REJECTED,
     * absent when it sent nothing that counts.
     */
    static Map<String, SubmissionState> received(List<LedgerRows.Submission> submissions, YearMonth month,
            int dueDay) {
        LocalDate due = month.atDay(Math.min(Math.max(dueDay, 1), month.lengthOfMonth()));
        Map<String, SubmissionState> states = new LinkedHashMap<>();
        for (LedgerRows.Submission submission : submissions) {
            if (submission.department() == null) {
                continue;
            }
            if ("ACCEPTED".equals(submission.outcome())) {
                boolean onTime = submission.receivedAt() != null && !submission.receivedAt().toLocalDate().isAfter(due);
                SubmissionState state = onTime ? ON_TIME : LATE;
                states.merge(submission.department(), state, (a, b) -> (a == ON_TIME || b == ON_TIME) ? ON_TIME
                        : (a.accepted() ? a : b));
            }
            else if ("REJECTED".equals(submission.outcome())) {
                states.putIfAbsent(submission.department(), REJECTED);
            }
        }
        return states;
    }

    /** The department's state, knowing what it sent and whether it has tasks. */
    static SubmissionState of(SubmissionState received, int tasks) {
        if (received != null && (received.accepted() || received == REJECTED)) {
            return received;
        }
        return (tasks > 0) ? MISSING : NONE;
    }

    /** Missing in the sense of DOMAIN.md: tasks in the ledger and no accepted submission (rejected ones included). */
    boolean missingFor(int tasks) {
        return tasks > 0 && !accepted();
    }

}
