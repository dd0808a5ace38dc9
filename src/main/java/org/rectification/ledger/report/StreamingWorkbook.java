package org.rectification.ledger.report;

import java.io.OutputStream;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A streaming workbook whose package is deflated at the fastest level: on a ledger of hundreds of thousands of
 * tasks, compressing the sheet XML at the default level costs more time than writing it, for files only a
 * little smaller.
 */
final class StreamingWorkbook extends SXSSFWorkbook {

    StreamingWorkbook(int window) {
        super(window);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
        ZipArchiveOutputStream archive = super.createArchiveOutputStream(stream);
        archive.setLevel(Deflater.BEST_SPEED);
        return archive;
    }

}
