package org.rectification.ledger.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.rectification.ledger.system.Messages;

/**
 * Decides a submission's container format from its first bytes, never its name: a zip (PK) is OOXML, an
 * OLE2 compound file (D0 CF 11 E0) holding a Workbook stream is BIFF8, one holding EncryptionInfo is a
 * password-protected OOXML workbook.
 */
public final class FormatSniffer {

    private static final byte[] ZIP = { 'P', 'K', 3, 4 };

    private static final byte[] EMPTY_ZIP = { 'P', 'K', 5, 6 };

    private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1 };

    private FormatSniffer() {
    }

    /** The container format; a {@link SheetReadException} (NOT_A_SPREADSHEET, ENCRYPTED, UNREADABLE) otherwise. */
    public static SpreadsheetFormat sniff(Path file) {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        catch (IOException ex) {
            throw ReadFailures.failure(ReadFailure.UNREADABLE, file, ex, "sheet.unreadable", describe(ex));
        }
        if (read == 0) {
            throw ReadFailures.failure(ReadFailure.NOT_A_SPREADSHEET, file, "sheet.empty-file");
        }
        if (startsWith(head, read, ZIP) || startsWith(head, read, EMPTY_ZIP)) {
            return SpreadsheetFormat.OOXML;
        }
        if (startsWith(head, read, OLE2)) {
            return sniffCompoundFile(file);
        }
        throw ReadFailures.failure(ReadFailure.NOT_A_SPREADSHEET, file, "sheet.not-a-spreadsheet");
    }

    private static SpreadsheetFormat sniffCompoundFile(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw ReadFailures.failure(ReadFailure.ENCRYPTED, file, "sheet.encrypted");
            }
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("BOOK")
                    || root.hasEntry("Book")) {
                return SpreadsheetFormat.BIFF8;
            }
            throw ReadFailures.failure(ReadFailure.NOT_A_SPREADSHEET, file, "sheet.not-a-spreadsheet");
        }
        catch (IOException | RuntimeException ex) {
            if (ex instanceof SheetReadException known) {
                throw known;
            }
            throw ReadFailures.failure(ReadFailure.UNREADABLE, file, ex, "sheet.unreadable", describe(ex));
        }
    }

    /**
     * What went wrong, in words a clerk can act on: the kind of damage, never the library's message (that goes to
     * the log with the file's name, see {@link ReadFailures}).
     */
    static String describe(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
            String type = cause.getClass().getName();
            if (cause instanceof java.util.zip.ZipException || cause instanceof java.io.EOFException
                    || cause instanceof java.util.zip.DataFormatException || type.contains("NotOfficeXmlFile")
                    || type.contains("InvalidFormatException") || type.contains("OLE2NotOfficeXmlFile")) {
                return Messages.get("sheet.cause.zip");
            }
            if (cause instanceof org.xml.sax.SAXException || cause instanceof javax.xml.stream.XMLStreamException
                    || type.equals("org.apache.xmlbeans.XmlException")) {
                return Messages.get("sheet.cause.xml");
            }
            if (type.startsWith("org.apache.poi.hssf") || type.contains("RecordFormatException")
                    || type.contains("LeftoverDataException")) {
                return Messages.get("sheet.cause.records");
            }
        }
        return Messages.get((ex instanceof java.io.IOException) ? "sheet.cause.io" : "sheet.cause.structure");
    }

    private static boolean startsWith(byte[] head, int read, byte[] magic) {
        if (read < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

}
