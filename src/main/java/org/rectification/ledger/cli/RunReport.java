package org.rectification.ledger.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rectification.ledger.job.ConsolidationRunner;
import org.rectification.ledger.job.RunParameters;
import org.rectification.ledger.office.JobFile;
import org.rectification.ledger.system.Messages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few lines a clerk reads after a run: files accepted, rejected, duplicates, rows merged from the files that
 * stand, the month's submission buckets, overdue, and where the outputs are.
 */
final class RunReport {

    private RunReport() {
    }

    static void print(PrintWriter out, JobFile job, RunParameters parameters, ConsolidationRunner.RunOutcome outcome) {
        var counts = outcome.submissionsByOutcome();
        out.println(Messages.get("cli.run.header", job.campaign().name(), parameters.month().toString(),
                parameters.asOf().toString(), String.valueOf(outcome.executionId()),
                Messages.get("cli.run.status." + outcome.status())));
        out.println(Messages.get("cli.run.files", count(counts, "ACCEPTED"), count(counts, "REJECTED"),
                count(counts, "DUPLICATE"), count(counts, "SUPERSEDED"), String.valueOf(outcome.rowsMerged())));
        if (counts.getOrDefault("SET_ASIDE", 0) > 0) {
            out.println(Messages.get("cli.run.set-aside", count(counts, "SET_ASIDE")));
        }
        if (outcome.rowsReplaced() > 0) {
            out.println(Messages.get("cli.run.replaced", String.valueOf(outcome.rowsReplaced())));
        }
        Path out1 = job.folders().out();
        Path summary = out1.resolve("summary.json");
        if (Files.isRegularFile(summary)) {
            JsonNode root = JsonMapper.builder().build().readTree(summary.toFile());
            // the month's buckets as summary.json has them, so the console and the workbook cannot disagree
            JsonNode buckets = root.path("submissionCounts");
            List<String> notSubmitted = new ArrayList<>();
            root.path("missingSubmissions").forEach((m) -> notSubmitted.add(m.path("department").asString()));
            out.println(Messages.get("cli.run.submissions", buckets.path("expected").asString(),
                    buckets.path("accepted").asString(), buckets.path("returned").asString(),
                    buckets.path("missing").asString(),
                    notSubmitted.isEmpty() ? "" : Messages.get("cli.run.not-submitted", String.join("、", notSubmitted))));
            JsonNode totals = root.path("totals");
            out.println(Messages.get("cli.run.totals", totals.path("tasks").asString(),
                    totals.path("completed").asString(), totals.path("overdue").asString(),
                    String.format("%.1f%%", totals.path("completionRate").asDouble() * 100)));
        }
        out.println(Messages.get("cli.run.outputs", out1.toString()));
        out.flush();
    }

    private static String count(java.util.Map<String, Integer> counts, String outcome) {
        return String.valueOf(counts.getOrDefault(outcome, 0));
    }

}
