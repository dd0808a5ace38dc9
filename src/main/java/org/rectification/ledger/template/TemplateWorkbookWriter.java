package org.rectification.ledger.template;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.rectification.ledger.ledger.OpenTask;
import org.rectification.ledger.sheet.Deadline;
import org.rectification.ledger.sheet.StatusWords;
import org.rectification.ledger.sheet.TaskStatus;
import org.rectification.ledger.system.Messages;

/**
 * Writes one department's sheet for a month in the layout of the office's own sheets: merged title, a 填报单位 /
 * 填报日期 line, one header row, the tasks with category and problem merged over their measures, then the signature
 * block. What the ledger knows (codes, problems, measures, responsibility, deadlines) is locked by sheet protection;
 * status, progress, evidence, remarks, the signers' names and 填报日期 are the unlocked, tinted cells the department
 * fills in. Status has a dropdown of the words the reader recognises; deadlines and 填报日期 are date-validated.
 */
final class TemplateWorkbookWriter {

    /** Blank rows under the tasks for measures the office adds during the month; an empty sheet gets more. */
    private static final int SPARE_ROWS = 3;

    private static final int SPARE_ROWS_WHEN_EMPTY = 10;

    private static final int TITLE_ROW = 0;

    private static final int UNIT_ROW = 1;

    private static final int HEADER_ROW = 2;

    private static final float LINE_POINTS = 13.5f;

    /**
     * The table's columns, in order; the header texts are names the sheet reader recognises.
     *
     * @param width in characters (category: room for the usual six-character 业务工作方面 on one line; at 10 a
     *     printed .xls broke it as 业务工作方 / 面)
     * @param input filled in by the department (unlocked)
     */
    private enum Column {

        SEQ("seq", 5, false), TASK_CODE("task-code", 10, false), CATEGORY("category", 14, false),
        PROBLEM("problem", 24, false), MEASURE("measure", 28, false), LEADER("leader", 8, false),
        DEPARTMENT("department", 12, false), OWNER("owner", 8, false), CO_DEPARTMENTS("co-departments", 10, false),
        DEADLINE("deadline", 16, false), STATUS("status", 10, true), PROGRESS("progress", 30, true),
        EVIDENCE("evidence", 18, true), REMARKS("remarks", 12, true);

        final String key;

        final int width;

        final boolean input;

        Column(String key, int width, boolean input) {
            this.key = key;
            this.width = width;
            this.input = input;
        }

        String header() {
            return Messages.get("template.col." + this.key);
        }

    }

    private static final int LAST_COLUMN = Column.values().length - 1;

    /**
     * Where each signer's label and name go on the signature row: label columns, then name columns (merged when
     * they span more than one), for up to three signers side by side; a fourth and more go on following rows.
     */
    private static final int[][] SIGNATURE_SLOTS = { { 0, 2, 3, 3 }, { 4, 4, 5, 6 }, { 7, 9, 10, 11 } };

