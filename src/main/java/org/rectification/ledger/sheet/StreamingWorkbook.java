package org.rectification.ledger.sheet;

import java.io.OutputStream;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A streaming workbook whose package is deflated at the fastest level: on a ledger of hundreds of thousands of
 * tasks, compressing the sheet XML at the default level costs more time than writing it, for files only a
 * little smaller. Every one carries the {@link ProductMark}, so it is never taken in as a submission.
 */
public final class StreamingWorkbook extends SXSSFWorkbook {

    /**
     * @param window rows kept in memory per streamed sheet
     * @param kind what the workbook is, for its product mark
     */
    public StreamingWorkbook(int window, ProductMark.Kind kind) {
        super(window);
        ProductMark.mark(getXSSFWorkbook(), kind);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
        ZipArchiveOutputStream archive = super.createArchiveOutputStream(stream);
        archive.setLevel(Deflater.BEST_SPEED);
        return archive;
    }

    /**
     * Deletes the streamed sheets' temporary files, and nothing more. SXSSF's own close also closes the XSSF
     * workbook underneath, and a package created in memory (as this one always is) "closes" by saving itself once
     * more, every part serialised and zipped, into a byte array nobody reads: about a twentieth of a notice's CPU.
     * The workbook's one output is {@link #write}.
     */
    @Override
    public void close() {
        dispose();
    }

}
