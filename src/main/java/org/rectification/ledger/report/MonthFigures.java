package org.rectification.ledger.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rectification.ledger.intake.Submission;

/**
 * The figures of a reporting month, gathered in the one pass over the month's task states: overall, per
 * department (roster order, then departments not on the roster) and per problem category.
 */
final class MonthFigures {

    final Tally overall = new Tally();

    final Map<String, Tally> departments = new LinkedHashMap<>();

    final Map<String, Tally> categories = new LinkedHashMap<>();

    private MonthSubmissions submissions;

    private final YearMonth month;

    private final LocalDate asOf;

    private final LocalDate previousMonthEnd;

    private String department;

    private String problem;

    MonthFigures(List<String> departments, YearMonth month, LocalDate asOf, LocalDate previousMonthEnd) {
        for (String name : departments) {
            this.departments.put(name, new Tally());
        }
        this.month = month;
        this.asOf = asOf;
        this.previousMonthEnd = previousMonthEnd;
    }

    void add(TaskState task, String category) {
        Tally department = this.departments.computeIfAbsent(task.department(), d -> new Tally());
        Tally byCategory = this.categories.computeIfAbsent(category, c -> new Tally());
        if (!task.department().equals(this.department) || !task.problem().equals(this.problem)) {
            // tasks arrive grouped by department and problem: a new group is a new problem
            this.department = task.department();
            this.problem = task.problem();
            department.problems++;
            byCategory.problems++;
            this.overall.problems++;
        }
        department.add(task, this.month, this.asOf, this.previousMonthEnd);
        byCategory.add(task, this.month, this.asOf, this.previousMonthEnd);
        this.overall.add(task, this.month, this.asOf, this.previousMonthEnd);
    }

    /**
     * Takes a department's figures computed whole (by the database, see {@link LedgerRows#monthFigures}) in place of
     * its tasks one by one; the overall figures add them up. Categories are not kept this way.
     */
    void addDepartment(String name, Tally tally) {
        this.departments.put(name, tally);
        this.overall.add(tally);
    }

    /** Where each department stands with its submission; every output reads the buckets from here. */
    MonthSubmissions submissions() {
        return this.submissions;
    }

    /** The submission figures of 总体情况, from the settled buckets and the month's files. */
    SubmissionCounts submissionCounts(List<Submission> submissions) {
        MonthSubmissions buckets = this.submissions;
        return new SubmissionCounts(buckets.expected(), buckets.accepted(), buckets.onTime(), buckets.returned(),
                buckets.missing(), submissions.size());
    }

    void settleSubmissions(MonthSubmissions submissions) {
        this.submissions = submissions;
    }

}
