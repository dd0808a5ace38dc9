package org.rectification.ledger.sheet;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * Where SXSSF keeps a streamed sheet's rows until the package is written: in memory, and in a temporary file only
 * once they pass {@link #IN_MEMORY_BYTES}. SXSSF gives every sheet a temporary file of its own, written through a
 * BufferedWriter, which takes a lock at each of the many small writes of a cell; for a department's sheet in a return
 * notice (some tens of kilobytes) the file's creation, writes, reading back and deletion (slow on a file system that
 * discards freed blocks at once) took about 5 % of the notice's CPU, and the locking 3 %. A ledger's sheet of a
 * million rows still goes to its file, after its first megabyte. The bytes are the same as SXSSF's: UTF-8 through an
 * OutputStreamWriter (a character it cannot encode, half a surrogate pair, becomes '?').
 * <p>
 * It works through two methods SXSSF's constructor calls, createTempFile and createWriter, which POI has deprecated
 * to make them protected (or private) in POI 6: a build against POI 6 will say so here.
 */
@SuppressWarnings("deprecation")
final class SheetRowsWriter extends SheetDataWriter {

    /** Bytes of a sheet's rows kept in memory; beyond, they move to a temporary file. */
    static final int IN_MEMORY_BYTES = 1024 * 1024;

    SheetRowsWriter() throws IOException {
        super();
    }

    /** The rows' place, which becomes a file only if they outgrow memory. */
    @Override
    public File createTempFile() {
        return new Rows();
    }

    /** The writer of the place above: one thread writes a sheet, so its buffer takes no lock. */
    @Override
    public Writer createWriter(File rows) {
        return new UnlockedBufferedWriter(new OutputStreamWriter(((Rows) rows).output(), StandardCharsets.UTF_8));
    }

    /** The rows written, once SXSSF closed the writer. */
    @Override
    public InputStream getWorksheetXMLInputStream() throws IOException {
        return ((Rows) getTempFile()).input();
    }

    /**
     * The rows written so far, in memory or in the temporary file they moved to. A File only because SXSSF holds a
     * sheet's rows as one and deletes it when the workbook is done with it: {@link #delete} deletes the temporary
     * file, if there is one, and lets go of the memory. SXSSF does nothing else with it.
     */
    @SuppressWarnings("serial")
    private static final class Rows extends File {

        private UnsynchronizedByteArrayOutputStream memory = UnsynchronizedByteArrayOutputStream.builder().get();

        /** The temporary file and its stream, once the rows moved there. */
        private File file;

        private OutputStream fileOut;

        Rows() {
            super("sxssf-rows-in-memory");
        }

        OutputStream output() {
            return new OutputStream() {

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] { (byte) b }, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    if (Rows.this.fileOut == null && Rows.this.memory.size() + length > IN_MEMORY_BYTES) {
                        moveToFile();
                    }
                    if (Rows.this.fileOut != null) {
                        Rows.this.fileOut.write(bytes, offset, length);
                    }
                    else {
                        Rows.this.memory.write(bytes, offset, length);
                    }
                }

                @Override
                public void flush() throws IOException {
                    if (Rows.this.fileOut != null) {
                        Rows.this.fileOut.flush();
                    }
                }

                @Override
                public void close() throws IOException {
                    if (Rows.this.fileOut != null) {
                        Rows.this.fileOut.close();
                    }
                }

            };
        }

        private void moveToFile() throws IOException {
            this.file = TempFile.createTempFile("poi-sxssf-sheet", ".xml");
            this.fileOut = Files.newOutputStream(this.file.toPath());
            this.memory.writeTo(this.fileOut);
            this.memory = null;
        }

        InputStream input() throws IOException {
            return (this.file != null) ? Files.newInputStream(this.file.toPath()) : this.memory.toInputStream();
        }

        @Override
        public boolean delete() {
            this.memory = null;
            return (this.file == null) || this.file.delete();
        }

    }

    /** A BufferedWriter without its lock. */
    private static final class UnlockedBufferedWriter extends Writer {

        private final Writer out;

        private final char[] buffer = new char[8192];

        private int used;

        UnlockedBufferedWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(String chars, int offset, int length) throws IOException {
            if (length > this.buffer.length - this.used) {
                flushBuffer();
                if (length > this.buffer.length) {
                    this.out.write(chars, offset, length);
                    return;
                }
            }
            chars.getChars(offset, offset + length, this.buffer, this.used);
            this.used += length;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (length > this.buffer.length - this.used) {
                flushBuffer();
                if (length > this.buffer.length) {
                    this.out.write(chars, offset, length);
                    return;
                }
            }
            System.arraycopy(chars, offset, this.buffer, this.used, length);
            this.used += length;
        }

        @Override
        public void write(int c) throws IOException {
            if (this.used == this.buffer.length) {
                flushBuffer();
            }
            this.buffer[this.used++] = (char) c;
        }

        private void flushBuffer() throws IOException {
            if (this.used > 0) {
                this.out.write(this.buffer, 0, this.used);
                this.used = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            flushBuffer();
            this.out.flush();
        }

        @Override
        public void close() throws IOException {
            flushBuffer();
            this.out.close();
        }

    }

}
