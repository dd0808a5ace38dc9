package org.rectification.ledger.sheet;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How to read department sheets for one run: built once from the job file and the run parameters.
 *
 * @param extraAliases header names added by the job file, per field
 * @param placeholders values that mean "nobody / nothing" (compared after normalisation)
 * @param signerLabels signer labels to look for in signature blocks (e.g. 填报人, 审核人, 单位负责人, 主要负责人, 负责人)
 * @param feedbackDate the campaign's feedback date (反馈日期)
 * @param immediateDays days after the feedback date that 立行立改 means
 * @param reportingMonth the month being reported; supplies the year of "12月31日前"
 * @param limits size limits for hostile or absurd files
 */
public record ReadSettings(Map<Field, List<String>> extraAliases, Set<String> placeholders, List<String> signerLabels,
        LocalDate feedbackDate, int immediateDays, YearMonth reportingMonth, Limits limits) {

    public static final Set<String> DEFAULT_PLACEHOLDERS = Set.of("/", "-", "—", "无", "待定", "暂无", "xx", "XX",
            "某某", "***");

    /** The signers a department's sheet carries unless the job file says otherwise: filler, reviewer, head. */
    public static final List<String> USUAL_SIGNERS = List.of("填报人", "审核人", "单位负责人");

    /** The ways a department head's signature line is labelled. */
    public static final List<String> HEAD_SIGNER_LABELS = List.of("单位负责人", "单位主要负责人", "主要负责人", "负责人");

    /** Signer labels looked for in every signature block: the usual signers and every label of the head. */
    public static final List<String> DEFAULT_SIGNER_LABELS = Stream.concat(USUAL_SIGNERS.stream(),
            HEAD_SIGNER_LABELS.stream()).distinct().toList();

    /** Days after the feedback date that 立行立改 means when the job file does not say. */
    public static final int DEFAULT_IMMEDIATE_DAYS = 30;

    /**
     * @param maxFileBytes largest file accepted
     * @param maxRows most rows in one sheet
     * @param maxColumns most columns in one sheet
     * @param minInflateRatio smallest compressed/uncompressed ratio tolerated in a zip entry (zip bombs)
     * @param maxEntryBytes largest uncompressed size of one zip entry
     */
    public record Limits(long maxFileBytes, int maxRows, int maxColumns, double minInflateRatio, long maxEntryBytes) {

        /** Most rows of an .xlsx sheet, Excel's own limit. */
        public static final int XLSX_ROWS = 1_048_576;

        /** Most rows of an .xls sheet, Excel 97-2003's own limit. */
        public static final int XLS_ROWS = 65_536;

        /**
         * Rows per sheet by default: whatever Excel can hold. Rows are held compactly and a workbook that would
         * take more of the heap than it may is set aside as TOO_LARGE while it is read, so the row count is no
         * longer a memory guard; the limits against hostile files are the file size, the zip entries and the
         * columns.
         */
        public static final int DEFAULT_MAX_ROWS = XLSX_ROWS;

        /** Largest file accepted by default, in MB (intake.max-file-mb). */
        public static final int DEFAULT_MAX_FILE_MB = 50;

        /** Most columns per sheet by default (intake.max-columns). */
        public static final int DEFAULT_MAX_COLUMNS = 200;

        /** The limits a job file that names none gets. */
        public static Limits defaults() {
            return new Limits(DEFAULT_MAX_FILE_MB * 1024L * 1024L, DEFAULT_MAX_ROWS, DEFAULT_MAX_COLUMNS, 0.01,
                    1024L * 1024 * 1024);
        }

        /** Most rows a sheet of the format can have. */
        static int formatRows(SpreadsheetFormat format) {
            return (format == SpreadsheetFormat.BIFF8) ? XLS_ROWS : XLSX_ROWS;
        }

    }

}
