package org.rectification.ledger.check;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.rectification.ledger.intake.FileNames;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.sheet.ProductMark;
import org.rectification.ledger.sheet.SourceWorkbook;
import org.rectification.ledger.sheet.StreamingWorkbook;
import org.rectification.ledger.sheet.SubmissionReader;

/**
 * Writes the return notice (退回意见) of one submission: a first sheet listing every finding in plain Chinese,
 * then the department's own sheets with each offending cell coloured and commented, so a clerk can fix the
 * sheet in place. Written to a temporary file beside the target and renamed into place, so nobody ever sees a
 * half-written workbook.
 */
public final class ReturnNoticeWriter {

    /**
     * Sources larger than this are not copied into the notice (the findings sheet is always written): copying
     * holds the sheet's cells in memory (an .xls as POI's whole object model), and notices are written side by
     * side within this budget. 1 MB is about 10,000 rows, far beyond a department's decomposition sheet.
     */
    public static final long MAX_SOURCE_BYTES = 1024L * 1024;

    /** Rows of a copied sheet held in memory before they are flushed to the notice's temporary sheet file. */
    private static final int STREAMED_ROWS = 200;

    private final Clock clock;

    private final NoticeTerms terms;

    /** A writer whose notices name the campaign and month and give the resubmission deadline. */
    public ReturnNoticeWriter(NoticeTerms terms) {
        this(Clock.systemDefaultZone(), terms);
    }

    /**
     * @param clock supplies the notice's date
     * @param terms the campaign, month and resubmission deadline the notice states
     */
    public ReturnNoticeWriter(Clock clock, NoticeTerms terms) {
        this.clock = clock;
        this.terms = terms;
    }

    /**
     * The notice's file name for a submitted file: 民政局-11月.xls → 民政局-11月-退回意见.xlsx (always .xlsx), the
     * submitted name shortened when the whole would pass the file-name limit.
     */
    public static String noticeFileName(String submittedFileName) {
        return noticeFileName(submittedFileName, 1);
    }

    /** The n-th notice name for a submitted file, for when earlier notices have the name: 民政局-退回意见(2).xlsx. */
    public static String noticeFileName(String submittedFileName, int n) {
        String number = (n <= 1) ? "" : "(" + n + ")";
        return FileNames.fit(FileNames.stem(submittedFileName), Messages.get("job.notice-suffix") + number + ".xlsx",
                0);
    }

    /**
     * @param source the submitted workbook (.xlsx, .xlsm or .xls); when it cannot be opened only the findings
     * sheet is written
     * @param notice what the notice says and which sheets it copies
     * @param target the notice to write (.xlsx); replaced if it exists
     */
    public void write(Path source, ReturnNotice notice, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = FileNames.createTemporary(target, ".tmp");
        try {
            try (SXSSFWorkbook workbook = new StreamingWorkbook(STREAMED_ROWS, ProductMark.Kind.NOTICE)) {
                // The findings sheet is small and built in memory, as a plain sheet of the XSSF workbook underneath:
                // SXSSF leaves a sheet it did not create alone, and it is written as it is. Wrapped as a streamed
                // sheet it cost a temporary file, a measuring of the default font with AWT, and a copy of its XML
                // character by character when written, for no row streamed. The department's sheets are streamed
                // after it.
                NoticeFindingsSheet findings = new NoticeFindingsSheet(workbook.getXSSFWorkbook(), notice,
                        LocalDate.now(this.clock), this.terms);
                if (!copyOwnSheets(source, notice, workbook)) {
                    findings.noteSourceUnavailable();
                }
                findings.finish();
                // buffered: SXSSF writes each field of the zip's headers and directory as a write of its own, which
                // the file's channel makes a system call each (a tenth of a notice's CPU)
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024)) {
                    workbook.write(out);
                }
            }
            moveIntoPlace(temp, target);
        }
        catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(temp);
            throw ex;
        }
    }

    /** Copies the department's sheets; false when the source could not be opened or copied. */
    private boolean copyOwnSheets(Path source, ReturnNotice returnNotice, SXSSFWorkbook notice) {
        if (source == null || !Files.isRegularFile(source)) {
            return false;
        }
        try {
            if (Files.size(source) > MAX_SOURCE_BYTES) {
                return false;
            }
            SourceWorkbook.SheetChoice wanted = returnNotice::copies;
            try (SourceWorkbook workbook = SubmissionReader.readForNotice(source, wanted, MarkedSheetCopier.MAX_ROWS,
                    MarkedSheetCopier.MAX_COLUMNS)) {
                MarkedSheetCopier copier = new MarkedSheetCopier(workbook, notice);
                for (SourceWorkbook.SourceSheet sheet : workbook.sheets()) {
                    copier.copy(sheet, returnNotice.findings());
                }
            }
            return true;
        }
        catch (IOException | RuntimeException ex) {
            // A workbook the reader could read but POI's user model cannot (or a hostile one): the notice
            // still goes out with its list of findings.
            while (notice.getNumberOfSheets() > 1) {
                notice.removeSheetAt(notice.getNumberOfSheets() - 1);
            }
            return false;
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException ex) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

}
