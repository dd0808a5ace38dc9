package org.rectification.ledger.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a reporting month, gathered in the one pass over the month's task states: overall, per
 * department (roster order, then departments not on the roster) and per problem category.
 */
final class MonthFigures {

    final Tally overall = new Tally();

    final Map<String, Tally> departments = new LinkedHashMap<>();

    final Map<String, Tally> categories = new LinkedHashMap<>();

    final Map<String, SubmissionState> submissionStates = new LinkedHashMap<>();

    private final String month;

    private final LocalDate asOf;

    private final LocalDate previousMonthEnd;

    private String department;

    private String problem;

    MonthFigures(List<String> departments, String month, LocalDate asOf, LocalDate previousMonthEnd) {
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

    /** Decides each department's submission state once its task count is known. */
    void settleSubmissions(Map<String, SubmissionState> received) {
        for (Map.Entry<String, Tally> entry : this.departments.entrySet()) {
            this.submissionStates.put(entry.getKey(),
                    SubmissionState.of(received.get(entry.getKey()), entry.getValue().tasks));
        }
    }

    /** Departments with tasks and no accepted submission, in roster order. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        this.submissionStates.forEach((name, state) -> {
            if (state.missingFor(this.departments.get(name).tasks)) {
                missing.add(name);
            }
        });
        return missing;
    }

    /** The submission figures of 总体情况, from the month's submissions once states are settled. */
    SubmissionCounts submissionCounts(List<LedgerRows.Submission> submissions) {
        int received = (int) submissions.stream()
            .map(LedgerRows.Submission::department)
            .filter(d -> d != null && this.departments.containsKey(d))
            .distinct()
            .count();
        int onTime = (int) this.submissionStates.values().stream().filter(s -> s == SubmissionState.ON_TIME).count();
        int accepted = (int) this.submissionStates.values().stream().filter(SubmissionState::accepted).count();
        int rejected = (int) this.submissionStates.values().stream().filter(s -> s == SubmissionState.REJECTED).count();
        return new SubmissionCounts(expected(), received, onTime, accepted, rejected, missing().size(),
                submissions.size());
    }

    /** Departments expected to submit: those with tasks. */
    int expected() {
        return (int) this.departments.values().stream().filter(t -> t.tasks > 0).count();
    }

}
