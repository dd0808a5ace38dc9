package org.rectification.ledger.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.rectification.ledger.report.ReportStyles.Fill;
import org.rectification.ledger.report.ReportStyles.Kind;
import org.rectification.ledger.report.TableSheet.Column;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.sheet.ProductMark;
import org.rectification.ledger.sheet.StreamingWorkbook;

/**
 * The master ledger workbook (整改总台账.xlsx): every task with its latest state, laid out like the departments'
 * own sheets (problem and category merged over their measures), and every task's monthly history. Rows are
 * streamed from the database into a streaming workbook, so a million tasks fit in a small heap.
 */
final class LedgerWorkbookWriter {

    static final int CATEGORY_COLUMN = 3;

    static final int PROBLEM_COLUMN = 4;

    private static final int WINDOW = 200;

    private final LedgerRows rows;

    LedgerWorkbookWriter(LedgerRows rows) {
        this.rows = rows;
    }

    /** Writes the workbook to target; returns the number of tasks written. */
    long write(ReportRequest request, List<String> departments, Path target) throws IOException {
        SXSSFWorkbook workbook = new StreamingWorkbook(WINDOW, ProductMark.Kind.LEDGER);
        try {
            ReportStyles styles = new ReportStyles(workbook);
            Path scratch = target.getParent();
            String title = Messages.get("report.ledger.title", request.campaign());
            TableSheet ledger = new TableSheet(workbook, styles, Messages.get("report.ledger.sheet"), title,
                    ledgerColumns(), scratch);
            TableSheet history = new TableSheet(workbook, styles, Messages.get("report.history.sheet"),
                    Messages.get("report.history.title", request.campaign()), historyColumns(), null);
            // one 序号 through the whole sheet: numbering again from 1 for each department would print several
            // rows with the same 序号 and no department heading to tell them apart
            ProblemGroups groups = new ProblemGroups(ledger);
            for (String department : departments) {
                this.rows.latestStates(department, task -> groups.add(task));
                groups.close();
                this.rows.history(department, task -> history.row(Fill.NONE, task.taskCode(), task.department(),
                        task.problem(), task.measure(), task.month().toString(), ReportWording.status(task.status()),
                        task.progress(), ReportWording.deadline(task)));
            }
            List<TableSheet.StreamedMerges> merges = new ArrayList<>(ledger.finish());
            merges.addAll(history.finish());
            ReportFile.fixProperties(workbook.getXSSFWorkbook(), title, request.asOf());
            ReportFile.writeWorkbook(workbook, target, merges, request.asOf());
            return ledger.dataRows();
        }
        finally {
            workbook.close();
        }
    }

    private static List<Column> ledgerColumns() {
        return List.of(Column.of("seq", Kind.CENTER, 8),
                Column.of("task-code", Kind.CENTER, 14),
                Column.of("department", Kind.CENTER, 14),
                Column.of("category", Kind.MERGED, 12),
                Column.of("problem", Kind.MERGED, 34),
                Column.of("measure", Kind.TEXT, 34),
                Column.of("leader", Kind.CENTER, 10),
                Column.of("owner", Kind.CENTER, 10),
                Column.of("co-departments", Kind.TEXT, 12),
                Column.of("deadline", Kind.DATE, 12),
                Column.of("status", Kind.CENTER, 10),
                Column.of("progress", Kind.TEXT, 34),
                Column.of("evidence", Kind.TEXT, 20),
                Column.of("remarks", Kind.TEXT, 12),
                Column.of("last-month", Kind.CENTER, 10));
    }

    private static List<Column> historyColumns() {
        return List.of(Column.of("task-code", Kind.CENTER, 14),
                Column.of("department", Kind.CENTER, 14),
                Column.of("problem", Kind.TEXT, 34),
                Column.of("measure", Kind.TEXT, 34),
                Column.of("month", Kind.CENTER, 9),
                Column.of("status", Kind.CENTER, 10),
                Column.of("progress", Kind.TEXT, 40),
                Column.of("deadline", Kind.DATE, 12));
    }

    /**
     * Writes the departments' tasks, numbered through the sheet, and merges the problem and category cells of each
     * run of measures under one problem (closed at the end of each department). Every cell of a merged range keeps the value, so filtering and re-reading still see it.
     */
    private static final class ProblemGroups {

        private final TableSheet sheet;

        private String problem;

        private int first = -1;

        private int last = -1;

        private int seq;

        ProblemGroups(TableSheet sheet) {
            this.sheet = sheet;
        }

        void add(TaskState task) {
            if (this.first >= 0 && (this.sheet.full() || !Objects.equals(this.problem, task.problem()))) {
                close();
            }
            int row = this.sheet.row(Fill.NONE, String.valueOf(++this.seq), task.taskCode(), task.department(),
                    task.category(), task.problem(), task.measure(), task.leader(), task.owner(),
                    task.coDepartments(), ReportWording.deadline(task), ReportWording.status(task.status()), task.progress(),
                    task.evidence(), task.remarks(), task.lastMonth().toString());
            if (this.first < 0) {
                this.first = row;
                this.problem = task.problem();
            }
            this.last = row;
        }

        void close() {
            if (this.first >= 0) {
                this.sheet.mergeRows(this.first, this.last, CATEGORY_COLUMN);
                this.sheet.mergeRows(this.first, this.last, PROBLEM_COLUMN);
            }
            this.first = -1;
            this.last = -1;
        }

    }

}