    void write(TemplateSheet template, TemplateFormat format, OutputStream out) throws IOException {
        try (Workbook workbook = create(format, template)) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(Messages.get("template.sheet"));
            for (Column column : Column.values()) {
                sheet.setColumnWidth(column.ordinal(), 256 * column.width);
            }
            writeHeading(sheet, styles, template);
            int firstTaskRow = HEADER_ROW + 1;
            int afterTasks = writeTasks(sheet, styles, template.tasks(), firstTaskRow);
            int spare = template.tasks().isEmpty() ? SPARE_ROWS_WHEN_EMPTY : SPARE_ROWS;
            int afterTable = writeSpareRows(sheet, styles, afterTasks, spare);
            validate(sheet, template, firstTaskRow, afterTasks, afterTable);
            int lastRow = writeSignatures(sheet, styles, template.signers(), afterTable + 1);
            lastRow = writeNote(sheet, styles, lastRow + 1);
            printSetup(workbook, sheet, lastRow);
            protect(sheet);
            workbook.write(out);
        }
    }

    private static Workbook create(TemplateFormat format, TemplateSheet template) {
        String title = Messages.get("template.title", template.department(), template.campaign(),
                String.valueOf(template.month().getYear()), String.valueOf(template.month().getMonthValue()));
        if (format == TemplateFormat.XLS) {
            HSSFWorkbook workbook = new HSSFWorkbook();
            workbook.createInformationProperties();
            // Chinese Excel writes its document properties in GBK; without a code page the title would be garbled
            workbook.getSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_GBK);
            workbook.getDocumentSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_GBK);
            workbook.getSummaryInformation().setTitle(title);
            workbook.getSummaryInformation().setAuthor(template.campaign());
            return workbook;
        }
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.getProperties().getCoreProperties().setTitle(title);
        workbook.getProperties().getCoreProperties().setCreator(template.campaign());
        return workbook;
    }

    private static void writeHeading(Sheet sheet, Styles styles, TemplateSheet template) {
        YearMonth month = template.month();
        Row title = sheet.createRow(TITLE_ROW);
        title.setHeightInPoints(36);
        text(title, 0, Messages.get("template.title", template.department(), template.campaign(),
                String.valueOf(month.getYear()), String.valueOf(month.getMonthValue())), styles.title);
        sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, LAST_COLUMN));

        Row unit = sheet.createRow(UNIT_ROW);
        unit.setHeightInPoints(24);
        // nothing on this line is merged: a cell merged over some header columns would make the reader take the line
        // for the upper row of a two-row header; the unit's name simply runs on over the empty cells to its right
        text(unit, 0, Messages.get("template.unit-line", template.department()), styles.line);
        int dateLabel = Column.PROGRESS.ordinal();
        text(unit, dateLabel, Messages.get("template.filled-date-label"), styles.label);
        unit.createCell(dateLabel + 1).setCellStyle(styles.dateInput);

        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(30);
        for (Column column : Column.values()) {
            text(header, column.ordinal(), column.header(), styles.header);
        }
    }

    /** Writes the tasks; returns the row after the last. */
    private static int writeTasks(Sheet sheet, Styles styles, List<OpenTask> tasks, int first) {
        int r = first;
        int runStart = first;
        OpenTask previous = null;
        for (OpenTask task : tasks) {
            boolean newProblem = previous == null || !Objects.equals(previous.problem(), task.problem())
                    || !Objects.equals(previous.category(), task.category());
            if (newProblem && previous != null) {
                mergeProblem(sheet, runStart, r - 1, previous);
                runStart = r;
            }
            Row row = sheet.createRow(r);
            for (Column column : Column.values()) {
                Cell cell = row.createCell(column.ordinal());
                cell.setCellStyle(column.input ? (column == Column.STATUS ? styles.statusInput : styles.input)
                        : (column == Column.SEQ ? styles.lockedCentered : styles.locked));
            }
            row.getCell(Column.SEQ.ordinal()).setCellValue(r - first + 1);
            set(row, Column.TASK_CODE, task.taskCode());
            if (newProblem) {
                set(row, Column.CATEGORY, task.category());
                set(row, Column.PROBLEM, task.problem());
            }
            set(row, Column.MEASURE, task.measure());
            set(row, Column.LEADER, task.leader());
            set(row, Column.DEPARTMENT, task.department());
            set(row, Column.OWNER, task.owner());
            set(row, Column.CO_DEPARTMENTS, task.coDepartments());
            deadline(row.getCell(Column.DEADLINE.ordinal()), task, styles);
            // last month's status, progress and evidence are the starting point the department updates
            set(row, Column.STATUS, (task.status() != null) ? task.status().label() : null);
            set(row, Column.PROGRESS, task.progress());
            set(row, Column.EVIDENCE, task.evidence());
            row.setHeightInPoints(height(task.measure(), task.progress(), task.evidence(), task.leader(),
                    task.department(), task.owner(), task.coDepartments()));
            previous = task;
            r++;
        }
        if (previous != null) {
            mergeProblem(sheet, runStart, r - 1, previous);
        }
        return r;
    }

    /**
     * Category and problem merged over the measures of one problem, as the office's sheets have them; the rows get
     * taller when the problem's text needs more room than its measures.
     */
    private static void mergeProblem(Sheet sheet, int from, int to, OpenTask task) {
        if (to > from) {
            sheet.addMergedRegion(new CellRangeAddress(from, to, Column.CATEGORY.ordinal(), Column.CATEGORY.ordinal()));
            sheet.addMergedRegion(new CellRangeAddress(from, to, Column.PROBLEM.ordinal(), Column.PROBLEM.ordinal()));
        }
        float needed = Math.max(lines(task.problem(), Column.PROBLEM.width), lines(task.category(),
                Column.CATEGORY.width)) * LINE_POINTS + 6;
        float have = 0;
        for (int r = from; r <= to; r++) {
            have += sheet.getRow(r).getHeightInPoints();
        }
        if (needed > have) {
            Row last = sheet.getRow(to);
            last.setHeightInPoints(last.getHeightInPoints() + needed - have);
        }
    }

    /** A date cell for a calendar deadline; the department's words for 立行立改, 长期坚持 and the like. */
    private static void deadline(Cell cell, OpenTask task, Styles styles) {
        if (task.deadlineKind() == Deadline.Kind.DATE && task.deadline() != null) {
            cell.setCellValue(task.deadline());
            cell.setCellStyle(styles.lockedDate);
        }
        else if (task.deadlineText() != null && !task.deadlineText().isBlank()) {
            cell.setCellValue(task.deadlineText().trim());
            cell.setCellStyle(styles.lockedCentered);
        }
        else if (task.deadline() != null) {
            cell.setCellValue(task.deadline());
            cell.setCellStyle(styles.lockedDate);
        }
    }

    /** Blank rows, every cell open, for tasks added during the month; returns the row after them. */
    private static int writeSpareRows(Sheet sheet, Styles styles, int first, int count) {
        for (int r = first; r < first + count; r++) {
            Row row = sheet.createRow(r);
            row.setHeightInPoints(LINE_POINTS * 2 + 4);
            for (Column column : Column.values()) {
                CellStyle style = switch (column) {
                    case DEADLINE -> styles.dateInputBoxed;
                    case STATUS, SEQ -> styles.statusInput;
                    default -> styles.input;
                };
                row.createCell(column.ordinal()).setCellStyle(style);
            }
        }
        return first + count;
    }

    private static void validate(Sheet sheet, TemplateSheet template, int firstTask, int afterTasks, int afterTable) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int status = Column.STATUS.ordinal();
        DataValidation statuses = helper.createValidation(helper.createExplicitListConstraint(statusChoices()),
                new CellRangeAddressList(firstTask, afterTable - 1, status, status));
        // POI's flag means "show the arrow" for .xlsx and "hide it" for .xls: the arrow is wanted in both
        statuses.setSuppressDropDownArrow(sheet instanceof XSSFSheet);
        statuses.setErrorStyle(DataValidation.ErrorStyle.STOP);
        statuses.createErrorBox(Messages.get("template.status.error-title"), Messages.get("template.status.error"));
        statuses.setShowErrorBox(true);
        statuses.createPromptBox(Messages.get("template.status.prompt-title"), Messages.get("template.status.prompt"));
        statuses.setShowPromptBox(true);
        sheet.addValidationData(statuses);

        // deadlines: a date on or after the feedback date; a locked one only flags (圈释无效数据) a later change,
        // a new row may also say 长期坚持 or 立行立改, so the box warns instead of refusing
        int deadline = Column.DEADLINE.ordinal();
        LocalDate feedback = template.feedbackDate();
        DataValidation deadlines = helper.createValidation(
                helper.createDateConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, dateFormula(feedback),
                        null, null),
                new CellRangeAddressList(firstTask, afterTable - 1, deadline, deadline));
        deadlines.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        deadlines.createErrorBox(Messages.get("template.deadline.error-title"),
                Messages.get("template.deadline.error", chinese(feedback)));
        deadlines.setShowErrorBox(true);
        sheet.addValidationData(deadlines);

        YearMonth month = template.month();
        int dateColumn = Column.PROGRESS.ordinal() + 1;
        DataValidation filled = helper.createValidation(
                helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                        dateFormula(month.minusMonths(1).atDay(1)), dateFormula(month.atEndOfMonth()), null),
                new CellRangeAddressList(UNIT_ROW, UNIT_ROW, dateColumn, dateColumn));
        filled.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        filled.createErrorBox(Messages.get("template.filled-date.error-title"), Messages.get("template.filled-date.error",
                chinese(month.minusMonths(1).atDay(1)), chinese(month.atEndOfMonth())));
        filled.setShowErrorBox(true);
        sheet.addValidationData(filled);
    }

    /** One word per status, each one the reader maps back to that status. */
    static String[] statusChoices() {
        List<String> words = new ArrayList<>();
        for (TaskStatus status : List.of(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED,
                TaskStatus.ONGOING)) {
            if (StatusWords.parse(status.label()) != status) {
                throw new IllegalStateException("Status word " + status.label() + " is not read back as " + status);
            }
            words.add(status.label());
        }
        return words.toArray(String[]::new);
    }

    private static String dateFormula(LocalDate date) {
        return "=DATE(" + date.getYear() + "," + date.getMonthValue() + "," + date.getDayOfMonth() + ")";
    }

    private static String chinese(LocalDate date) {
        return Messages.get("template.date", String.valueOf(date.getYear()), String.valueOf(date.getMonthValue()),
                String.valueOf(date.getDayOfMonth()));
    }

    /**
     * The signature block: each signer's label (locked) with an open, underlined cell to its right for the name,
     * three to a row, then the seal line. Returns the last row written.
     */
    private static int writeSignatures(Sheet sheet, Styles styles, List<String> signers, int first) {
        if (signers.isEmpty()) {
            return first;
        }
        int r = first;
        for (int i = 0; i < signers.size(); i++) {
            int[] slot = SIGNATURE_SLOTS[i % SIGNATURE_SLOTS.length];
            r = first + 2 * (i / SIGNATURE_SLOTS.length);
            Row row = (sheet.getRow(r) != null) ? sheet.getRow(r) : sheet.createRow(r);
            row.setHeightInPoints(30);
            text(row, slot[0], label(signers.get(i)), styles.label);
            for (int c = slot[0] + 1; c <= slot[1]; c++) {
                row.createCell(c).setCellStyle(styles.label);
            }
            if (slot[1] > slot[0]) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, slot[0], slot[1]));
            }
            for (int c = slot[2]; c <= slot[3]; c++) {
                row.createCell(c).setCellStyle(styles.signature);
            }
            if (slot[3] > slot[2]) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, slot[2], slot[3]));
            }
        }
        Row seal = sheet.createRow(r + 1);
        seal.setHeightInPoints(24);
        int sealColumn = SIGNATURE_SLOTS[Math.min(signers.size(), SIGNATURE_SLOTS.length) - 1][2];
        text(seal, sealColumn, Messages.get("template.seal"), styles.line);
        return r + 1;
    }

    /** The department head signs (签字); the others' labels are plain. */
    private static String label(String signer) {
        boolean head = signer.endsWith("负责人");
        return Messages.get(head ? "template.signer.head" : "template.signer", signer);
    }

    /** How to fill the sheet, under the signatures; worded without any label the reader would take for one. */
    private static int writeNote(Sheet sheet, Styles styles, int r) {
        Row row = sheet.createRow(r);
        text(row, 0, Messages.get("template.note"), styles.note);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, LAST_COLUMN));
        row.setHeightInPoints(LINE_POINTS * 2 + 4);
        return r;
    }

    private static void printSetup(Workbook workbook, Sheet sheet, int lastRow) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        // the footer needs its own room below the table, or LibreOffice clips the page numbers
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.8);
        sheet.setMargin(Sheet.HeaderMargin, 0.3);
        sheet.setMargin(Sheet.FooterMargin, 0.3);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        workbook.setPrintArea(0, 0, LAST_COLUMN, 0, lastRow);
        sheet.getFooter().setCenter(Messages.get("template.footer"));
        sheet.createFreezePane(0, HEADER_ROW + 1);
    }

    /**
     * Protects the sheet without a password, as Excel and WPS honour it: locked cells cannot be typed over, the
     * open ones can, and rows and columns may still be resized for long progress texts.
     */
    private static void protect(Sheet sheet) {
        if (sheet instanceof XSSFSheet xssf) {
            xssf.enableLocking();
            xssf.lockFormatRows(false);
            xssf.lockFormatColumns(false);
            xssf.lockSelectLockedCells(false);
            xssf.lockSelectUnlockedCells(false);
        }
        else {
            sheet.protectSheet("");
        }
    }

    private static void set(Row row, Column column, String value) {
        if (value != null && !value.isBlank()) {
            row.getCell(column.ordinal()).setCellValue(value);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        cell.setCellValue(value);
    }

    /** A row tall enough for the longest of its texts in its column, wrapped. */
    private static float height(String measure, String progress, String evidence, String leader, String department,
            String owner, String coDepartments) {
        int lines = Math.max(1, Math.max(lines(measure, Column.MEASURE.width), lines(progress, Column.PROGRESS.width)));
        lines = Math.max(lines, lines(evidence, Column.EVIDENCE.width));
        lines = Math.max(lines, lines(leader, Column.LEADER.width));
        lines = Math.max(lines, lines(department, Column.DEPARTMENT.width));
        lines = Math.max(lines, lines(owner, Column.OWNER.width));
        lines = Math.max(lines, lines(coDepartments, Column.CO_DEPARTMENTS.width));
        return Math.max(2, lines) * LINE_POINTS + 6;
    }

    /** Lines a text wraps to in a column of the given width (a Chinese character is two widths). */
    static int lines(String text, int width) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int usable = Math.max(2, width - 2);
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            int units = 0;
            for (int i = 0; i < line.length(); i++) {
                units += (line.charAt(i) < 0x2E80) ? 1 : 2;
            }
            lines += Math.max(1, (units + usable - 1) / usable);
        }
        return lines;
    }

    /** The sheet's cell styles: locked ones for what the ledger knows, open tinted ones for what is filled in. */
    private static final class Styles {

        final CellStyle title;

        final CellStyle line;

        final CellStyle label;

        final CellStyle note;

        final CellStyle header;

        final CellStyle locked;

        final CellStyle lockedCentered;

        final CellStyle lockedDate;

        final CellStyle input;

        final CellStyle statusInput;

        final CellStyle dateInput;

        final CellStyle dateInputBoxed;

        final CellStyle signature;

        Styles(Workbook workbook) {
            short dateFormat = workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\"");
            Font normal = font(workbook, 10, false);
            this.title = workbook.createCellStyle();
            this.title.setFont(font(workbook, 16, true));
            this.title.setAlignment(HorizontalAlignment.CENTER);
            this.title.setVerticalAlignment(VerticalAlignment.CENTER);
            this.line = workbook.createCellStyle();
            this.line.setFont(font(workbook, 11, false));
            this.line.setVerticalAlignment(VerticalAlignment.CENTER);
            this.label = workbook.createCellStyle();
            this.label.cloneStyleFrom(this.line);
            this.label.setAlignment(HorizontalAlignment.RIGHT);
            this.note = workbook.createCellStyle();
            this.note.setFont(font(workbook, 9, false));
            this.note.setWrapText(true);
            this.note.setVerticalAlignment(VerticalAlignment.TOP);
            this.header = bordered(workbook, font(workbook, 10, true));
            this.header.setAlignment(HorizontalAlignment.CENTER);
            this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            this.locked = bordered(workbook, normal);
            this.lockedCentered = bordered(workbook, normal);
            this.lockedCentered.setAlignment(HorizontalAlignment.CENTER);
            this.lockedDate = bordered(workbook, normal);
            this.lockedDate.setAlignment(HorizontalAlignment.CENTER);
            this.lockedDate.setDataFormat(dateFormat);
            this.input = open(bordered(workbook, normal));
            this.statusInput = open(bordered(workbook, normal));
            this.statusInput.setAlignment(HorizontalAlignment.CENTER);
            this.dateInputBoxed = open(bordered(workbook, normal));
            this.dateInputBoxed.setAlignment(HorizontalAlignment.CENTER);
            this.dateInputBoxed.setDataFormat(dateFormat);
            this.dateInput = open(workbook.createCellStyle());
            this.dateInput.setFont(font(workbook, 11, false));
            this.dateInput.setBorderBottom(BorderStyle.THIN);
            this.dateInput.setAlignment(HorizontalAlignment.CENTER);
            this.dateInput.setVerticalAlignment(VerticalAlignment.CENTER);
            this.dateInput.setDataFormat(dateFormat);
            this.signature = open(workbook.createCellStyle());
            this.signature.setFont(font(workbook, 11, false));
            this.signature.setBorderBottom(BorderStyle.THIN);
            this.signature.setAlignment(HorizontalAlignment.CENTER);
            this.signature.setVerticalAlignment(VerticalAlignment.CENTER);
        }

        /** Unlocked and tinted pale yellow: the cells the department fills in. */
        private static CellStyle open(CellStyle style) {
            style.setLocked(false);
            style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        }

        private static Font font(Workbook workbook, int points, boolean bold) {
            Font font = workbook.createFont();
            font.setFontName("宋体");
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            return font;
        }

        private static CellStyle bordered(Workbook workbook, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }

    }

}
