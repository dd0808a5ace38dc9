package org.rectification.ledger.report;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.intake.Submission;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * summary.json: the month's figures, submissions, missing departments and findings in machine-readable form.
 * Deterministic (no clock time, fixed key order), so a rerun on the same ledger writes the same bytes.
 */
final class SummaryJsonWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SummaryJsonWriter() {
    }

    static void write(Path target, ReportRequest request, MonthFigures figures,
            List<Submission> submissions, List<LedgerRows.FindingRow> findings, Path ledger,
            Path progress) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("campaign", request.campaign());
        root.put("month", request.month().toString());
        root.put("asOf", request.asOf().toString());
        ArrayNode submissionNodes = root.putArray("submissions");
        for (Submission submission : submissions) {
            ObjectNode node = submissionNodes.addObject();
            node.put("file", submission.fileName());
            node.put("sha256", submission.sha256());
            node.put("department", submission.department());
            node.put("outcome", submission.outcome().code());
            node.put("receivedAt", (submission.arrived() != null) ? submission.arrived().toString() : null);
            ArrayNode reasons = node.putArray("reasons");
            submission.checked().reasons().forEach(reasons::add);
            Submission.Checked checked = submission.checked();
            if (checked.rowsRead() != null) {
                node.put("rowsRead", checked.rowsRead());
                // a superseded file's rows were replaced by the later file's: they are not in the ledger
                boolean superseded = submission.outcome() == Outcome.SUPERSEDED;
                int rows = (checked.rowsMerged() != null) ? checked.rowsMerged() : 0;
                node.put("rowsMerged", superseded ? 0 : rows);
                if (superseded) {
                    node.put("rowsReplaced", rows);
                }
            }
            // which sheets were read, which were not and why, and columns kept but not recognised
            checked.sheetsRead().forEach(node.putArray("sheetsRead")::add);
            checked.sheetsSkipped().forEach(node.putArray("sheetsSkipped")::add);
            checked.extraColumns().forEach(node.putArray("extraColumns")::add);
        }
        ArrayNode departments = root.putArray("departments");
        for (Map.Entry<String, Tally> entry : figures.departments.entrySet()) {
            ObjectNode node = departments.addObject();
            node.put("department", entry.getKey());
            Tally tally = entry.getValue();
            node.put("problems", tally.problems);
            figures(node, tally);
            node.put("closedThisMonth", tally.closed);
            node.put("newlyOverdue", tally.newlyOverdue);
            MonthSubmissions.Standing standing = figures.submissions().of(entry.getKey());
            SubmissionState state = standing.state();
            node.put("expected", standing.expected());
            node.put("submission", state.code());
            if (state.accepted()) {
                node.put("onTime", state == SubmissionState.ON_TIME);
            }
        }
        ObjectNode totals = root.putObject("totals");
        figures(totals, figures.overall);
        ObjectNode changes = root.putObject("changes");
        changes.put("problems", figures.overall.problems);
        changes.put("closedThisMonth", figures.overall.closed);
        changes.put("newlyOverdue", figures.overall.newlyOverdue);
        // 应报送 = accepted + returned + missing, the buckets every output shows
        MonthSubmissions buckets = figures.submissions();
        ObjectNode counts = root.putObject("submissionCounts");
        counts.put("expected", buckets.expected());
        counts.put("accepted", buckets.accepted());
        counts.put("onTime", buckets.onTime());
        counts.put("returned", buckets.returned());
        counts.put("missing", buckets.missing());
        ArrayNode missing = root.putArray("missingSubmissions");
        for (MonthSubmissions.Standing standing : buckets.notSubmitted()) {
            ObjectNode node = missing.addObject();
            node.put("department", standing.department());
            node.put("submission", standing.state().code());
            node.put("reason", standing.reason());
        }
        ArrayNode findingNodes = root.putArray("findings");
        for (LedgerRows.FindingRow finding : ProgressWorkbookWriter.sortFindings(findings, request)) {
            ObjectNode node = findingNodes.addObject();
            node.put("department", finding.department());
            node.put("file", finding.fileName());
            node.put("sheet", finding.sheet());
            node.put("row", finding.row());
            node.put("column", finding.column());
            node.put("rule", (finding.rule() != null) ? finding.rule().name() : null);
            node.put("severity", (finding.severity() != null) ? finding.severity().code() : null);
            node.put("value", finding.value());
            node.put("message", finding.message());
        }
        ObjectNode outputs = root.putObject("outputs");
        output(outputs.putObject("ledger"), ledger);
        output(outputs.putObject("progress"), progress);
        byte[] bytes = (JSON.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ReportFile.writeAtomically(target, out -> out.write(bytes));
    }

    private static void figures(ObjectNode node, Tally tally) {
        node.put("tasks", tally.tasks);
        node.put("completed", tally.completed);
        node.put("inProgress", tally.inProgress);
        node.put("notStarted", tally.notStarted);
        node.put("ongoing", tally.ongoing);
        node.put("overdue", tally.overdue);
        node.put("completionRate", BigDecimal.valueOf(tally.rate()).setScale(4, RoundingMode.HALF_UP).doubleValue());
    }

    private static void output(ObjectNode node, Path file) throws IOException {
        node.put("file", file.getFileName().toString());
        node.put("sha256", sha256(file));
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
