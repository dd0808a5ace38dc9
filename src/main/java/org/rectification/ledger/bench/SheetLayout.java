package org.rectification.ledger.bench;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.rectification.ledger.sheet.Field;

/**
 * How one department's workbook looks: format, title lines, header names and order, merges, helper
 * sheets and the signature block. A mutable spec filled in fluently, then handed to
 * {@link SheetLayoutWriter}; the tasks themselves are passed separately.
 */
public final class SheetLayout {

    public enum Format {

        /** Office Open XML written with XSSF (or SXSSF when {@link SheetLayout#streaming}). */
        XLSX,
        /** BIFF8 written with HSSF. */
        XLS

    }

    public enum Placement {

        NONE, FIRST, LAST

    }

    /**
     * A table column.
     *
     * @param field what it holds; null for an unrecognised column (filled from {@link TaskLine#extra()}) or,
     * with an empty header, a blank trailing column
     * @param header the header as written (spaces, line breaks and all)
     * @param group for a two-row header, the merged group cell above it (e.g. 责任主体), else null
     */
    public record Column(Field field, String header, String group) {

        static Column of(Field field, String header) {
            return new Column(field, header, null);
        }

    }

    /**
     * A text cell of the signature block.
     *
     * @param row row offset inside the block (0 = first row of the block)
     * @param column zero-based column
     * @param lastColumn last column of a horizontal merge starting here, or -1 for no merge
     */
    public record SignCell(int row, int column, String text, int lastColumn) {
    }

    /** A picture anchored over cells of the signature block, from (row, column) to (lastRow, lastColumn) exclusive. */
    public record Picture(int row, int column, int lastRow, int lastColumn, byte[] png) {
    }

    /** A WPS in-cell picture (DISPIMG) in the signature block. */
    public record CellImage(int row, int column, String id, byte[] png) {
    }

    Format format = Format.XLSX;

    boolean streaming;

    boolean storedZip = true;

    String sheetName = "Sheet1";

    String title;

    String unitLine;

    List<Column> columns = new ArrayList<>();

    boolean mergeProblems = true;

    boolean mergeLeader;

    boolean blankRowBetweenProblems;

    int trailingBlankColumns;

    boolean sequenceFormulas;

    boolean dropdownSheet;

    Placement instructions = Placement.NONE;

    final List<SignCell> signature = new ArrayList<>();

    final List<Picture> pictures = new ArrayList<>();

    final List<CellImage> cellImages = new ArrayList<>();

    LocalDateTime savedAt = LocalDateTime.of(2026, 11, 5, 9, 0);

    String author = "Administrator";

    public SheetLayout format(Format value) {
        this.format = value;
        return this;
    }

    public SheetLayout sheetName(String value) {
        this.sheetName = value;
        return this;
    }

    public SheetLayout title(String value) {
        this.title = value;
        return this;
    }

    public SheetLayout unitLine(String value) {
        this.unitLine = value;
        return this;
    }

    public SheetLayout column(Field field, String header) {
        this.columns.add(Column.of(field, header));
        return this;
    }

    public SheetLayout grouped(String group, Field field, String header) {
        this.columns.add(new Column(field, header, group));
        return this;
    }

    public SheetLayout mergeLeader() {
        this.mergeLeader = true;
        return this;
    }

    public SheetLayout noMerges() {
        this.mergeProblems = false;
        return this;
    }

    public SheetLayout blankRowBetweenProblems() {
        this.blankRowBetweenProblems = true;
        return this;
    }

    public SheetLayout trailingBlankColumns(int count) {
        this.trailingBlankColumns = count;
        return this;
    }

    public SheetLayout sequenceFormulas() {
        this.sequenceFormulas = true;
        return this;
    }

    public SheetLayout dropdownSheet() {
        this.dropdownSheet = true;
        return this;
    }

    public SheetLayout instructions(Placement value) {
        this.instructions = value;
        return this;
    }

    public SheetLayout sign(int row, int column, String text) {
        this.signature.add(new SignCell(row, column, text, -1));
        return this;
    }

    public SheetLayout signMerged(int row, int column, int lastColumn, String text) {
        this.signature.add(new SignCell(row, column, text, lastColumn));
        return this;
    }

    public SheetLayout picture(int row, int column, int lastRow, int lastColumn, byte[] png) {
        this.pictures.add(new Picture(row, column, lastRow, lastColumn, png));
        return this;
    }

    public SheetLayout cellImage(int row, int column, String id, byte[] png) {
        this.cellImages.add(new CellImage(row, column, id, png));
        return this;
    }

    public SheetLayout savedAt(LocalDateTime value) {
        this.savedAt = value;
        return this;
    }

    public SheetLayout author(String value) {
        this.author = value;
        return this;
    }

    public Format format() {
        return this.format;
    }

    public LocalDateTime savedAt() {
        return this.savedAt;
    }

    boolean twoRowHeader() {
        return this.columns.stream().anyMatch((column) -> column.group() != null);
    }

    int lastColumn() {
        return this.columns.size() - 1 + this.trailingBlankColumns;
    }

    int indexOf(Field field) {
        for (int i = 0; i < this.columns.size(); i++) {
            if (this.columns.get(i).field() == field) {
                return i;
            }
        }
        return -1;
    }

}
