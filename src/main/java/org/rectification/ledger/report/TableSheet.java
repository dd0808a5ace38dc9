package org.rectification.ledger.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import org.rectification.ledger.report.ReportStyles.Fill;
import org.rectification.ledger.report.ReportStyles.Kind;
import org.rectification.ledger.sheet.CellText;
import org.rectification.ledger.system.Messages;

/**
 * One table of a report, written row by row: a merged title row, a header row, then the data. It sets up
 * what every table gets (frozen header, auto-filter, A4 landscape fitted to the page width, header row repeated
 * on every page, page numbers, column widths measured on the text written) and continues on a new sheet
 * ("逾期任务(2)") when Excel's row limit is reached, so no row is ever dropped.
 */
final class TableSheet {

    /** A column: its header, how its cells look, and the widest it may get (in characters, CJK counting 2). */
    record Column(String header, Kind kind, int maxWidth) {

        /** A column headed by the label {@code report.col.<key>} of messages.properties. */
        static Column of(String key, Kind kind, int maxWidth) {
            return new Column(Messages.get("report.col." + key), kind, maxWidth);
        }

    }

    /** A value shown as a percentage. */
    record Percent(double value) {
    }

    /** A change of a percentage, shown with its sign. */
    record PercentChange(double value) {
    }

    /** A sheet part whose merged regions were written to a file, to be added to the package at the end. */
    record StreamedMerges(Sheet sheet, Path file, int count) {
    }

    private static final int TITLE_ROW = 0;

    private static final int HEADER_ROW = 1;

    static final int FIRST_DATA_ROW = 2;

    private static final float LINE_HEIGHT = 15f;

    private static final float MAX_ROW_HEIGHT = 409;

    private final Workbook workbook;

    private final ReportStyles styles;

    private final String name;

    private final String title;

    private final List<Column> columns;

    private final int rowLimit;

    private final Path mergeDir;

    private final int[] widths;

    private final int titleSpan;

    private final List<Sheet> parts = new ArrayList<>();

    private final List<StreamedMerges> streamedMerges = new ArrayList<>();

    private Sheet sheet;

    private BufferedWriter mergeOut;

    private Path mergeFile;

    private int mergeCount;

    private int nextRow;

    private long dataRows;

    /** Columns that received a value; the others are hidden at the end, so no empty column is printed. */
    private final boolean[] filled;

    /** Lines written under the table, such as a legend of the colours used. */
    private final List<String> notes = new ArrayList<>();

    /**
     * @param mergeDir where to spool merged regions of a very large sheet (the master ledger), or null to add
     * them to the sheet directly
     */
    TableSheet(Workbook workbook, ReportStyles styles, String name, String title, List<Column> columns,
            Path mergeDir) {
        this(workbook, styles, name, title, columns, mergeDir, SpreadsheetVersion.EXCEL2007.getMaxRows(),
                columns.size());
    }

