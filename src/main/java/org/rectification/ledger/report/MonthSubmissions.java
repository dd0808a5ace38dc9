package org.rectification.ledger.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import org.rectification.ledger.check.Severity;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.check.Scope;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;

/**
 * The month's submission buckets, decided here once for every output (总体情况, 分单位统计, 未报送单位, summary.json,
 * the run summary and {@code status}): each department the roster expects (是否报送 not 否), the first month
 * included, is accepted, returned and not yet accepted, or has sent nothing, and 应报送 is the three added up.
 * Whether tasks exist does not matter: in the first month there are none before the sheets come in.
 */
public final class MonthSubmissions {

    /**
     * One department's standing for the month.
     *
     * @param expected whether the roster expects it to submit
     * @param reason why it counts as not submitted: the returned file's reasons, or "nothing received"; null
     * when it submitted or is not expected
     */
    public record Standing(String department, SubmissionState state, boolean expected, String reason) {

        /** Expected and nothing accepted: listed under 未报送单位 and in missingSubmissions. */
        public boolean notSubmitted() {
            return this.expected && !this.state.accepted();
        }

    }

    private final Map<String, Standing> standings = new LinkedHashMap<>();

    private MonthSubmissions() {
    }

    /** Reads the month's submissions and findings from the ledger. */
    public static MonthSubmissions read(JdbcTemplate jdbc, Roster roster, YearMonth month, int dueDay) {
        LedgerRows rows = new LedgerRows(jdbc);
        return of(roster, rows.departments(roster.names()), rows.submissions(month),
                rows.findings(month), month, dueDay);
    }

    /**
     * @param others departments in the ledger, roster or not: those not on the roster are listed after it, as not
     * expected
     */
    static MonthSubmissions of(Roster roster, List<String> others, List<Submission> submissions,
            List<LedgerRows.FindingRow> findings, YearMonth month, int dueDay) {
        LocalDate due = month.atDay(Math.min(Math.max(dueDay, 1), month.lengthOfMonth()));
        Set<String> names = new LinkedHashSet<>(roster.names());
        names.addAll(others);
        Map<String, SubmissionState> accepted = new LinkedHashMap<>();
        Map<String, Submission> lastReturned = new LinkedHashMap<>();
        for (Submission submission : submissions) { // in arrival order
            if (submission.department() == null) {
                continue;
            }
            names.add(submission.department());
            if (submission.outcome() == Outcome.ACCEPTED) {
                boolean onTime = submission.arrived() != null
                        && !submission.arrived().toLocalDate().isAfter(due);
                accepted.merge(submission.department(), onTime ? SubmissionState.ON_TIME : SubmissionState.LATE,
                        (a, b) -> (a == SubmissionState.ON_TIME) ? a : b);
            }
            else if (submission.outcome() == Outcome.REJECTED) {
                lastReturned.put(submission.department(), submission);
            }
        }
        MonthSubmissions result = new MonthSubmissions();
        for (String name : names) {
            boolean expected = roster.department(name).map(Roster.Department::reporting).orElse(false);
            SubmissionState state = accepted.get(name);
            String reason = null;
            if (state == null && expected) {
                Submission returned = lastReturned.get(name);
                state = (returned != null) ? SubmissionState.RETURNED : SubmissionState.MISSING;
                reason = (returned != null) ? returnedBecause(returned, findings)
                        : Messages.get("report.submission.nothing-received");
            }
            else if (state == null) {
                state = SubmissionState.NOT_EXPECTED;
            }
            result.standings.put(name, new Standing(name, state, expected, reason));
        }
        return result;
    }

    /** The returned file's name and its submission errors, as the return notice states them. */
    private static String returnedBecause(Submission returned, List<LedgerRows.FindingRow> findings) {
        Set<String> why = new LinkedHashSet<>();
        for (LedgerRows.FindingRow finding : findings) {
            if (finding.submissionId() == returned.id() && finding.severity() == Severity.ERROR
                    && finding.rule() != null && finding.rule().scope() == Scope.SUBMISSION) {
                why.add(finding.message());
            }
        }
        if (why.isEmpty()) {
            returned.checked().reasons().forEach(reason -> why.add(reason.replaceFirst("^[A-Z_]+:\\s*", "")));
        }
        return Messages.get("report.submission.returned-because", returned.fileName(), String.join("；", why));
    }

    /** Every department's standing: the roster's in roster order, then any other in the ledger. */
    public List<Standing> standings() {
        return List.copyOf(this.standings.values());
    }

    /** The standing of a department (one not seen at all is not expected). */
    public Standing of(String department) {
        Standing standing = this.standings.get(department);
        return (standing != null) ? standing
                : new Standing(department, SubmissionState.NOT_EXPECTED, false, null);
    }

    /** 应报送: the departments the roster expects, = accepted + returned + missing. */
    public int expected() {
        return count(null);
    }

    /** Expected departments with an accepted submission (已采纳). */
    public int accepted() {
        return count(SubmissionState.ON_TIME) + count(SubmissionState.LATE);
    }

    /** Expected departments whose accepted submission arrived by the due day. */
    public int onTime() {
        return count(SubmissionState.ON_TIME);
    }

    /** Expected departments whose files were all returned (已退回待重报). */
    public int returned() {
        return count(SubmissionState.RETURNED);
    }

    /** Expected departments from which nothing was received (未报送). */
    public int missing() {
        return count(SubmissionState.MISSING);
    }

    /** Expected departments with nothing accepted, in roster order, each with its reason. */
    public List<Standing> notSubmitted() {
        List<Standing> list = new ArrayList<>();
        this.standings.values().stream().filter(Standing::notSubmitted).forEach(list::add);
        return list;
    }

    private int count(SubmissionState state) {
        return (int) this.standings.values().stream()
            .filter(s -> s.expected() && (state == null || s.state() == state))
            .count();
    }

}
