package org.rectification.ledger.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * A streaming workbook whose package is deflated at the fastest level: on a ledger of hundreds of thousands of
 * tasks, compressing the sheet XML at the default level costs more time than writing it, for files only a
 * little smaller. Every one carries the {@link ProductMark}, so it is never taken in as a submission.
 * <p>
 * It writes the package SXSSF writes, byte for byte, with less of SXSSF's work around it: a sheet's rows stay in
 * memory up to a megabyte ({@link SheetRowsWriter}), the template of the other parts is never a file, and closing
 * does not save the package a second time. For a return notice (a department's sheet of a hundred rows) these took
 * about a quarter of its CPU.
 */
public final class StreamingWorkbook extends SXSSFWorkbook {

    private static final byte[] EMPTY_SHEET_DATA = ascii("<sheetData/>");

    private static final byte[] SHEET_DATA_START = ascii("<sheetData>\n");

    private static final byte[] SHEET_DATA_END = ascii("</sheetData>");

    /**
     * @param window rows kept in memory per streamed sheet
     * @param kind what the workbook is, for its product mark
     */
    public StreamingWorkbook(int window, ProductMark.Kind kind) {
        super(window);
        ProductMark.mark(getXSSFWorkbook(), kind);
    }

    /** A sheet's rows are kept in memory up to a megabyte, not in a temporary file at once: {@link SheetRowsWriter}. */
    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return isCompressTempFiles() ? super.createSheetDataWriter() : new SheetRowsWriter();
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
        ZipArchiveOutputStream archive = super.createArchiveOutputStream(stream);
        archive.setLevel(Deflater.BEST_SPEED);
        return archive;
    }

    /**
     * Writes the package as SXSSF does, first the template (every part, the streamed rows left out), then each part
     * of it into the package with the rows put into their sheets; but the template stays in memory, unpacked. SXSSF
     * writes it to a temporary file, deflated at the default level, and opens that again to inflate it, for a few
     * kilobytes: about a seventh of a notice's CPU.
     */
    @Override
    public void write(OutputStream stream) throws IOException {
        flushSheets();
        UnsynchronizedByteArrayOutputStream template = UnsynchronizedByteArrayOutputStream.builder().get();
        // OPC writes its parts into a zip stream it is given as they are, and finishes it
        try (ZipArchiveOutputStream templateZip = new ZipArchiveOutputStream(template)) {
            templateZip.setLevel(Deflater.NO_COMPRESSION);
            getXSSFWorkbook().write(templateZip);
        }
        try (ZipFile parts = ZipFile.builder()
            .setSeekableByteChannel(new SeekableInMemoryByteChannel(template.toByteArray()))
            .get()) {
            injectData(new TemplateParts(parts), stream);
        }
    }

    /**
     * SXSSF's own copy of the template's parts into the package, but a streamed sheet's part is read whole and its
     * rows put in at its sheetData, where SXSSF decodes and encodes the part one character at a time, with a new
     * buffer for each (2 % of a notice's CPU). The bytes are the same: the part is UTF-8, whose multi-byte characters
     * never contain an ASCII byte, so the tag is found in the bytes where it is in the characters.
     */
    @Override
    protected void injectData(ZipEntrySource template, OutputStream out) throws IOException {
        ZipArchiveOutputStream archive = createArchiveOutputStream(out);
        try {
            Enumeration<? extends ZipArchiveEntry> entries = template.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                if (entry.getSize() >= 0) {
                    copy.setSize(entry.getSize());
                }
                if (entry.getTime() >= 0) {
                    copy.setTime(entry.getTime());
                }
                archive.putArchiveEntry(copy);
                try (InputStream in = template.getInputStream(entry)) {
                    XSSFSheet sheet = getSheetFromZipEntryName(entry.getName());
                    if (sheet != null && !(sheet instanceof XSSFChartSheet)) {
                        injectRows(in.readAllBytes(), getSheet(sheet.getSheetName()), archive);
                    }
                    else {
                        in.transferTo(archive);
                    }
                }
                finally {
                    archive.closeArchiveEntry();
                }
            }
        }
        finally {
            archive.finish();
            template.close();
        }
    }

    /** Writes a sheet's part with its streamed rows, as SXSSF does: in place of an empty sheetData, or at its end. */
    private void injectRows(byte[] part, SXSSFSheet sheet, OutputStream out) throws IOException {
        int empty = indexOf(part, EMPTY_SHEET_DATA);
        int end = (empty < 0) ? indexOf(part, SHEET_DATA_END) : -1;
        if (empty < 0 && end < 0) {
            throw new IOException("No sheetData in the part of sheet " + sheet.getSheetName());
        }
        int before = (empty >= 0) ? empty : end;
        int after = (empty >= 0) ? empty + EMPTY_SHEET_DATA.length : end + SHEET_DATA_END.length;
        out.write(part, 0, before);
        if (empty >= 0) {
            out.write(SHEET_DATA_START);
        }
        createSheetInjector(sheet).writeSheetData(out);
        out.write(SHEET_DATA_END);
        out.write(part, after, part.length - after);
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        outer:
        for (int i = 0; i <= bytes.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Lets go of the streamed sheets' rows (and deletes their temporary files), and nothing more. SXSSF's own close
     * also closes the XSSF workbook underneath, and a package created in memory (as this one always is) "closes" by
     * saving itself once more, every part serialised and zipped, into a byte array nobody reads: about a twentieth
     * of a notice's CPU. The workbook's one output is {@link #write}.
     */
    @Override
    public void close() {
        dispose();
    }

    /** The template's parts, from the package in memory. */
    private record TemplateParts(ZipFile zip) implements ZipEntrySource {

        @Override
        public Enumeration<? extends ZipArchiveEntry> getEntries() {
            return this.zip.getEntries();
        }

        @Override
        public ZipArchiveEntry getEntry(String path) {
            return this.zip.getEntry(path);
        }

        @Override
        public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
            return this.zip.getInputStream(entry);
        }

        @Override
        public void close() {
            // the zip is closed by the write that opened it
        }

        @Override
        public boolean isClosed() {
            return false;
        }

    }

}