    /**
     * @param rowLimit rows per sheet before the table continues on a new sheet
     * @param titleSpan how many columns the title is merged over (more than the table when charts sit beside it)
     */
    TableSheet(Workbook workbook, ReportStyles styles, String name, String title, List<Column> columns,
            Path mergeDir, int rowLimit, int titleSpan) {
        this.titleSpan = titleSpan;
        this.workbook = workbook;
        this.styles = styles;
        this.name = name;
        this.title = title;
        this.columns = List.copyOf(columns);
        this.mergeDir = mergeDir;
        this.rowLimit = rowLimit;
        this.widths = new int[columns.size()];
        this.filled = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            this.widths[i] = headerWidth(columns.get(i));
        }
        startPart();
    }

    Sheet sheet() {
        return this.sheet;
    }

    long dataRows() {
        return this.dataRows;
    }

    /** True when the next row goes to a new sheet: a caller merging cells closes its open range first. */
    boolean full() {
        return this.nextRow >= this.rowLimit;
    }

    /**
     * Writes a data row and returns its index on the current sheet. Values: String, Integer/Long, Percent,
     * PercentChange, LocalDate or null (an empty, bordered cell).
     */
    int row(Fill fill, Object... values) {
        if (full()) {
            finishPart(this.nextRow - 1);
            startPart();
        }
        int index = this.nextRow++;
        Row row = this.sheet.createRow(index);
        boolean emphasised = fill == Fill.TOTAL;
        int lines = 1;
        for (int i = 0; i < this.columns.size(); i++) {
            Object value = (i < values.length) ? values[i] : null;
            this.filled[i] |= value != null && !"".equals(value);
            write(row.createCell(i), this.columns.get(i), i, value, fill, emphasised);
            if (value instanceof String text) {
                lines = Math.max(lines, lines(text, this.columns.get(i).maxWidth()));
            }
        }
        if (lines > 1) {
            // viewers do not grow rows for wrapped text on their own: long text would be cut off
            row.setHeightInPoints(Math.min(LINE_HEIGHT * lines + 4, MAX_ROW_HEIGHT));
        }
        this.dataRows++;
        return index;
    }

    /** Writes one row saying the list is empty (无), across the table. */
    void none() {
        int index = this.nextRow++;
        Row row = this.sheet.createRow(index);
        for (int i = 0; i < this.columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellStyle(this.styles.cell(Kind.CENTER, Fill.NONE, false, false));
            if (i == 0) {
                cell.setCellValue(Messages.get("report.none"));
            }
        }
        if (this.columns.size() > 1) {
            merge(new CellRangeAddress(index, index, 0, this.columns.size() - 1));
        }
    }

    /** Adds a line under the table (a legend of the colours used), written when the table is finished. */
    void note(String text) {
        this.notes.add(text);
    }

    /** Merges rows first..last of a column on the current sheet. */
    void mergeRows(int first, int last, int column) {
        if (last > first) {
            merge(new CellRangeAddress(first, last, column, column));
        }
    }

    /** Sets widths and page layout on every sheet of this table; returns merges still to be added to the package. */
    List<StreamedMerges> finish() {
        int lastData = this.nextRow - 1;
        for (String note : this.notes) {
            Row row = this.sheet.createRow(++this.nextRow);
            Cell cell = row.createCell(0);
            cell.setCellValue(note);
            cell.setCellStyle(this.styles.note());
            merge(new CellRangeAddress(this.nextRow, this.nextRow, 0, this.columns.size() - 1));
        }
        finishPart(lastData);
        // a column nobody filled (task codes in a county that uses none) is hidden, not printed empty
        boolean anyData = this.dataRows > 0;
        for (Sheet part : this.parts) {
            for (int i = 0; i < this.widths.length; i++) {
                part.setColumnWidth(i, (Math.max(this.widths[i], 4) + 2) * 256);
                if (anyData && !this.filled[i]) {
                    part.setColumnHidden(i, true);
                }
            }
        }
        return this.streamedMerges;
    }

    private void startPart() {
        String sheetName = this.parts.isEmpty() ? this.name
                : Messages.get("report.sheet.continued", this.name, String.valueOf(this.parts.size() + 1));
        this.sheet = this.workbook.createSheet(sheetName);
        this.parts.add(this.sheet);
        if (this.mergeDir != null) {
            try {
                this.mergeFile = Files.createTempFile(this.mergeDir, ".merges-", ".xml");
                this.mergeOut = Files.newBufferedWriter(this.mergeFile, StandardCharsets.UTF_8);
                this.mergeCount = 0;
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        Row titleRow = this.sheet.createRow(TITLE_ROW);
        titleRow.setHeightInPoints(32);
        Cell titleCell = titleRow.createCell(0);
        titleCell.setCellValue(this.title);
        titleCell.setCellStyle(this.styles.title());
        if (this.titleSpan > 1) {
            merge(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, this.titleSpan - 1));
        }
        Row header = this.sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(30);
        for (int i = 0; i < this.columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(this.columns.get(i).header());
            cell.setCellStyle(this.styles.header());
        }
        this.nextRow = FIRST_DATA_ROW;
    }

    private void finishPart(int lastDataRow) {
        int lastRow = Math.max(lastDataRow, HEADER_ROW);
        this.sheet.createFreezePane(0, FIRST_DATA_ROW);
        this.sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, lastRow, 0, this.columns.size() - 1));
        layout(this.sheet, this.title, HEADER_ROW);
        if (this.mergeOut != null) {
            try {
                this.mergeOut.close();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            this.streamedMerges.add(new StreamedMerges(this.sheet, this.mergeFile, this.mergeCount));
            this.mergeOut = null;
        }
    }

    /** A4 landscape, fitted to one page wide, the header row on every page, title above and page numbers below. */
    static void layout(Sheet sheet, String title, int headerRow) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.7);
        sheet.setMargin(Sheet.BottomMargin, 0.7);
        sheet.setMargin(Sheet.HeaderMargin, 0.3);
        sheet.setMargin(Sheet.FooterMargin, 0.3);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        sheet.getHeader().setCenter(title);
        sheet.getFooter().setCenter(Messages.get("report.footer"));
    }

    private void write(Cell cell, Column column, int index, Object value, Fill fill, boolean emphasised) {
        Kind kind;
        if (value == null) {
            kind = textKind(column);
        }
        else if (value instanceof String text) {
            // a cell holds 32,767 characters; summary.json and the database keep the whole text
            cell.setCellValue(CellText.fit(text));
            measure(index, text);
            kind = textKind(column);
            boolean overflowing = overflows(text, column.maxWidth());
            if (guarded(text) || overflowing) {
                cell.setCellStyle(this.styles.cell(kind, fill, guarded(text), emphasised, overflowing));
                return;
            }
        }
        else if (value instanceof Percent percent) {
            cell.setCellValue(percent.value());
            measure(index, "100.0%");
            kind = Kind.PERCENT;
        }
        else if (value instanceof PercentChange change) {
            cell.setCellValue(change.value());
            measure(index, "+100.0%");
            kind = Kind.DECIMAL;
        }
        else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            measure(index, "2026-12-31");
            kind = Kind.DATE;
        }
        else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            measure(index, String.valueOf(number.longValue()));
            kind = Kind.INTEGER;
        }
        else {
            throw new IllegalArgumentException("Cannot write a " + value.getClass().getSimpleName() + " to a report");
        }
        cell.setCellStyle(this.styles.cell(kind, fill, false, emphasised));
    }

    private static Kind textKind(Column column) {
        return switch (column.kind()) {
            case TEXT, MERGED -> column.kind();
            default -> Kind.CENTER;
        };
    }

    /** TextForms Excel would otherwise be tempted to read as a formula when edited. */
    static boolean guarded(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
    }

    private void measure(int column, String text) {
        if (this.widths[column] >= this.columns.get(column).maxWidth()) {
            return;
        }
        int width = 0;
        for (String line : text.split("\n", -1)) {
            width = Math.max(width, displayWidth(line));
        }
        this.widths[column] = Math.min(Math.max(this.widths[column], width), this.columns.get(column).maxWidth());
    }

    /** Whether a wrapped text needs more lines than the tallest row (409 points) shows. */
    static boolean overflows(String text, int maxWidth) {
        return text.length() > 100 && LINE_HEIGHT * lines(text, maxWidth) + 3 > MAX_ROW_HEIGHT;
    }

    /**
     * The width a header needs to fit on at most two lines (the header row's height): a label with a line break
     * ("较上月\n完成率变化") breaks there, between words; a longer one than its column's widest is split in halves,
     * so no character stands alone on the second line.
     */
    static int headerWidth(Column column) {
        int widest = 0;
        for (String line : column.header().split("\n", -1)) {
            widest = Math.max(widest, displayWidth(line));
        }
        if (column.header().contains("\n") || widest <= column.maxWidth()) {
            return widest;
        }
        int half = (widest + 1) / 2;
        return half + (half % 2);
    }

    /** How many lines a wrapped text takes in a column at most maxWidth wide (its width once the text exceeds it). */
    static int lines(String text, int maxWidth) {
        // the column is two units wider than maxWidth (less the cell's padding), but a wide character is drawn a
        // little wider than two units and a line breaks before a word that does not fit: count a tenth more
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            lines += Math.max(1, (int) Math.ceil(displayWidth(line) * 1.1 / (maxWidth + 1)));
        }
        return lines;
    }

    static int displayWidth(String text) {
        return CellText.displayWidth(text);
    }

    private void merge(CellRangeAddress range) {
        if (this.mergeOut == null) {
            this.sheet.addMergedRegionUnsafe(range);
            return;
        }
        try {
            this.mergeOut.write("<mergeCell ref=\"");
            this.mergeOut.write(range.formatAsString());
            this.mergeOut.write("\"/>");
            this.mergeCount++;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String columnLetter(int column) {
        return CellReference.convertNumToColString(column);
    }

}
