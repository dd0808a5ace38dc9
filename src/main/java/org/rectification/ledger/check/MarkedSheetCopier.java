package org.rectification.ledger.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.util.HSSFColor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Color;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.rectification.ledger.sheet.CellText;
import org.rectification.ledger.sheet.SourceWorkbook;
import org.rectification.ledger.system.Messages;

/**
 * Copies a department's sheet (.xlsx or .xls) into the return notice cell by cell (values, merges, column
 * widths, basic styles), filling each offending cell in a warning colour and commenting what is wrong. Formulas
 * are copied as their last result and text never becomes a formula. Styles are shared through a small cache keyed
 * by the source style and the mark, never one per cell.
 */
final class MarkedSheetCopier {

    static final int MAX_ROWS = 20_000;

    static final int MAX_COLUMNS = 200;

    /** Excel's default column width, in width units, for columns the sheet gives none. */
    private static final double DEFAULT_COLUMN_UNITS = 8.43;

    private enum Mark {

        NONE, WARNING, ERROR

    }

    /** TextForms longer than this is wrapped in the copy even where the department's cell was not: never one endless line. */
    static final int LONG_TEXT = 100;

    private record StyleKey(int sourceIndex, Mark mark, boolean quoted, boolean wrapped) {
    }

    private record Marked(Mark mark, List<Finding> findings) {
    }

    private final SourceWorkbook source;

    private final SXSSFWorkbook target;

    private final Map<StyleKey, XSSFCellStyle> styles = new HashMap<>();

    private final Map<Integer, XSSFFont> fonts = new HashMap<>();

    private final Map<Integer, SourceStyle> sourceStyles = new HashMap<>();

    MarkedSheetCopier(SourceWorkbook source, SXSSFWorkbook target) {
        this.source = source;
        this.target = target;
    }

    /**
     * Copies one sheet, marking the cells the findings about this sheet point at. Rows are written in order into
     * a streamed sheet, so a marked cell that is empty in the source (a missing owner) is created in its row.
     */
    void copy(SourceWorkbook.SourceSheet from, List<Finding> findings) {
        Map<CellAddress, Marked> marks = marks(from.name(), findings, from.merges());
        NavigableMap<Integer, NavigableMap<Integer, Marked>> marksByRow = new TreeMap<>();
        marks.forEach((address, marked) -> marksByRow.computeIfAbsent(address.getRow(), (row) -> new TreeMap<>())
            .put(address.getColumn(), marked));
        NavigableMap<Integer, SourceWorkbook.SourceRow> rows = new TreeMap<>();
        from.rows().stream().filter((row) -> row.index() < MAX_ROWS).forEach((row) -> rows.put(row.index(), row));
        SXSSFSheet to = this.target.createSheet(name(from.name()));
        Drawing<?> drawing = marks.isEmpty() ? null : to.createDrawingPatriarch();
        int lastSourceRow = rows.isEmpty() ? -1 : rows.lastKey();
        int lastRow = marksByRow.isEmpty() ? lastSourceRow : Math.max(lastSourceRow, marksByRow.lastKey());
        int lastColumn = -1;
        Map<Integer, Float> needed = neededHeights(from, rows.values());
        for (int r = 0; r <= lastRow; r++) {
            SourceWorkbook.SourceRow sourceRow = rows.get(r);
            NavigableMap<Integer, Marked> rowMarks = marksByRow.getOrDefault(r, Collections.emptyNavigableMap());
            if (sourceRow == null && rowMarks.isEmpty()) {
                continue;
            }
            Row targetRow = to.createRow(r);
            NavigableMap<Integer, SourceWorkbook.SourceCell> cells = new TreeMap<>();
            if (sourceRow != null) {
                if (sourceRow.height() >= 0) {
                    targetRow.setHeight(sourceRow.height());
                }
                Float height = needed.get(r);
                if (height != null && height > targetRow.getHeightInPoints()) {
                    targetRow.setHeightInPoints(height);
                }
                targetRow.setZeroHeight(sourceRow.hidden());
                sourceRow.cells().stream().filter((cell) -> cell.column() < MAX_COLUMNS)
                    .forEach((cell) -> cells.put(cell.column(), cell));
            }
            rowMarks.keySet().forEach((column) -> cells.putIfAbsent(column, null));
            for (Map.Entry<Integer, SourceWorkbook.SourceCell> entry : cells.entrySet()) {
                int c = entry.getKey();
                SourceWorkbook.SourceCell sourceCell = entry.getValue();
                Marked marked = rowMarks.get(c);
                Cell targetCell = targetRow.createCell(c);
                boolean quoted = (sourceCell != null) && copyValue(sourceCell.value(), targetCell);
                boolean longText = (sourceCell != null) && sourceCell.value() instanceof String text
                        && text.length() > LONG_TEXT;
                SourceStyle sourceStyle = sourceStyle((sourceCell != null) ? sourceCell.style() : 0);
                targetCell.setCellStyle(style(sourceStyle, (marked != null) ? marked.mark() : Mark.NONE, quoted,
                        longText));
                if (marked != null) {
                    comment(drawing, targetCell, marked.findings());
                }
                lastColumn = Math.max(lastColumn, c);
            }
        }
        for (int c = 0; c <= lastColumn; c++) {
            Integer width = from.columnWidths().get(c);
            if (width != null) {
                to.setColumnWidth(c, Math.min(width, 255 * 256));
            }
            if (from.hiddenColumns().contains(c)) {
                to.setColumnHidden(c, true);
            }
        }
        for (CellRangeAddress region : from.merges()) {
            if (region.getFirstRow() <= lastSourceRow && region.getNumberOfCells() > 1) {
                to.addMergedRegionUnsafe(region.copy());
            }
        }
        to.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        to.getPrintSetup().setLandscape(true);
        // department sheets are often wider than a page: print them one page wide, as many pages long as needed
        to.setFitToPage(true);
        to.getPrintSetup().setFitWidth((short) 1);
        to.getPrintSetup().setFitHeight((short) 0);
    }

