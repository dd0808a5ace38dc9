package org.rectification.ledger.sheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.rectification.ledger.system.Messages;

/**
 * Reads one department's workbook (.xlsx, .xlsm or .xls, told apart by its bytes): everything the product takes
 * from a department's file comes from here. {@link #read} gives the {@link ReadSubmission} the checks see:
 * every visible sheet with a recognisable header becomes a {@link SheetTable}, the others are listed as skipped
 * with their reason, and the lines around the tables give title, unit, date and signatures. Hostile or broken
 * files fail fast with a {@link SheetReadException} naming the file. {@link #readForNotice} gives the same
 * file's sheets as a return notice copies them.
 */
public final class SubmissionReader {

    private static final Set<String> INSTRUCTION_SHEETS = Set.of("填表说明", "填报说明", "说明", "使用说明", "填写说明",
            "填表须知");

    private final ReadSettings settings;

    private final ReadSettings.Limits limits;

    private final HeaderDetector headers;

    private final TableReader tables;

    private final SignatureBlockReader signatures;

    private final HeadingReader headings;

    public SubmissionReader(ReadSettings settings) {
        this.settings = settings;
        this.limits = (settings.limits() != null) ? settings.limits() : ReadSettings.Limits.defaults();
        Placeholders placeholders = new Placeholders(settings.placeholders());
        DeadlineParser deadlines = new DeadlineParser(settings);
        BlockLabels labels = new BlockLabels(settings.signerLabels());
        this.headers = new HeaderDetector(new HeaderNames(settings.extraAliases()));
        this.tables = new TableReader(placeholders, deadlines, labels);
        this.signatures = new SignatureBlockReader(labels, placeholders);
        this.headings = new HeadingReader(labels, placeholders, deadlines);
    }

    /**
     * @throws SheetReadException with a {@link ReadFailure} when the file cannot be read as a submission
     */
    public ReadSubmission read(Path file) {
        checkSize(file);
        SpreadsheetFormat format = FormatSniffer.sniff(file);
        WorkbookOutline outline;
        if (format == SpreadsheetFormat.OOXML) {
            guardZip();
            outline = new OoxmlInspector(file, this.limits).inspect();
        }
        else {
            outline = new BiffInspector(file).inspect();
        }
        if (outline.productMark() != null) {
            throw ReadFailures.failure(ReadFailure.OWN_OUTPUT, file, "sheet.own-output",
                    ProductMark.Kind.label(outline.productMark()));
        }
        List<SkippedSheet> skipped = new ArrayList<>();
        List<Integer> visible = new ArrayList<>();
        for (WorkbookOutline.SheetOutline sheet : outline.sheets()) {
            if (sheet.hidden()) {
                skipped.add(new SkippedSheet(sheet.name(), Messages.get("sheet.skipped.hidden")));
            }
            else if (INSTRUCTION_SHEETS.contains(TextForms.key(sheet.name()))) {
                skipped.add(new SkippedSheet(sheet.name(), Messages.get("sheet.skipped.instructions")));
            }
            else {
                visible.add(sheet.index());
            }
        }
        Map<Integer, RawSheet> raw = new EasyExcelSheetSource(file, format, this.limits).read(visible);
        Assembly assembly = new Assembly();
        for (WorkbookOutline.SheetOutline sheet : outline.sheets()) {
            if (!visible.contains(sheet.index())) {
                continue;
            }
            RawSheet cells = raw.getOrDefault(sheet.index(), RawSheet.empty(sheet.index(), sheet.name()));
            SheetGrid grid = new SheetGrid(cells, sheet.pictures(), outline.cellImageIds());
            HeaderDetector.Header header = this.headers.detect(grid);
            if (header == null) {
                skipped.add(new SkippedSheet(sheet.name(), Messages.get("sheet.skipped.no-header",
                        String.valueOf(HeaderDetector.SEARCH_ROWS))));
                continue;
            }
            assembly.add(grid, header);
        }
        if (assembly.tables.isEmpty()) {
            throw ReadFailures.failure(ReadFailure.NO_HEADER, file, "sheet.no-header",
                    HeaderDetector.SEARCH_ROWS);
        }
        skipped.sort((a, b) -> Integer.compare(position(outline, a.sheet()), position(outline, b.sheet())));
        return new ReadSubmission(file, format, List.copyOf(assembly.tables), List.copyOf(skipped), assembly.title,
                assembly.unit, assembly.filledDate, List.copyOf(assembly.marks));
    }

