package org.rectification.ledger.sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.ExcelReader;
import com.alibaba.excel.cache.ReadCache;
import com.alibaba.excel.context.AnalysisContext;
import com.alibaba.excel.enums.CellExtraTypeEnum;
import com.alibaba.excel.enums.ReadDefaultReturnEnum;
import com.alibaba.excel.metadata.CellExtra;
import com.alibaba.excel.metadata.data.DataFormatData;
import com.alibaba.excel.metadata.data.ReadCellData;
import com.alibaba.excel.read.listener.ReadListener;
import com.alibaba.excel.read.metadata.ReadSheet;
import com.alibaba.excel.support.ExcelTypeEnum;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The one place EasyExcel is used for reading: streams the cells of the chosen sheets as raw cell data
 * (so date cells, numbers and text stay apart) together with their merged ranges, which EasyExcel delivers
 * only after a sheet's rows. Rows and columns beyond the limits stop the read with
 * {@link ReadFailure#TOO_LARGE}.
 */
final class EasyExcelSheetSource {

    private final Path file;

    private final SpreadsheetFormat format;

    private final ReadSettings.Limits limits;

    /** Makes the workbook's budget when the read starts: half the heap, or a small one in tests. */
    private final Supplier<ReadBudget> budgets;

    EasyExcelSheetSource(Path file, SpreadsheetFormat format, ReadSettings.Limits limits) {
        this(file, format, limits, () -> ReadBudget.ofHeap(file));
    }

    EasyExcelSheetSource(Path file, SpreadsheetFormat format, ReadSettings.Limits limits,
            Supplier<ReadBudget> budgets) {
        this.file = file;
        this.format = format;
        this.limits = limits;
        this.budgets = budgets;
    }

    /** The given sheets (zero-based workbook positions), keyed by position, in workbook order. */
    Map<Integer, RawSheet> read(List<Integer> sheetIndexes) {
        Map<Integer, RawSheet> sheets = new LinkedHashMap<>();
        if (sheetIndexes.isEmpty()) {
            return sheets;
        }
        ReadBudget budget = this.budgets.get();
        StringTable strings = new StringTable(budget);
        CellCollector collector = new CellCollector(sheets, strings, budget);
        BudgetedStringCache shared = new BudgetedStringCache(budget);
        ExcelReader reader = null;
        boolean read = false;
        try {
            reader = EasyExcel.read(this.file.toFile(), collector)
                .excelType((this.format == SpreadsheetFormat.BIFF8) ? ExcelTypeEnum.XLS : ExcelTypeEnum.XLSX)
                .headRowNumber(0)
                .readDefaultReturn(ReadDefaultReturnEnum.READ_CELL_DATA)
                .extraRead(CellExtraTypeEnum.MERGE)
                .ignoreEmptyRow(true)
                .readCache(shared)
                .autoCloseStream(true)
                .build();
            List<ReadSheet> chosen = new ArrayList<>();
            for (Integer index : sheetIndexes) {
                chosen.add(EasyExcel.readSheet(index).build());
            }
            reader.read(chosen);
            read = true;
        }
        catch (RuntimeException ex) {
            throw translate(ex);
        }
        catch (OutOfMemoryError ex) {
            // what the cells took is garbage now: the file is set aside, the night goes on
            sheets.clear();
            throw ReadBudget.tooLarge(this.file);
        }
        finally {
            if (reader != null) {
                try {
                    reader.finish();
                }
                catch (RuntimeException ignored) {
                    // the read already failed or finished; closing is best effort
                }
            }
            // the shared strings are only needed while the rows are read; a failed read's cells are not needed at all
            shared.destroy();
            if (!read) {
                strings.close();
                sheets.values().forEach(RawSheet::close);
            }
        }
        strings.freeze();
        sheets.values().forEach(RawSheet::freeze);
        return sheets;
    }

    private SheetReadException translate(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SheetReadException known) {
                return known;
            }
            if (cause instanceof EncryptedDocumentException) {
                return ReadFailures.failure(ReadFailure.ENCRYPTED, this.file, ex, "sheet.encrypted");
            }
            if (cause instanceof IOException && String.valueOf(cause.getMessage()).contains("Zip bomb")) {
                return ReadFailures.failure(ReadFailure.TOO_LARGE, this.file, ex, "sheet.too-large.zip-bomb");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return ReadFailures.failure(ReadFailure.UNREADABLE, this.file, ex, "sheet.unreadable",
                FormatSniffer.describe(root));
    }

    static CellValue toValue(ReadCellData<?> cell) {
        String formula = (cell.getFormulaData() != null) ? cell.getFormulaData().getFormulaValue() : null;
        if (cell.getType() == null) {
            return (formula != null) ? new CellValue("", null, null, formula) : null;
        }
        switch (cell.getType()) {
            case NUMBER -> {
                BigDecimal number = cell.getNumberValue();
                if (number == null) {
                    return null;
                }
                if (isDateFormat(cell.getDataFormatData()) && DateUtil.isValidExcelDate(number.doubleValue())) {
                    LocalDate date = DateUtil.getLocalDateTime(number.doubleValue()).toLocalDate();
                    return new CellValue(date.toString(), date, null, formula);
                }
                return new CellValue(plain(number), null, number, formula);
            }
            case BOOLEAN -> {
                Boolean value = cell.getBooleanValue();
                return (value != null) ? new CellValue(value ? "TRUE" : "FALSE", null, null, formula) : null;
            }
            case STRING, DIRECT_STRING, RICH_TEXT_STRING, ERROR -> {
                String text = cell.getStringValue();
                if ((text == null || text.isEmpty()) && formula == null) {
                    return null;
                }
                return new CellValue((text != null) ? text : "", null, null, formula);
            }
            default -> {
                return (formula != null) ? new CellValue("", null, null, formula) : null;
            }
        }
    }

    static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0) ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    private static boolean isDateFormat(DataFormatData format) {
        if (format == null || format.getIndex() == null) {
            return false;
        }
        String pattern = format.getFormat();
        if (pattern == null) {
            pattern = BuiltinFormats.getBuiltinFormat(format.getIndex());
        }
        return DateUtil.isADateFormat(format.getIndex(), pattern);
    }

    /**
     * The table of an .xlsx's shared strings EasyExcel looks cells up in, counted against the workbook's budget as
     * it fills: the table is read before any row, and a workbook of a few megabytes can unpack into more text than
     * the heap holds. Held as strings in heap until the budget says to spill; then they move to a scratch file
     * ({@link SpilledTexts}) and only their offsets stay. Gone when the read ends.
     */
    private static final class BudgetedStringCache implements ReadCache {

        private List<String> strings = new ArrayList<>();

        private long heldBytes;

        private SpilledTexts spilled;

        private final ReadBudget budget;

        BudgetedStringCache(ReadBudget budget) {
            this.budget = budget;
        }

        @Override
        public void init(AnalysisContext context) {
            // nothing to open: the strings stay in heap until they are many
        }

        @Override
        public void put(String value) {
            String text = (value != null) ? value : "";
            if (this.spilled != null) {
                this.spilled.add(text);
                return;
            }
            long bytes = ReadBudget.STRING_BYTES + 2L * text.length();
            this.budget.hold(bytes);
            this.heldBytes += bytes;
            this.strings.add(value);
            if (this.budget.shouldSpill()) {
                spill();
            }
        }

        private void spill() {
            SpilledTexts texts = new SpilledTexts(this.budget.spillFolder(), this.budget);
            this.spilled = texts;
            for (String value : this.strings) {
                texts.add((value != null) ? value : "");
            }
            this.strings = null;
            this.budget.release(this.heldBytes);
            this.heldBytes = 0;
        }

        /** Whether the strings went to disk. */
        boolean spilled() {
            return this.spilled != null;
        }

        @Override
        public String get(Integer key) {
            if (key == null || key < 0) {
                return null;
            }
            if (this.spilled != null) {
                // as the list would: an index past the table is a broken file
                return this.spilled.get(Objects.checkIndex(key, this.spilled.size()));
            }
            return this.strings.get(key);
        }

        @Override
        public void putFinished() {
            if (this.spilled != null) {
                this.spilled.trim();
            }
        }

        @Override
        public void destroy() {
            if (this.spilled != null) {
                this.spilled.close();
            }
            this.strings = null;
        }

    }

    /** Buffers the cells and merges of each sheet, enforcing the row and column limits as it goes. */
    private final class CellCollector implements ReadListener<Map<Integer, ReadCellData<?>>> {

        private final Map<Integer, RawSheet> sheets;

        private final StringTable strings;

        private final ReadBudget budget;

        /** Most rows the format holds, or the job file's limit when lower. */
        private final int maxRows;

        CellCollector(Map<Integer, RawSheet> sheets, StringTable strings, ReadBudget budget) {
            this.sheets = sheets;
            this.strings = strings;
            this.budget = budget;
            this.maxRows = Math.min(EasyExcelSheetSource.this.limits.maxRows(),
                    ReadSettings.Limits.formatRows(EasyExcelSheetSource.this.format));
        }

        private RawSheet sheet(AnalysisContext context) {
            Integer index = context.readSheetHolder().getSheetNo();
            String name = context.readSheetHolder().getSheetName();
            return this.sheets.computeIfAbsent(index, (i) -> new RawSheet(i, name, this.strings, this.budget));
        }

        @Override
        public void invoke(Map<Integer, ReadCellData<?>> row, AnalysisContext context) {
            RawSheet sheet = sheet(context);
            int rowIndex = context.readRowHolder().getRowIndex();
            for (Map.Entry<Integer, ReadCellData<?>> entry : row.entrySet()) {
                CellValue value = (entry.getValue() != null) ? toValue(entry.getValue()) : null;
                if (value == null) {
                    continue;
                }
                check(sheet, rowIndex, entry.getKey());
                sheet.put(rowIndex, entry.getKey(), value);
            }
        }

        private void check(RawSheet sheet, int row, int column) {
            if (row >= this.maxRows) {
                throw ReadFailures.failure(ReadFailure.TOO_LARGE, EasyExcelSheetSource.this.file, sheet.name(),
                        row + 1, null, null, "sheet.too-large.rows", sheet.name(), row + 1, this.maxRows);
            }
            if (column >= EasyExcelSheetSource.this.limits.maxColumns()) {
                String letter = new SheetColumn(column, null, null).letter();
                throw ReadFailures.failure(ReadFailure.TOO_LARGE, EasyExcelSheetSource.this.file, sheet.name(),
                        row + 1, letter, null, "sheet.too-large.columns", sheet.name(), row + 1, letter,
                        EasyExcelSheetSource.this.limits.maxColumns());
            }
        }

        @Override
        public void extra(CellExtra extra, AnalysisContext context) {
            if (extra.getType() != CellExtraTypeEnum.MERGE || extra.getFirstRowIndex() == null) {
                return;
            }
            RawSheet sheet = sheet(context);
            int firstRow = extra.getFirstRowIndex();
            int firstColumn = extra.getFirstColumnIndex();
            int lastRow = Math.min(extra.getLastRowIndex(), this.maxRows - 1);
            int lastColumn = Math.min(extra.getLastColumnIndex(), EasyExcelSheetSource.this.limits.maxColumns() - 1);
            if (firstRow <= lastRow && firstColumn <= lastColumn) {
                sheet.merge(new CellRange(firstRow, lastRow, firstColumn, lastColumn));
            }
        }

        @Override
        public void onException(Exception exception, AnalysisContext context) throws Exception {
            throw exception;
        }

        @Override
        public void doAfterAllAnalysed(AnalysisContext context) {
            sheet(context);
        }

    }

}