    /**
     * The height in points each row needs for its wrapped text: a department's rows often carry the default height
     * (or one set for shorter text), and a viewer does not grow them when printing, so long measures would run over
     * the rows below. A merged cell's text has the merged columns' width and is shared by the merged rows.
     */
    private Map<Integer, Float> neededHeights(SourceWorkbook.SourceSheet from,
            java.util.Collection<SourceWorkbook.SourceRow> rows) {
        Map<Integer, Float> needed = new HashMap<>();
        Map<CellAddress, CellRangeAddress> mergedFrom = new HashMap<>();
        from.merges().forEach((merge) -> mergedFrom.put(new CellAddress(merge.getFirstRow(), merge.getFirstColumn()), merge));
        for (SourceWorkbook.SourceRow row : rows) {
            if (row.hidden()) {
                continue;
            }
            for (SourceWorkbook.SourceCell cell : row.cells()) {
                if (!(cell.value() instanceof String text) || text.isBlank() || cell.column() >= MAX_COLUMNS) {
                    continue;
                }
                SourceStyle style = sourceStyle(cell.style());
                if (!style.wrapped) {
                    continue;
                }
                // the other cells of a merged range are empty in the source: only its top-left cell holds text
                CellRangeAddress region = mergedFrom.getOrDefault(new CellAddress(row.index(), cell.column()),
                        new CellRangeAddress(row.index(), row.index(), cell.column(), cell.column()));
                double units = 0;
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    Integer width = from.columnWidths().get(c);
                    units += from.hiddenColumns().contains(c) ? 0 : (width != null) ? width / 256.0 : DEFAULT_COLUMN_UNITS;
                }
                double points = style.points();
                int spanned = region.getLastRow() - region.getFirstRow() + 1;
                float each = WrappedText.height(text, units, points) / spanned;
                for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                    needed.merge(r, each, Math::max);
                }
            }
        }
        return needed;
    }

    /**
     * Cells to mark: a finding without a column marks the first cell of its row; a cell inside a merged range
     * (a problem merged over its measures) marks the range's visible top-left cell.
     */
    private static Map<CellAddress, Marked> marks(String sheet, List<Finding> findings, List<CellRangeAddress> merged) {
        Map<CellAddress, List<Finding>> byCell = new LinkedHashMap<>();
        for (Finding finding : findings) {
            if (sheet.equals(finding.sheet()) && finding.row() != null && finding.row() >= 1) {
                int row = finding.row() - 1;
                int column = (finding.columnIndex() != null) ? finding.columnIndex() : 0;
                for (CellRangeAddress region : merged) {
                    if (region.isInRange(row, column)) {
                        row = region.getFirstRow();
                        column = region.getFirstColumn();
                        break;
                    }
                }
                byCell.computeIfAbsent(new CellAddress(row, column), (key) -> new ArrayList<>()).add(finding);
            }
        }
        return byCell.entrySet()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey,
                    (entry) -> new Marked(entry.getValue().stream().anyMatch(Finding::isError) ? Mark.ERROR
                            : Mark.WARNING, entry.getValue()),
                    (a, b) -> a, LinkedHashMap::new));
    }

    private void comment(Drawing<?> drawing, Cell cell, List<Finding> findings) {
        String text = findings.stream()
            .map((finding) -> Messages.get("check.notice.comment", finding.severity().label(), finding.message(),
                    (finding.expected() != null) ? finding.expected() : ""))
            .collect(Collectors.joining("\n"));
        ClientAnchor anchor = this.target.getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 5);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 3 + 2 * findings.size());
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(this.target.getCreationHelper().createRichTextString(CellText.fit(text)));
        comment.setAuthor(Messages.get("check.notice.author"));
        // a streamed cell only remembers its comment: the comment itself must say which cell it belongs to
        comment.setAddress(cell.getRowIndex(), cell.getColumnIndex());
        cell.setCellComment(comment);
    }

    /** Copies the value (a formula as its last result); true when the text could be taken for a formula. */
    private static boolean copyValue(Object value, Cell to) {
        if (value instanceof String text) {
            // Excel writes no longer cell, but a hand-made .xlsx can: cut it rather than lose the whole sheet
            to.setCellValue(CellText.fit(text));
            return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
        }
        if (value instanceof Double number) {
            to.setCellValue(number);
        }
        else if (value instanceof Boolean bool) {
            to.setCellValue(bool);
        }
        else {
            to.setBlank();
        }
        return false;
    }

    private XSSFCellStyle style(SourceStyle source, Mark mark, boolean quoted, boolean longText) {
        CellStyle from = source.style;
        boolean wrapped = source.wrapped || longText;
        return this.styles.computeIfAbsent(new StyleKey(from.getIndex(), mark, quoted, wrapped), (key) -> {
            XSSFCellStyle style = (XSSFCellStyle) this.target.createCellStyle();
            style.setFont(font(from.getFontIndex()));
            style.setAlignment(from.getAlignment());
            style.setVerticalAlignment(from.getVerticalAlignment());
            style.setWrapText(wrapped);
            style.setIndention(from.getIndention());
            style.setRotation(from.getRotation());
            style.setBorderTop(from.getBorderTop());
            style.setBorderBottom(from.getBorderBottom());
            style.setBorderLeft(from.getBorderLeft());
            style.setBorderRight(from.getBorderRight());
            String format = from.getDataFormatString();
            style.setDataFormat(this.target.createDataFormat().getFormat((format != null) ? format : "General"));
            style.setQuotePrefixed(quoted || from.getQuotePrefixed());
            byte[] fill = switch (mark) {
                case ERROR -> NoticeFindingsSheet.ERROR_FILL;
                case WARNING -> NoticeFindingsSheet.WARNING_FILL;
                case NONE -> (from.getFillPattern() == FillPatternType.SOLID_FOREGROUND)
                        ? rgb(from.getFillForegroundColorColor(), from) : null;
            };
            if (fill != null) {
                style.setFillForegroundColor(new XSSFColor(fill, null));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            return style;
        });
    }

    private SourceStyle sourceStyle(int index) {
        return this.sourceStyles.computeIfAbsent(index, (key) -> new SourceStyle(this.source.styleAt(key)));
    }

    /**
     * A style of the source as the copy reads it, looked up once per style index: POI builds a new style object at
     * every lookup and reads each property out of the style's XML, and a sheet asks for its few styles at every
     * cell, twice (for the row heights, then for the copy).
     */
    private final class SourceStyle {

        private final CellStyle style;

        private final boolean wrapped;

        private double points = -1;

        SourceStyle(CellStyle style) {
            this.style = style;
            this.wrapped = style.getWrapText();
        }

        /** The font size in points, at least 1; read when first asked, since only wrapped text needs it. */
        double points() {
            if (this.points < 0) {
                this.points = Math.max(MarkedSheetCopier.this.source.fontAt(this.style.getFontIndex())
                    .getFontHeightInPoints(), 1);
            }
            return this.points;
        }

    }

    private XSSFFont font(int index) {
        return this.fonts.computeIfAbsent(index, (key) -> {
            Font from = this.source.fontAt(index);
            XSSFFont font = (XSSFFont) this.target.createFont();
            font.setFontName(from.getFontName());
            font.setFontHeight(from.getFontHeight());
            font.setBold(from.getBold());
            font.setItalic(from.getItalic());
            font.setUnderline(from.getUnderline());
            font.setStrikeout(from.getStrikeout());
            if (from.getColor() != Font.COLOR_NORMAL && from.getColor() != 0) {
                font.setColor(from.getColor());
            }
            return font;
        });
    }

    private static byte[] rgb(Color color, CellStyle style) {
        if (color instanceof XSSFColor xssf && xssf.getRGB() != null) {
            return xssf.getRGB();
        }
        if (color instanceof HSSFColor hssf && style instanceof HSSFCellStyle) {
            short[] triplet = hssf.getTriplet();
            return new byte[] { (byte) triplet[0], (byte) triplet[1], (byte) triplet[2] };
        }
        return null;
    }

    private String name(String sheetName) {
        String name = WorkbookUtil.createSafeSheetName(sheetName);
        int suffix = 2;
        String candidate = name;
        // by index, not getSheet: the findings sheet is not a streamed sheet, and SXSSF's getSheet does not see it
        while (this.target.getSheetIndex(candidate) >= 0) {
            String tail = "(" + suffix++ + ")";
            candidate = name.substring(0, Math.min(name.length(), 31 - tail.length())) + tail;
        }
        return candidate;
    }

}
