package org.rectification.ledger.sheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The department's sheets as a return notice copies them: cell values (a formula as its last result), style
 * indexes, row heights, column widths, merges and which sheets are visible. An .xlsx is streamed part by part
 * (its sheets never become POI's XML object model, which costs many times the file's size); an .xls is small
 * and read with HSSF. Opened through {@link SubmissionReader#readForNotice}, beside the read for the checks, so
 * the same file is told apart by its bytes and its sheets' visibility decided in one place.
 */
public final class SourceWorkbook implements Closeable {

    /** One value of a cell: text, a number, true/false, or nothing (a styled empty cell). */
    public record SourceCell(int column, Object value, int style) {
    }

    /** @param height the row height in twips, or -1 for the sheet's default */
    public record SourceRow(int index, short height, boolean hidden, List<SourceCell> cells) {
    }

    public record SourceSheet(String name, boolean visible, List<SourceRow> rows, List<CellRangeAddress> merges,
            Map<Integer, Integer> columnWidths, Set<Integer> hiddenColumns) {
    }

    private final List<SourceSheet> sheets;

    private final Styles styles;

    private final Closeable resources;

    /** The source's cell styles and fonts by index, as the copy asks for them. */
    private record Styles(IntFunction<? extends CellStyle> styles, IntFunction<? extends Font> fonts) {
    }

    private SourceWorkbook(List<SourceSheet> sheets, Styles styles, Closeable resources) {
        this.sheets = sheets;
        this.styles = styles;
        this.resources = resources;
    }

    /**
     * Reads the sheets to copy.
     * @param file an .xlsx, .xlsm or .xls
     * @param wanted which sheets, by name and visibility
     * @param maxRows rows read per sheet at most
     * @param maxColumns cells read per row at most
     */
    static SourceWorkbook read(Path file, SheetChoice wanted, int maxRows, int maxColumns) throws IOException {
        if (FormatSniffer.sniff(file) == SpreadsheetFormat.BIFF8) {
            return readBiff(file, wanted, maxRows, maxColumns);
        }
        return readOoxml(file, wanted, maxRows, maxColumns);
    }

    /** Chooses the sheets to copy from their name and visibility. */
    @FunctionalInterface
    public interface SheetChoice {

        boolean wants(String name, boolean visible);

    }

    public List<SourceSheet> sheets() {
        return this.sheets;
    }

    public CellStyle styleAt(int index) {
        return this.styles.styles().apply(index);
    }

    public Font fontAt(int index) {
        return this.styles.fonts().apply(index);
    }

    @Override
    public void close() throws IOException {
        this.resources.close();
    }

    // --- .xls: HSSF, small files ---

    private static SourceWorkbook readBiff(Path file, SheetChoice wanted, int maxRows, int maxColumns)
            throws IOException {
        HSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = new HSSFWorkbook(in);
        }
        try {
            List<SourceSheet> sheets = new ArrayList<>();
            for (Sheet sheet : workbook) {
                int index = workbook.getSheetIndex(sheet);
                boolean visible = !workbook.isSheetHidden(index) && !workbook.isSheetVeryHidden(index);
                if (wanted.wants(sheet.getSheetName(), visible)) {
                    sheets.add(biffSheet(sheet, visible, maxRows, maxColumns));
                }
            }
            return new SourceWorkbook(sheets, new Styles(workbook::getCellStyleAt, workbook::getFontAt), workbook);
        }
        catch (RuntimeException ex) {
            workbook.close();
            throw ex;
        }
    }

    private static SourceSheet biffSheet(Sheet sheet, boolean visible, int maxRows, int maxColumns) {
        List<SourceRow> rows = new ArrayList<>();
        int lastColumn = -1;
        for (Row row : sheet) {
            if (row.getRowNum() >= maxRows) {
                break;
            }
            List<SourceCell> cells = new ArrayList<>();
            for (Cell cell : row) {
                if (cell.getColumnIndex() >= maxColumns) {
                    break;
                }
                cells.add(new SourceCell(cell.getColumnIndex(), biffValue(cell), cell.getCellStyle().getIndex()));
                lastColumn = Math.max(lastColumn, cell.getColumnIndex());
            }
            short height = (row.getHeight() != sheet.getDefaultRowHeight()) ? row.getHeight() : -1;
            rows.add(new SourceRow(row.getRowNum(), height, row.getZeroHeight(), cells));
        }
        Map<Integer, Integer> widths = new HashMap<>();
        Set<Integer> hidden = new HashSet<>();
        for (int c = 0; c <= lastColumn; c++) {
            widths.put(c, sheet.getColumnWidth(c));
            if (sheet.isColumnHidden(c)) {
                hidden.add(c);
            }
        }
        return new SourceSheet(sheet.getSheetName(), visible, rows, sheet.getMergedRegions(), widths, hidden);
    }

    private static Object biffValue(Cell cell) {
        CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> cell.getNumericCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            case ERROR -> errorText(cell.getErrorCellValue());
            default -> null;
        };
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        }
        catch (IllegalArgumentException ex) {
            return "#N/A";
        }
    }

    // --- .xlsx: the parts streamed with SAX ---

    private static SourceWorkbook readOoxml(Path file, SheetChoice wanted, int maxRows, int maxColumns)
            throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            List<String> strings = sharedStrings(pkg);
            SheetListHandler entries = new SheetListHandler();
            try (InputStream workbook = reader.getWorkbookData()) {
                SecureXml.parse(workbook, entries);
            }
            List<SourceSheet> sheets = new ArrayList<>();
            for (SheetListHandler.Entry entry : entries.entries()) {
                String name = entry.name();
                boolean visible = !entry.hidden();
                if (entry.relationshipId() == null || !wanted.wants(name, visible)) {
                    continue;
                }
                SheetHandler handler = new SheetHandler(strings, maxRows, maxColumns);
                try (InputStream sheet = reader.getSheet(entry.relationshipId())) {
                    SecureXml.parse(sheet, handler);
                }
                sheets.add(new SourceSheet(name, visible, handler.rows, handler.merges, handler.widths,
                        handler.hiddenColumns));
            }
            // the styles table is parsed into memory: nothing stays open once the package is closed
            return new SourceWorkbook(sheets, new Styles(styles::getStyleAt, styles::getFontAt), () -> {
            });
        }
        catch (OpenXML4JException | SAXException ex) {
            throw new IOException("Cannot read " + file.getFileName() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * The column of a cell reference, as CellReference reads it. Excel writes every reference as capital letters and
     * a row number ("AB12"): those are read here, since CellReference matches each against a regular expression
     * (2 to 3 % of the CPU of writing a return notice). Anything else (a sheet name, $ markers, lower case, an odd
     * file) is left to CellReference, failures and all.
     */
    static int columnIndex(String ref) {
        int letters = 0;
        int column = 0;
        while (letters < ref.length() && ref.charAt(letters) >= 'A' && ref.charAt(letters) <= 'Z') {
            column = column * 26 + (ref.charAt(letters) - 'A' + 1);
            letters++;
        }
        int digits = ref.length() - letters;
        // at most 3 letters and 7 digits (XFD1048576 is the last cell): no overflow, and the row parses as an int
        boolean plain = letters >= 1 && letters <= 3 && digits >= 1 && digits <= 7;
        for (int i = letters; plain && i < ref.length(); i++) {
            plain = ref.charAt(i) >= '0' && ref.charAt(i) <= '9';
        }
        return plain ? column - 1 : new CellReference(ref).getCol();
    }

    /** The shared strings as plain text (phonetic runs left out), without POI's rich-text objects. */
    private static List<String> sharedStrings(OPCPackage pkg) throws IOException, SAXException {
        List<String> strings = new ArrayList<>();
        for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
            try (InputStream in = part.getInputStream()) {
                SecureXml.parse(in, new SharedStringsHandler(strings));
            }
        }
        return strings;
    }

    /** Collects each string item's text: the runs' texts, not the phonetic guide. */
    private static final class SharedStringsHandler extends DefaultHandler {

        private final List<String> strings;

        private final StringBuilder text = new StringBuilder();

        private boolean inText;

        private boolean inPhonetic;

        SharedStringsHandler(List<String> strings) {
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> this.text.setLength(0);
                case "rPh" -> this.inPhonetic = true;
                case "t" -> this.inText = !this.inPhonetic;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (this.inText) {
                this.text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "si" -> this.strings.add(this.text.toString());
                case "rPh" -> this.inPhonetic = false;
                case "t" -> this.inText = false;
                default -> {
                }
            }
        }

    }

    /** Collects a worksheet's rows, cells, column widths and merges. */
    private static final class SheetHandler extends DefaultHandler {

        private final List<String> strings;

        private final int maxRows;

        private final int maxColumns;

        private final List<SourceRow> rows = new ArrayList<>();

        private final List<CellRangeAddress> merges = new ArrayList<>();

        private final Map<Integer, Integer> widths = new HashMap<>();

        private final Set<Integer> hiddenColumns = new HashSet<>();

        private final StringBuilder text = new StringBuilder();

        private short defaultHeight = -1;

        private List<SourceCell> cells;

        private int rowIndex = -1;

        private int nextColumn;

        private int cellColumn;

        private int cellStyle;

        private String cellType;

        private boolean inValue;

        private boolean inInlineText;

        private String value;

        SheetHandler(List<String> strings, int maxRows, int maxColumns) {
            this.strings = strings;
            this.maxRows = maxRows;
            this.maxColumns = maxColumns;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "sheetFormatPr" -> {
                    String height = attributes.getValue("defaultRowHeight");
                    if (height != null) {
                        this.defaultHeight = twips(height);
                    }
                }
                case "col" -> column(attributes);
                case "row" -> startRow(attributes);
                case "c" -> startCell(attributes);
                case "v" -> {
                    this.inValue = true;
                    this.text.setLength(0);
                }
                case "is" -> this.text.setLength(0);
                case "t" -> this.inInlineText = "inlineStr".equals(this.cellType);
                case "mergeCell" -> {
                    String ref = attributes.getValue("ref");
                    if (ref != null && ref.contains(":")) {
                        this.merges.add(CellRangeAddress.valueOf(ref));
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (this.inValue || this.inInlineText) {
                this.text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> {
                    this.inValue = false;
                    this.value = this.text.toString();
                }
                case "t" -> this.inInlineText = false;
                case "is" -> this.value = this.text.toString();
                case "c" -> endCell();
                case "row" -> this.cells = null;
                default -> {
                }
            }
        }

        private void column(Attributes attributes) {
            int min = Integer.parseInt(attributes.getValue("min")) - 1;
            int max = Math.min(Integer.parseInt(attributes.getValue("max")) - 1, this.maxColumns - 1);
            String width = attributes.getValue("width");
            boolean hidden = isTrue(attributes.getValue("hidden"));
            for (int c = min; c <= max; c++) {
                if (width != null) {
                    this.widths.put(c, (int) (Double.parseDouble(width) * 256));
                }
                if (hidden) {
                    this.hiddenColumns.add(c);
                }
            }
        }

        private void startRow(Attributes attributes) {
            String r = attributes.getValue("r");
            this.rowIndex = (r != null) ? Integer.parseInt(r) - 1 : this.rowIndex + 1;
            this.nextColumn = 0;
            if (this.rowIndex >= this.maxRows) {
                this.cells = null;
                return;
            }
            String height = attributes.getValue("ht");
            short twips = (height != null) ? twips(height) : -1;
            this.cells = new ArrayList<>();
            this.rows.add(new SourceRow(this.rowIndex, (twips == this.defaultHeight) ? -1 : twips,
                    isTrue(attributes.getValue("hidden")), this.cells));
        }

        private void startCell(Attributes attributes) {
            String ref = attributes.getValue("r");
            this.cellColumn = (ref != null) ? columnIndex(ref) : this.nextColumn;
            this.nextColumn = this.cellColumn + 1;
            String style = attributes.getValue("s");
            this.cellStyle = (style != null) ? Integer.parseInt(style) : 0;
            this.cellType = attributes.getValue("t");
            this.value = null;
        }

        private void endCell() {
            if (this.cells == null || this.cellColumn >= this.maxColumns) {
                return;
            }
            this.cells.add(new SourceCell(this.cellColumn, cellValue(), this.cellStyle));
        }

        /** The cell's value by its type: shared or inline text, a formula's text result, true/false, an error, a number. */
        private Object cellValue() {
            if (this.value == null) {
                return null;
            }
            String type = (this.cellType != null) ? this.cellType : "n";
            return switch (type) {
                case "s" -> sharedString(this.value);
                case "inlineStr", "str", "e", "d" -> this.value;
                case "b" -> "1".equals(this.value.trim()) || "true".equalsIgnoreCase(this.value.trim());
                default -> number(this.value);
            };
        }

        private String sharedString(String index) {
            int i = Integer.parseInt(index.trim());
            return (i >= 0 && i < this.strings.size()) ? this.strings.get(i) : "";
        }

        private static Object number(String text) {
            try {
                return Double.parseDouble(text.trim());
            }
            catch (NumberFormatException ex) {
                return text;
            }
        }

        private static short twips(String points) {
            return (short) Math.round(Double.parseDouble(points) * 20);
        }

        private static boolean isTrue(String flag) {
            return "1".equals(flag) || "true".equalsIgnoreCase(flag);
        }

    }

}
