package org.rectification.ledger.bench;

import java.nio.file.Path;
import java.util.Map;

import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.context.AnalysisContext;
import com.alibaba.excel.read.listener.ReadListener;

/**
 * The floor: every row of every sheet of a workbook read with EasyExcel and a listener that does nothing, so
 * nothing is cheaper than this for the same files with the same library.
 */
final class FloorRead {

    private FloorRead() {
    }

    /** Rows EasyExcel delivered from all sheets of the file (.xlsx or .xls, told apart by the library). */
    static long read(Path file) {
        RowCounter counter = new RowCounter();
        EasyExcel.read(file.toFile(), counter).headRowNumber(0).doReadAll();
        return counter.rows;
    }

    /** Counts rows and does nothing else with them. */
    private static final class RowCounter implements ReadListener<Map<Integer, String>> {

        private long rows;

        @Override
        public void invoke(Map<Integer, String> row, AnalysisContext context) {
            this.rows++;
        }

        @Override
        public void doAfterAllAnalysed(AnalysisContext context) {
        }

    }

}
