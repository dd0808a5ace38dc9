package org.rectification.ledger.office;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.rectification.ledger.sheet.TextForms;
import org.rectification.ledger.system.Messages;
import org.rectification.ledger.roster.Roster;

/**
 * Loads the roster the way offices keep it: a CSV saved from Excel or WPS (UTF-8 with or without BOM,
 * or GBK, which Chinese Excel writes by default) or an .xlsx/.xls sheet, with the header
 * {@code 单位名称,别名,是否报送,联系人,联系邮箱} (or {@code department,aliases,reporting,contact,mail}), columns in
 * any order, only the name required.
 */
public final class RosterLoader {

    private static final Charset GBK = Charset.forName("GBK");

    /** Several aliases or addresses in one cell, as offices separate them. */
    private static final String LIST_SEPARATORS = "[;；、|｜,，]";

    private static final Pattern MAIL = Pattern.compile("[^@\\s<>()\\[\\],;:\"]+@[^@\\s<>()\\[\\],;:\"]+\\.[^@\\s<>()\\[\\],;:\"]+");

    private static final Set<String> YES = Set.of("是", "yes", "y", "true", "1", "报送");

    private static final Set<String> NO = Set.of("否", "no", "n", "false", "0", "不报送");

    private RosterLoader() {
    }

    public static Roster load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new JobFileException(Messages.get("roster.missing", file), null);
        }
        List<List<String>> rows;
        try {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            rows = (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".xlsm")) ? readWorkbook(file)
                    : readCsv(file);
        }
        catch (IOException | RuntimeException ex) {
            if (ex instanceof JobFileException jobFileException) {
                throw jobFileException;
            }
            throw new JobFileException(Messages.get("roster.unreadable", file), ex);
        }
        return fromRows(file, rows);
    }

    static Roster fromRows(Path file, List<List<String>> rows) {
        int headerIndex = -1;
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < rows.size() && headerIndex < 0; i++) {
            List<String> row = rows.get(i);
            Map<Column, Integer> found = new EnumMap<>(Column.class);
            for (int c = 0; c < row.size(); c++) {
                Column column = Column.of(row.get(c));
                if (column != null) {
                    found.putIfAbsent(column, c);
                }
            }
            if (found.containsKey(Column.NAME)) {
                headerIndex = i;
                columns = found;
            }
        }
        if (headerIndex < 0) {
            throw new JobFileException(Messages.get("roster.no-header", file), null);
        }
        List<Roster.Department> departments = new ArrayList<>();
        Map<String, String> namesSeen = new HashMap<>();
        for (int i = headerIndex + 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            int line = i + 1;
            String name = TextForms.clean(cell(row, columns.get(Column.NAME)));
            if (name.isEmpty()) {
                continue;
            }
            claim(namesSeen, file, line, name, name);
            List<String> aliases = new ArrayList<>();
            for (String alias : split(cell(row, columns.get(Column.ALIASES)))) {
                if (!TextForms.key(alias).equals(TextForms.key(name))) {
                    claim(namesSeen, file, line, alias, name);
                    aliases.add(alias);
                }
            }
            boolean reporting = reporting(file, line, cell(row, columns.get(Column.REPORTING)));
            String contact = TextForms.clean(cell(row, columns.get(Column.CONTACT)));
            List<String> mails = new ArrayList<>();
            for (String mail : split(cell(row, columns.get(Column.MAIL)))) {
                if (!MAIL.matcher(mail).matches()) {
                    throw new JobFileException(Messages.get("roster.bad-mail", file, line, mail), null);
                }
                mails.add(mail);
            }
            departments.add(new Roster.Department(name, aliases, reporting, contact.isEmpty() ? null : contact,
                    mails));
        }
        if (departments.isEmpty()) {
            throw new JobFileException(Messages.get("roster.empty", file), null);
        }
        return new Roster(departments);
    }

    /** The roster's columns, by the header names offices use. */
    private enum Column {

        NAME("单位名称", "department", "单位"), ALIASES("别名", "aliases", "简称"), REPORTING("是否报送", "reporting"),
        CONTACT("联系人", "contact"), MAIL("联系邮箱", "邮箱", "mail", "email", "电子邮箱");

        private final List<String> headers;

        Column(String... headers) {
            this.headers = List.of(headers);
        }

        static Column of(String header) {
            String key = TextForms.key(header).toLowerCase(Locale.ROOT);
            for (Column column : values()) {
                if (column.headers.contains(key)) {
                    return column;
                }
            }
            return null;
        }

    }

    /** A name or alias belongs to one department only; the second use is an error naming both. */
    private static void claim(Map<String, String> seen, Path file, int line, String written, String department) {
        String earlier = seen.putIfAbsent(TextForms.key(written), department);
        if (earlier != null) {
            throw new JobFileException(Messages.get("roster.name-twice", file, line, written, earlier), null);
        }
    }

    private static boolean reporting(Path file, int line, String value) {
        String key = TextForms.key(value).toLowerCase(Locale.ROOT);
        if (key.isEmpty() || YES.contains(key)) {
            return true;
        }
        if (NO.contains(key)) {
            return false;
        }
        throw new JobFileException(Messages.get("roster.bad-reporting", file, line, value), null);
    }

    private static String cell(List<String> row, Integer column) {
        return (column != null && column < row.size() && row.get(column) != null) ? row.get(column) : "";
    }

    private static List<String> split(String cell) {
        return Arrays.stream(cell.split(LIST_SEPARATORS)).map(TextForms::clean).filter((v) -> !v.isEmpty()).toList();
    }

    private static List<List<String>> readCsv(Path file) throws IOException {
        String text = decode(Files.readAllBytes(file));
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            rows.add(record.toList());
        }
        return rows;
    }

    /** UTF-8 (BOM or not) when the bytes are valid UTF-8, otherwise GBK. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        }
        catch (CharacterCodingException ex) {
            return new String(bytes, GBK);
        }
    }

    private static List<List<String>> readWorkbook(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add((cell != null) ? formatter.formatCellValue(cell) : "");
                }
                rows.add(cells);
            }
        }
        return rows;
    }

}