    /**
     * The sheets of a department's file as a return notice copies them (cell values, styles, row heights, column
     * widths, merges), where {@link #read} gives what the checks see of the same file. An .xlsx is streamed part
     * by part; an .xls, which is small, is read whole. Needs none of the reader's settings: the notice copies what
     * is there.
     * @param file an .xlsx, .xlsm or .xls
     * @param wanted which sheets, by name and visibility
     * @param maxRows rows read per sheet at most
     * @param maxColumns cells read per row at most
     * @throws IOException or a {@link SheetReadException} when the file cannot be opened
     */
    public static SourceWorkbook readForNotice(Path file, SourceWorkbook.SheetChoice wanted, int maxRows,
            int maxColumns) throws IOException {
        return SourceWorkbook.read(file, wanted, maxRows, maxColumns);
    }

    private static int position(WorkbookOutline outline, String sheet) {
        return outline.sheets().stream().filter((s) -> s.name().equals(sheet)).mapToInt(
                WorkbookOutline.SheetOutline::index).findFirst().orElse(Integer.MAX_VALUE);
    }

    private void checkSize(Path file) {
        long size;
        try {
            size = Files.size(file);
        }
        catch (IOException ex) {
            throw ReadFailures.failure(ReadFailure.UNREADABLE, file, ex, "sheet.unreadable",
                    FormatSniffer.describe(ex));
        }
        if (!Files.isRegularFile(file)) {
            // a FIFO, socket or device: opening a FIFO would block
            throw ReadFailures.failure(ReadFailure.NOT_A_SPREADSHEET, file, "sheet.not-a-spreadsheet");
        }
        if (size == 0) {
            throw ReadFailures.failure(ReadFailure.NOT_A_SPREADSHEET, file, "sheet.empty-file");
        }
        if (size > this.limits.maxFileBytes()) {
            throw ReadFailures.failure(ReadFailure.TOO_LARGE, file, "sheet.too-large.file", size,
                    this.limits.maxFileBytes());
        }
    }

    /** POI's own zip-bomb guard, used by the streaming read; it is JVM-wide, so set before every read. */
    private void guardZip() {
        ZipSecureFile.setMinInflateRatio(this.limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(this.limits.maxEntryBytes());
    }

    /** Gathers the tables of one submission and the lines around them. */
    private final class Assembly {

        private final List<SheetTable> tables = new ArrayList<>();

        private final List<SignatureMark> marks = new ArrayList<>();

        private String title;

        private String unit;

        private LocalDate filledDate;

        void add(SheetGrid grid, HeaderDetector.Header header) {
            TableReader.Result result = SubmissionReader.this.tables.read(grid, header);
            this.tables.add(result.table());
            this.marks.addAll(SubmissionReader.this.signatures.read(grid, result.endRow()));
            HeadingReader headings = SubmissionReader.this.headings;
            if (this.title == null) {
                this.title = headings.title(grid, header.firstRow());
            }
            if (this.unit == null) {
                this.unit = headings.declaredUnit(grid, header.firstRow());
            }
            if (this.filledDate == null) {
                this.filledDate = headings.filledDate(grid, 0, header.firstRow() - 1);
            }
            if (this.filledDate == null) {
                this.filledDate = headings.filledDate(grid, result.endRow(), grid.lastRow());
            }
        }

    }

}
