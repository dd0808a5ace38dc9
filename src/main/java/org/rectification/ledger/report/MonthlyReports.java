package org.rectification.ledger.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.rectification.ledger.system.Messages;

/**
 * Writes the month's reports from the ledger database once the merge is committed: the master ledger workbook,
 * the monthly progress workbook and summary.json. Everything is read in one read-only transaction, so the three
 * files agree with each other, and streamed (on PostgreSQL a cursor needs a transaction), so the size of the
 * ledger does not decide the heap needed. Each file appears complete or not at all.
 */
public final class MonthlyReports {

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    public MonthlyReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.transaction.setReadOnly(true);
    }

    public ReportFiles write(ReportRequest request) throws IOException {
        Files.createDirectories(request.outDir());
        try {
            return this.transaction.execute(status -> {
                try {
                    return writeAll(request);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
        catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    private ReportFiles writeAll(ReportRequest request) throws IOException {
        LedgerRows rows = new LedgerRows(this.jdbc);
        List<String> departments = rows.departments(request.roster().names());
        List<String> reported = new java.util.ArrayList<>(request.roster().names());
        departments.stream().filter(d -> !reported.contains(d)).forEach(reported::add);
        String month = request.month().toString();
        List<LedgerRows.Submission> submissions = rows.submissions(month);
        List<LedgerRows.FindingRow> findings = rows.findings(month);

        Path ledger = request.outDir().resolve(Messages.get("report.ledger.file"));
        new LedgerWorkbookWriter(rows).write(request, departments, ledger);
        Path progress = request.outDir().resolve(Messages.get("report.progress.file", month));
        MonthFigures figures = new ProgressWorkbookWriter(rows).write(request, reported, submissions, findings,
                progress);
        Path summary = request.outDir().resolve("summary.json");
        SummaryJsonWriter.write(summary, request, figures, submissions, findings, ledger, progress);
        return new ReportFiles(ledger, progress, summary, figures.overall.totals());
    }

}
