package org.rectification.ledger.sheet;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The notice's read of a sheet's cells: a cell's column taken from its reference as POI would take it. */
class SourceWorkbookTests {

    @Test
    void readsTheColumnOfACellReferenceAsCellReferenceDoes() {
        assertThat(SourceWorkbook.columnIndex("A1")).isZero();
        assertThat(SourceWorkbook.columnIndex("AB12")).isEqualTo(27);
        assertThat(SourceWorkbook.columnIndex("XFD1048576")).isEqualTo(16383);
        List<String> references = new ArrayList<>(List.of("$B$3", "b3", "C", "Sheet1!D4", "AAAA1", "A12345678"));
        for (int column = 0; column < 16384; column += 7) {
            references.add(CellReference.convertNumToColString(column) + (column * 13 % 1048576 + 1));
        }
        for (String reference : references) {
            assertThat(SourceWorkbook.columnIndex(reference)).as(reference).isEqualTo(new CellReference(reference).getCol());
        }
        assertThatThrownBy(() -> SourceWorkbook.columnIndex("A1B")).isInstanceOf(IllegalArgumentException.class);
    }

}
