package org.rectification.ledger.sheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A workbook past its in-heap share goes to scratch files (the shared strings, the distinct texts, the cells) and
 * reads back exactly as the same workbook held in heap; the scratch files leave nothing behind, whether the read
 * succeeds or fails. The budgets here are small so the workbooks can be.
 */
class SpilledSheetTests {

    private static final int ROWS = 3_000;

    @TempDir
    Path folder;

    @TempDir
    Path scratch;

    @ParameterizedTest
    @EnumSource(TestBook.Format.class)
    void aWorkbookPastItsInHeapShareIsSpilledAndReadsAsTheHeapReadsIt(TestBook.Format format) throws IOException {
        Path file = workbook(format);
        ReadBudget inHeap = new ReadBudget(file, Long.MAX_VALUE);
        ReadBudget spilling = new ReadBudget(file, Long.MAX_VALUE, 20_000, this.scratch);

        Map<Integer, RawSheet> held = source(file, format, inHeap).read(List.of(0, 1));
        Map<Integer, RawSheet> spilled = source(file, format, spilling).read(List.of(0, 1));

        assertThat(inHeap.spills()).isZero();
        // the shared strings (.xlsx only: .xls keeps its own), the texts and each sheet's cells move
        assertThat(spilling.spills()).isEqualTo((format == TestBook.Format.XLSX) ? 4 : 3);
        assertThat(spilled.get(0).spilled()).isTrue();
        assertThat(spilled.get(0).strings().spilled()).isTrue();
        assertThat(spilled.keySet()).isEqualTo(held.keySet());
        for (Integer index : held.keySet()) {
            RawSheet expected = held.get(index);
            RawSheet actual = spilled.get(index);
            assertThat(actual.name()).isEqualTo(expected.name());
            assertThat(actual.lastRow()).isEqualTo(expected.lastRow());
            assertThat(actual.cellCount()).isEqualTo(expected.cellCount());
            assertThat(actual.merges()).isEqualTo(expected.merges());
            for (int row = 0; row <= expected.lastRow(); row++) {
                assertThat(actual.row(row)).as("row %d of sheet %d", row + 1, index).isEqualTo(expected.row(row));
            }
            assertThat(actual.value(ROWS, 7)).isNull();
        }
        assertThat(scratchFiles()).isEmpty();
    }

    @Test
    void aSpilledSheetIsCheckedAsTheSameSheetHeldInHeap() throws IOException {
        Path file = workbook(TestBook.Format.XLSX);
        RawSheet held = source(file, TestBook.Format.XLSX, new ReadBudget(file, Long.MAX_VALUE)).read(List.of(0))
            .get(0);
        RawSheet spilled = source(file, TestBook.Format.XLSX,
                new ReadBudget(file, Long.MAX_VALUE, 20_000, this.scratch)).read(List.of(0)).get(0);

        SheetGrid heldGrid = new SheetGrid(held, Set.of(), Set.of());
        SheetGrid spilledGrid = new SheetGrid(spilled, Set.of(), Set.of());

        for (int row = 0; row <= held.lastRow(); row++) {
            for (int column = 0; column < 7; column++) {
                assertThat(spilledGrid.filled(row, column)).isEqualTo(heldGrid.filled(row, column));
            }
        }
    }

    @Test
    void scratchFilesAreGoneWhenAReadFailsPastTheWholeBudget() throws IOException {
        Path file = workbook(TestBook.Format.XLSX);
        ReadBudget budget = new ReadBudget(file, 150_000, 20_000, this.scratch);

        assertThatThrownBy(() -> source(file, TestBook.Format.XLSX, budget).read(List.of(0, 1)))
            .isInstanceOfSatisfying(SheetReadException.class,
                    (ex) -> assertThat(ex.failure()).isEqualTo(ReadFailure.TOO_LARGE));
        assertThat(budget.spills()).isPositive();
        assertThat(scratchFiles()).isEmpty();
    }

    @Test
    void aSpilledCellCanStillBeClearedOfItsText() {
        ReadBudget budget = new ReadBudget(null, Long.MAX_VALUE, 1_000, this.scratch);
        RawSheet sheet = new RawSheet(0, "表", new StringTable(budget), budget);
        for (int row = 0; row < 2_000; row++) {
            sheet.put(row, 0, CellValue.ofText("任务" + row));
            sheet.put(row, 1, new CellValue("", null, null, "_xlfn.DISPIMG(\"ID_" + row + "\",1)"));
        }
        sheet.freeze();

        sheet.clearText(sheet.cell(1_500, 0));

        assertThat(sheet.spilled()).isTrue();
        assertThat(sheet.value(1_500, 0)).isEqualTo(CellValue.ofText(""));
        assertThat(sheet.value(1_501, 0)).isEqualTo(CellValue.ofText("任务1501"));
        assertThat(sheet.value(1_500, 1).formula()).isEqualTo("_xlfn.DISPIMG(\"ID_1500\",1)");
        sheet.close();
        sheet.strings().close();
    }

    @Test
    void aSheetOutOfOrderPastTheInHeapShareIsTooLarge() {
        ReadBudget budget = new ReadBudget(Path.of("乱序.xlsx"), Long.MAX_VALUE, 1_000, this.scratch);
        RawSheet sheet = new RawSheet(0, "表", new StringTable(budget), budget);

        assertThatThrownBy(() -> {
            for (int row = 0; row < 2_000; row++) {
                sheet.put(3_000 - row, 0, CellValue.ofText("任务" + row));
            }
        }).isInstanceOfSatisfying(SheetReadException.class,
                (ex) -> assertThat(ex.failure()).isEqualTo(ReadFailure.TOO_LARGE));
    }

    private EasyExcelSheetSource source(Path file, TestBook.Format format, ReadBudget budget) {
        SpreadsheetFormat kind = (format == TestBook.Format.XLSX) ? SpreadsheetFormat.OOXML : SpreadsheetFormat.BIFF8;
        return new EasyExcelSheetSource(file, kind, ReadSettings.Limits.defaults(), () -> budget);
    }

    /** A task sheet of {@link #ROWS} rows with repeated and unique texts, dates, numbers, formulas and merges, and a
     * small second sheet. */
    private Path workbook(TestBook.Format format) {
        TestBook book = TestBook.of(format).sheet("整改台账");
        book.row(1, "整改任务清单");
        book.row(2, "序号", "任务编号", "单位", "问题", "完成时限", "进度", "公式");
        for (int r = 0; r < ROWS; r++) {
            int row = r + 3;
            String unit = (r % 50 < 25) ? "县民政局" : null; // every other run of rows merged down from above
            book.row(row, r + 1, "RW-" + r, unit, "问题描述第" + r + "条，整改措施" + (r * 7919 % 10_007),
                    LocalDate.of(2026, 1 + r % 12, 1 + r % 28), (r % 3 == 0) ? "已完成" : "整改中",
                    new TestBook.Formula("A" + row + "*2"));
            if (r % 50 == 25) {
                book.merge("C" + (row - 25) + ":C" + (row + 24));
            }
        }
        book.sheet("说明").row(1, "填报说明", 3.5);
        return book.write(this.folder, "大表");
    }

    private List<Path> scratchFiles() throws IOException {
        try (Stream<Path> files = Files.list(this.scratch)) {
            return files.toList();
        }
    }

}
