package org.rectification.ledger.system;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.rectification.ledger.sheet.Text;

/**
 * Loads the roster the way offices keep it: a CSV saved from Excel or WPS (UTF-8 with or without BOM,
 * or GBK, which Chinese Excel writes by default) or an .xlsx/.xls sheet, with the header
 * {@code 单位名称,别名} or {@code department,aliases}.
 */
public final class RosterLoader {

    private static final Charset GBK = Charset.forName("GBK");

    private static final String ALIAS_SEPARATORS = "[;；、|｜,，]";

    private RosterLoader() {
    }

    public static Roster load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new JobFileException(Messages.get("system.roster.problem", file, Messages.get("system.file-missing", file)), null);
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
            throw new JobFileException(Messages.get("system.roster.problem", file, Messages.get("system.roster.unreadable")), ex);
        }
        return fromRows(file, rows);
    }

    static Roster fromRows(Path file, List<List<String>> rows) {
        int headerIndex = -1;
        int nameColumn = -1;
        int aliasColumn = -1;
        for (int i = 0; i < rows.size() && headerIndex < 0; i++) {
            List<String> row = rows.get(i);
            for (int c = 0; c < row.size(); c++) {
                String key = Text.key(row.get(c)).toLowerCase(Locale.ROOT);
                if (key.equals("单位名称") || key.equals("department") || key.equals("单位")) {
                    nameColumn = c;
                    headerIndex = i;
                }
                else if (key.equals("别名") || key.equals("aliases") || key.equals("简称")) {
                    aliasColumn = c;
                }
            }
        }
        if (headerIndex < 0) {
            throw new JobFileException(Messages.get("system.roster.problem", file, Messages.get("system.roster.no-header")), null);
        }
        List<Roster.Department> departments = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = headerIndex + 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String name = (nameColumn < row.size()) ? Text.clean(row.get(nameColumn)) : "";
            if (name.isEmpty()) {
                continue;
            }
            if (!seen.add(Text.key(name))) {
                throw new JobFileException(Messages.get("system.roster.problem", file,
                        Messages.get("system.roster.twice", String.valueOf(i + 1), name)), null);
            }
            List<String> aliases = new ArrayList<>();
            if (aliasColumn >= 0 && aliasColumn < row.size()) {
                Arrays.stream(row.get(aliasColumn).split(ALIAS_SEPARATORS))
                    .map(Text::clean)
                    .filter((alias) -> !alias.isEmpty())
                    .forEach(aliases::add);
            }
            departments.add(new Roster.Department(name, List.copyOf(aliases)));
        }
        if (departments.isEmpty()) {
            throw new JobFileException(Messages.get("system.roster.problem", file, Messages.get("system.roster.empty")), null);
        }
        return new Roster(departments);
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
