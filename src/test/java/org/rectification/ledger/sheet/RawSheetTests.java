package org.rectification.ledger.sheet;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compact cell store: what goes in comes out as the same cell value, in sheet order, whatever order the cells
 * arrived in, and every distinct text is kept once.
 */
class RawSheetTests {

    private final ReadBudget unlimited = new ReadBudget(null, Long.MAX_VALUE);

    @Test
    void cellsComeBackAsWrittenWithTheirDateNumberAndFormula() {
        RawSheet sheet = new RawSheet(0, "表", new StringTable(this.unlimited), this.unlimited);
        sheet.put(3, 0, new CellValue("2026-12-31", LocalDate.of(2026, 12, 31), null, null));
        sheet.put(3, 2, new CellValue("12.5", null, new BigDecimal("12.5"), "A1*2"));
        sheet.put(4, 1, CellValue.ofText("已完成"));
        sheet.freeze();

        assertThat(sheet.value(3, 0)).isEqualTo(new CellValue("2026-12-31", LocalDate.of(2026, 12, 31), null, null));
        assertThat(sheet.value(3, 2)).isEqualTo(new CellValue("12.5", null, new BigDecimal("12.5"), "A1*2"));
        assertThat(sheet.value(4, 1)).isEqualTo(CellValue.ofText("已完成"));
        assertThat(sheet.value(3, 1)).isNull();
        assertThat(sheet.value(5, 0)).isNull();
        assertThat(sheet.lastRow()).isEqualTo(4);
        assertThat(sheet.row(3).keySet()).containsExactly(0, 2);
    }

    @Test
    void rowsAndCellsOutOfOrderAreSortedAndACellWrittenTwiceKeepsItsLastValue() {
        RawSheet sheet = new RawSheet(0, "表", new StringTable(this.unlimited), this.unlimited);
        sheet.put(7, 3, CellValue.ofText("d"));
        sheet.put(7, 1, CellValue.ofText("b"));
        sheet.put(2, 0, CellValue.ofText("first"));
        sheet.put(2, 0, CellValue.ofText("second"));
        sheet.freeze();

        assertThat(sheet.lastRow()).isEqualTo(7);
        assertThat(sheet.row(7).keySet()).containsExactly(1, 3);
        assertThat(sheet.value(7, 3).text()).isEqualTo("d");
        assertThat(sheet.value(2, 0).text()).isEqualTo("second");
        assertThat(sheet.cellCount()).isEqualTo(3);
    }

    @Test
    void aTextRepeatedOnEveryRowIsKeptOnce() {
        StringTable strings = new StringTable(this.unlimited);
        RawSheet sheet = new RawSheet(0, "表", strings, this.unlimited);
        for (int row = 0; row < 10_000; row++) {
            sheet.put(row, 0, CellValue.ofText("县民政局"));
            sheet.put(row, 1, CellValue.ofText("任务" + row));
        }
        sheet.freeze();
        strings.freeze();

        assertThat(strings.size()).as("the empty text, the department, 10,000 task names").isEqualTo(10_002);
        assertThat(sheet.value(9_999, 0).text()).isEqualTo("县民政局");
        assertThat(sheet.value(9_999, 1).text()).isEqualTo("任务9999");
        assertThat(sheet.value(0, 1).text()).isEqualTo("任务0");
    }

    @Test
    void aWorkbookOverItsBudgetIsTooLarge() {
        ReadBudget budget = new ReadBudget(java.nio.file.Path.of("大表.xlsx"), 10_000);
        RawSheet sheet = new RawSheet(0, "表", new StringTable(budget), budget);

        assertThatThrownBy(() -> {
            for (int row = 0; row < 10_000; row++) {
                sheet.put(row, 0, CellValue.ofText("任务" + row));
            }
        }).isInstanceOfSatisfying(SheetReadException.class,
                (ex) -> assertThat(ex.failure()).isEqualTo(ReadFailure.TOO_LARGE))
            .hasMessageContaining("大表.xlsx").hasMessageContaining("超出处理能力");
    }

}
