package org.rectification.ledger.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The few cell styles a report workbook uses, made once per workbook and shared by every cell (a style per
 * cell would exhaust Excel's 64,000-style limit on a large ledger).
 */
final class ReportStyles {

    /** What a cell holds, which decides its format and alignment. */
    enum Kind {
        TEXT, CENTER, INTEGER, PERCENT, DECIMAL, DATE, MERGED
    }

    /** A row colour for warnings. */
    enum Fill {
        NONE(null), RED(IndexedColors.ROSE), YELLOW(IndexedColors.LIGHT_YELLOW), GREEN(IndexedColors.LIGHT_GREEN),
        TOTAL(IndexedColors.GREY_25_PERCENT);

        private final IndexedColors color;

        Fill(IndexedColors color) {
            this.color = color;
        }
    }

    static final String FONT = "宋体";

    private final Workbook workbook;

    private final Font body;

    private final Font bold;

    private final CellStyle title;

    private final CellStyle header;

    private CellStyle note;

    private final CellStyle[] cells = new CellStyle[Kind.values().length * Fill.values().length * 8];

    ReportStyles(Workbook workbook) {
        this.workbook = workbook;
        this.body = font(false, 11);
        this.bold = font(true, 11);
        this.title = workbook.createCellStyle();
        this.title.setFont(font(true, 16));
        this.title.setAlignment(HorizontalAlignment.CENTER);
        this.title.setVerticalAlignment(VerticalAlignment.CENTER);
        this.header = bordered();
        this.header.setFont(this.bold);
        this.header.setAlignment(HorizontalAlignment.CENTER);
        this.header.setVerticalAlignment(VerticalAlignment.CENTER);
        this.header.setWrapText(true);
        this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    CellStyle title() {
        return this.title;
    }

    CellStyle header() {
        return this.header;
    }

    /** A line under a table, such as a colour legend: plain text, no border. */
    CellStyle note() {
        if (this.note == null) {
            this.note = this.workbook.createCellStyle();
            this.note.setFont(this.body);
            this.note.setAlignment(HorizontalAlignment.LEFT);
        }
        return this.note;
    }

    /**
     * The style for a cell of the given kind and fill; guarded text gets Excel's quote prefix, so text such as
     * "=1+1" stays text even when someone edits the cell.
     */
    CellStyle cell(Kind kind, Fill fill, boolean guarded, boolean emphasised) {
        return cell(kind, fill, guarded, emphasised, false);
    }

    /**
     * @param overflowing a text longer than the tallest row shows: aligned to the top, so its beginning is what
     * the row shows (centred, the row would show a piece of its middle)
     */
    CellStyle cell(Kind kind, Fill fill, boolean guarded, boolean emphasised, boolean overflowing) {
        int key = (((kind.ordinal() * Fill.values().length + fill.ordinal()) * 2 + (guarded ? 1 : 0)) * 2
                + (emphasised ? 1 : 0)) * 2 + (overflowing ? 1 : 0);
        if (this.cells[key] == null) {
            this.cells[key] = create(kind, fill, guarded, emphasised, overflowing);
        }
        return this.cells[key];
    }

    private CellStyle create(Kind kind, Fill fill, boolean guarded, boolean emphasised, boolean overflowing) {
        CellStyle style = bordered();
        style.setFont(emphasised ? this.bold : this.body);
        style.setWrapText(true);
        style.setVerticalAlignment(overflowing ? VerticalAlignment.TOP : VerticalAlignment.CENTER);
        var format = this.workbook.createDataFormat();
        switch (kind) {
            case CENTER -> style.setAlignment(HorizontalAlignment.CENTER);
            case MERGED -> style.setVerticalAlignment(overflowing ? VerticalAlignment.TOP : VerticalAlignment.CENTER);
            case INTEGER -> {
                style.setAlignment(HorizontalAlignment.RIGHT);
                style.setDataFormat(format.getFormat("0"));
            }
            case PERCENT -> {
                style.setAlignment(HorizontalAlignment.RIGHT);
                style.setDataFormat(format.getFormat("0.0%"));
            }
            case DECIMAL -> {
                style.setAlignment(HorizontalAlignment.RIGHT);
                style.setDataFormat(format.getFormat("+0.0%;-0.0%;0.0%"));
            }
            case DATE -> {
                style.setAlignment(HorizontalAlignment.CENTER);
                style.setDataFormat(format.getFormat("yyyy-mm-dd"));
            }
            default -> {
            }
        }
        if (fill.color != null) {
            style.setFillForegroundColor(fill.color.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        style.setQuotePrefixed(guarded);
        return style;
    }

    private CellStyle bordered() {
        CellStyle style = this.workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private Font font(boolean isBold, int points) {
        Font font = this.workbook.createFont();
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) points);
        font.setBold(isBold);
        return font;
    }

}
