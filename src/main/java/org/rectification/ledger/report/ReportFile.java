package org.rectification.ledger.report;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectification.ledger.intake.FileNames;

/**
 * Puts a report file in place safely and reproducibly: it is written next to its target under a temporary name
 * and moved over the target in one step, so supervisors never see half a file; a workbook's package is
 * rewritten with fixed entry times and fixed document dates so a rerun gives the same bytes (delivery skips
 * bytes it has already sent), and merged regions spooled to disk for a very large sheet are added on the way.
 */
final class ReportFile {

    /** Writes the content of one file to the stream it is given. */
    @FunctionalInterface
    interface Content {

        void writeTo(OutputStream out) throws IOException;

    }

    private static final String[] AFTER_MERGE_CELLS = { "<phoneticPr", "<conditionalFormatting", "<dataValidations",
            "<hyperlinks", "<printOptions", "<pageMargins", "<pageSetup", "<headerFooter", "<rowBreaks", "<colBreaks",
            "<customProperties", "<cellWatches", "<ignoredErrors", "<smartTags", "<drawing", "<legacyDrawing",
            "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>" };

    private static final byte[] SHEET_DATA_END = "</sheetData>".getBytes(StandardCharsets.US_ASCII);

    private ReportFile() {
    }

    /** Writes content to target through a temporary file in the same folder, then moves it into place. */
    static void writeAtomically(Path target, Content content) throws IOException {
        Path temp = FileNames.createTemporary(target, ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                content.writeTo(out);
            }
            readableByAll(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException ex) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Temporary files are private to their owner; a report is for others to read (rw-r--r--). */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Fixed document properties: created and modified on the as-of date, so reruns do not differ. */
    static void fixProperties(XSSFWorkbook workbook, String title, LocalDate asOf) {
        var core = workbook.getProperties().getCoreProperties();
        Date date = Date.from(asOf.atStartOfDay().toInstant(ZoneOffset.UTC));
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        core.setTitle(title);
        core.setCreator("rectification-ledger");
        core.setLastModifiedByUser("rectification-ledger");
    }

    /**
     * Saves a streaming workbook to target: the package POI writes goes to a scratch file, then is copied entry by
     * entry with fixed times, with the spooled merged regions added to their sheets.
     */
    static void writeWorkbook(SXSSFWorkbook workbook, Path target, List<TableSheet.StreamedMerges> merges,
            LocalDate asOf) throws IOException {
        Path raw = FileNames.createTemporary(target, ".raw");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(raw))) {
                workbook.write(out);
            }
            Map<String, TableSheet.StreamedMerges> byPart = new java.util.HashMap<>();
            for (TableSheet.StreamedMerges merge : merges) {
                String part = workbook.getXSSFWorkbook().getSheet(merge.sheet().getSheetName()).getPackagePart()
                        .getPartName().getName().substring(1);
                byPart.put(part, merge);
            }
            long time = asOf.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            writeAtomically(target, out -> repackage(raw, out, byPart, time));
        }
        finally {
            Files.deleteIfExists(raw);
            for (TableSheet.StreamedMerges merge : merges) {
                Files.deleteIfExists(merge.file());
            }
        }
    }

    /**
     * Copies the package entry by entry. Untouched entries are copied still compressed (no second deflate of a
     * large sheet); only a sheet that gains its merged regions is recompressed.
     */
    private static void repackage(Path raw, OutputStream target, Map<String, TableSheet.StreamedMerges> merges,
            long time) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(raw).get()) {
            ZipArchiveOutputStream out = new ZipArchiveOutputStream(target);
            out.setLevel(Deflater.BEST_SPEED);
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                TableSheet.StreamedMerges merge = merges.get(entry.getName());
                if (merge == null || merge.count() == 0) {
                    ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                    copy.setMethod(entry.getMethod());
                    copy.setCrc(entry.getCrc());
                    copy.setSize(entry.getSize());
                    copy.setCompressedSize(entry.getCompressedSize());
                    copy.setTime(time);
                    try (InputStream in = zip.getRawInputStream(entry)) {
                        out.addRawArchiveEntry(copy, in);
                    }
                }
                else {
                    ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                    copy.setMethod(ZipArchiveEntry.DEFLATED);
                    copy.setTime(time);
                    out.putArchiveEntry(copy);
                    try (InputStream in = zip.getInputStream(entry)) {
                        copyWithMerges(in, out, merge);
                    }
                    out.closeArchiveEntry();
                }
            }
            out.finish();
        }
    }

    /** Copies a worksheet part, streaming its rows, and adds the mergeCells element where the schema wants it. */
    private static int indexOf(byte[] data, byte[] pattern) {
        outer: for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void copyWithMerges(InputStream in, OutputStream out, TableSheet.StreamedMerges merge)
            throws IOException {
        // copy block by block until </sheetData>; the bytes after it (page setup and the like) are few
        byte[] buffer = new byte[1 << 16];
        byte[] carry = new byte[0];
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        boolean found = false;
        int read;
        while (!found && (read = in.read(buffer)) != -1) {
            byte[] window = new byte[carry.length + read];
            System.arraycopy(carry, 0, window, 0, carry.length);
            System.arraycopy(buffer, 0, window, carry.length, read);
            int at = indexOf(window, SHEET_DATA_END);
            if (at >= 0) {
                int end = at + SHEET_DATA_END.length;
                out.write(window, 0, end);
                rest.write(window, end, window.length - end);
                found = true;
            }
            else {
                int keep = Math.min(window.length, SHEET_DATA_END.length - 1);
                out.write(window, 0, window.length - keep);
                carry = java.util.Arrays.copyOfRange(window, window.length - keep, window.length);
            }
        }
        if (!found) {
            throw new IOException("No sheetData in " + merge.sheet().getSheetName());
        }
        in.transferTo(rest);
        String tail = rest.toString(StandardCharsets.UTF_8);
        if (tail.contains("<mergeCells")) {
            throw new IOException("Sheet " + merge.sheet().getSheetName() + " already has merged cells");
        }
        int at = tail.length();
        for (String element : AFTER_MERGE_CELLS) {
            int position = tail.indexOf(element);
            if (position >= 0 && position < at) {
                at = position;
            }
        }
        out.write(tail.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.write(("<mergeCells count=\"" + merge.count() + "\">").getBytes(StandardCharsets.UTF_8));
        Files.copy(merge.file(), out);
        out.write("</mergeCells>".getBytes(StandardCharsets.UTF_8));
        out.write(tail.substring(at).getBytes(StandardCharsets.UTF_8));
    }

}
