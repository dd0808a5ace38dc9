package org.rectification.ledger.report;

import java.util.List;

import javax.xml.namespace.QName;
import java.util.Map;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.xmlbeans.XmlCursor;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.rectification.ledger.report.ProgressWorkbookWriter.FigureColumn;
import org.rectification.ledger.system.Messages;

/**
 * The two native Excel charts on the overview sheet: status by department as stacked columns (data from the
 * 分单位统计 sheet) and the overall status split as a pie (data from the overview's own cells). The series refer
 * to the cells, so the charts follow any correction made in the workbook; cached values are written too, for
 * viewers that do not recalculate.
 */
final class ProgressCharts {

    private static final byte[][] STATUS_COLOURS = { { (byte) 0x4e, (byte) 0x9a, (byte) 0x06 },
            { (byte) 0x34, (byte) 0x65, (byte) 0xa4 }, { (byte) 0xba, (byte) 0xbd, (byte) 0xb6 },
            { (byte) 0xf5, (byte) 0x79, (byte) 0x00 } };

    /** The charts sit side by side right of the overview table, from column D to this one (0-based). */
    static final int LAST_COLUMN = 17;

    private ProgressCharts() {
    }

    /**
     * @param departmentRows the number of department rows on the 分单位统计 sheet, from its first data row
     * @param statusRows first and last row (0-based) of the four status figures on the overview sheet
     */
    static void add(XSSFWorkbook workbook, String overviewSheet, String departmentSheet,
            List<Map.Entry<String, Tally>> departmentRows, Tally overall, int[] statusRows) {
        XSSFSheet overview = workbook.getSheet(overviewSheet);
        XSSFSheet departments = workbook.getSheet(departmentSheet);
        XSSFDrawing drawing = overview.createDrawingPatriarch();
        if (!departmentRows.isEmpty()) {
            departmentChart(drawing, departments, departmentRows);
        }
        overallChart(drawing, overview, overall, statusRows);
    }

    private static int[] statusCounts(Tally t) {
        return new int[] { t.completed, t.inProgress, t.notStarted, t.ongoing };
    }

    private static final String[] STATUS_LABELS = { "report.col.completed", "report.col.in-progress",
            "report.col.not-started", "report.col.ongoing" };

    private static void departmentChart(XSSFDrawing drawing, XSSFSheet sheet, List<Map.Entry<String, Tally>> rows) {
        int count = rows.size();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 3, 1, 11, 22);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(Messages.get("report.chart.departments"));
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        int first = TableSheet.FIRST_DATA_ROW;
        int last = first + count - 1;
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = rows.get(i).getKey();
        }
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(names,
                range(sheet, first, last, FigureColumn.NAME));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.STACKED);
        data.setVaryColors(false);
        for (int status = 0; status < 4; status++) {
            int column = FigureColumn.COMPLETED + status;
            Integer[] values = new Integer[count];
            for (int i = 0; i < count; i++) {
                values[i] = statusCounts(rows.get(i).getValue())[status];
            }
            XDDFNumericalDataSource<Integer> source = XDDFDataSourcesFactory.fromArray(values,
                    range(sheet, first, last, column));
            XDDFChartData.Series series = data.addSeries(categories, source);
            series.setTitle(Messages.get(STATUS_LABELS[status]),
                    new CellReference(sheet.getSheetName(), 1, column, true, true));
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(STATUS_COLOURS[status])));
        }
        chart.plot(data);
        overlapFully(chart);
    }

    /**
     * Stacked columns need an overlap of 100%, or Excel draws each series beside the other. Written as plain XML
     * because poi-ooxml-lite does not carry the schema type of the overlap element.
     */
    private static void overlapFully(XSSFChart chart) {
        var bar = chart.getCTChart().getPlotArea().getBarChartArray(0);
        try (XmlCursor cursor = bar.getAxIdArray(0).newCursor()) {
            cursor.beginElement(new QName("http://schemas.openxmlformats.org/drawingml/2006/chart", "overlap", "c"));
            cursor.insertAttributeWithValue("val", "100");
        }
    }

    private static void overallChart(XSSFDrawing drawing, XSSFSheet sheet, Tally overall, int[] statusRows) {
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 11, 1, LAST_COLUMN + 1, 22);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(Messages.get("report.chart.overall"));
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
        int count = statusRows[1] - statusRows[0] + 1;
        String[] names = new String[count];
        Integer[] values = new Integer[count];
        for (int i = 0; i < count; i++) {
            names[i] = Messages.get(STATUS_LABELS[i]);
            values[i] = statusCounts(overall)[i];
        }
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(names,
                range(sheet, statusRows[0], statusRows[1], 0));
        XDDFNumericalDataSource<Integer> source = XDDFDataSourcesFactory.fromArray(values,
                range(sheet, statusRows[0], statusRows[1], 1));
        XDDFPieChartData data = (XDDFPieChartData) chart.createData(ChartTypes.PIE, null, null);
        data.setVaryColors(true);
        XDDFChartData.Series series = data.addSeries(categories, source);
        series.setTitle(Messages.get("report.chart.overall"), null);
        chart.plot(data);
        var ctSeries = chart.getCTChart().getPlotArea().getPieChartArray(0).getSerArray(0);
        for (int i = 0; i < count; i++) {
            var point = ctSeries.addNewDPt();
            point.addNewIdx().setVal(i);
            point.addNewBubble3D().setVal(false);
            var fill = point.addNewSpPr().addNewSolidFill().addNewSrgbClr();
            fill.setVal(STATUS_COLOURS[i % STATUS_COLOURS.length]);
        }
        var labels = ctSeries.addNewDLbls();
        labels.addNewShowLegendKey().setVal(false);
        labels.addNewShowVal().setVal(true);
        labels.addNewShowCatName().setVal(false);
        labels.addNewShowSerName().setVal(false);
        labels.addNewShowPercent().setVal(true);
        labels.addNewShowBubbleSize().setVal(false);
    }

    private static String range(XSSFSheet sheet, int firstRow, int lastRow, int column) {
        // quoted always: valid for every sheet name, required for some
        return "'" + sheet.getSheetName().replace("'", "''") + "'!"
                + new CellRangeAddress(firstRow, lastRow, column, column).formatAsString(null, true);
    }

}
