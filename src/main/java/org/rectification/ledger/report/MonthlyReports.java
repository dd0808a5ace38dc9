package org.rectification.ledger.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.rectification.ledger.intake.Submission;
import org.rectification.ledger.system.WorkerThreads;
import org.rectification.ledger.system.Messages;

/**
 * Writes the month's reports from the ledger database once the merge is committed: the master ledger workbook,
 * the monthly progress workbook and summary.json. Everything is read in read-only transactions after the merge
 * is committed and streamed, so the size of the ledger does not decide the heap needed. Each file appears
 * complete or not at all.
 */
public final class MonthlyReports {

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    public MonthlyReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.transaction.setReadOnly(true);
    }

    /**
     * Writes the three files. The master ledger is written on a second thread, in a read-only transaction of its
     * own, while this thread writes the progress workbook: both only read, and the run lock keeps every writer
     * out of the ledger until the run is over, so the two transactions see the same committed ledger.
     * summary.json, which names both workbooks, is written last.
     */
    public ReportFiles write(ReportRequest request) throws IOException {
        Files.createDirectories(request.outDir());
        Path ledger = request.outDir().resolve(Messages.get("report.ledger.file"));
        ExecutorService second = WorkerThreads.threads("ledger-workbook", 1);
        try {
            Future<Long> ledgerWritten = second.submit(() -> readOnly(() -> writeLedger(request, ledger)));
            return readOnly(() -> writeProgressAndSummary(request, ledger, ledgerWritten));
        }
        finally {
            second.shutdownNow();
        }
    }

    private long writeLedger(ReportRequest request, Path ledger) throws IOException {
        LedgerRows rows = new LedgerRows(this.jdbc);
        List<String> departments = rows.departments(request.roster().names());
        return new LedgerWorkbookWriter(rows).write(request, departments, ledger);
    }

    private ReportFiles writeProgressAndSummary(ReportRequest request, Path ledger, Future<Long> ledgerWritten)
            throws IOException {
        LedgerRows rows = new LedgerRows(this.jdbc);
        List<String> departments = rows.departments(request.roster().names());
        List<String> reported = new ArrayList<>(request.roster().names());
        departments.stream().filter(d -> !reported.contains(d)).forEach(reported::add);
        YearMonth month = request.month();
        List<Submission> submissions = rows.submissions(month);
        List<LedgerRows.FindingRow> findings = rows.findings(month);

        Path progress = request.outDir().resolve(Messages.get("report.progress.file", month.toString()));
        MonthFigures figures = new ProgressWorkbookWriter(rows).write(request, reported, submissions, findings,
                progress);
        WorkerThreads.await(ledgerWritten, "the master ledger");
        Path summary = request.outDir().resolve("summary.json");
        SummaryJsonWriter.write(summary, request, figures, submissions, findings, ledger, progress);
        return new ReportFiles(ledger, progress, summary, figures.overall.totals());
    }

    /**
     * Writes the month's rectification report (整改情况报告-YYYY-MM.docx), a draft for the leading group, from the same
     * figures as the progress workbook. Returns where it is.
     */
    public Path writeRectificationReport(ReportRequest request) throws IOException {
        Files.createDirectories(request.outDir());
        Path target = request.outDir().resolve(Messages.get("report.docx.file", request.month().toString()));
        readOnly(() -> {
            LedgerRows rows = new LedgerRows(this.jdbc);
            List<String> departments = new ArrayList<>(request.roster().names());
            rows.departments(request.roster().names()).stream().filter(d -> !departments.contains(d))
                .forEach(departments::add);
            new RectificationReportWriter(rows).write(request, departments, target);
            return null;
        });
        return target;
    }

    /** Runs work in a read-only transaction (on PostgreSQL a streaming cursor needs one). */
    private <T> T readOnly(Work<T> work) throws IOException {
        try {
            return this.transaction.execute(status -> {
                try {
                    return work.run();
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

    @FunctionalInterface
    private interface Work<T> {

        T run() throws IOException;

    }

}
