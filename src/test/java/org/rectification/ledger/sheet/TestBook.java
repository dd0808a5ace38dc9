package org.rectification.ledger.sheet;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A tiny workbook built in a test with POI, in either format: rows are 1-based like Excel, values are
 * strings, numbers, {@link LocalDate}s (date-formatted cells) or {@link Formula}s.
 */
final class TestBook {

    enum Format {

        XLSX(".xlsx"), XLS(".xls");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

    }

    record Formula(String formula) {
    }

    private final Format format;

    private final Workbook workbook;

    private final CellStyle dateStyle;

    private Sheet sheet;

    TestBook(Format format) {
        this.format = format;
        this.workbook = (format == Format.XLSX) ? new XSSFWorkbook() : new HSSFWorkbook();
        this.dateStyle = this.workbook.createCellStyle();
        this.dateStyle.setDataFormat(this.workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
    }

    static TestBook of(Format format) {
        return new TestBook(format);
    }

    Format format() {
        return this.format;
    }

    TestBook sheet(String name) {
        this.sheet = this.workbook.createSheet(name);
        return this;
    }

    TestBook hidden() {
        this.workbook.setSheetHidden(this.workbook.getSheetIndex(this.sheet), true);
        return this;
    }

    /** Values from column A of the given 1-based row. */
    TestBook row(int rowNumber, Object... values) {
        return cells("A" + rowNumber, values);
    }

    /** Values from the given cell rightwards. */
    TestBook cells(String start, Object... values) {
        CellAddress address = new CellAddress(start);
        Row row = this.sheet.getRow(address.getRow());
        if (row == null) {
            row = this.sheet.createRow(address.getRow());
        }
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(address.getColumn() + i);
            if (value instanceof String text) {
                cell.setCellValue(text);
            }
            else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            }
            else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(this.dateStyle);
            }
            else if (value instanceof Formula formula) {
                cell.setCellFormula(formula.formula());
                if (formula.formula().startsWith("DATE(")) {
                    cell.setCellStyle(this.dateStyle);
                }
            }
        }
        return this;
    }

    TestBook merge(String range) {
        this.sheet.addMergedRegion(CellRangeAddress.valueOf(range));
        return this;
    }

    /** A picture whose top-left corner sits on the given cell. */
    TestBook picture(String cell) {
        CellAddress address = new CellAddress(cell);
        int index = this.workbook.addPicture(png(), Workbook.PICTURE_TYPE_PNG);
        Drawing<?> drawing = this.sheet.createDrawingPatriarch();
        ClientAnchor anchor = this.workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(address.getColumn());
        anchor.setRow1(address.getRow());
        anchor.setCol2(address.getColumn() + 1);
        anchor.setRow2(address.getRow() + 1);
        drawing.createPicture(anchor, index);
        return this;
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            this.workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            this.workbook.write(out);
            this.workbook.close();
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    Path write(Path folder, String baseName) {
        return write(folder, baseName + this.format.extension, bytes());
    }

    static Path write(Path folder, String fileName, byte[] bytes) {
        try {
            return Files.write(folder.resolve(fileName), bytes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static byte[] png() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
