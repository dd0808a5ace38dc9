package org.rectification.ledger.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.ExcelWriter;
import com.alibaba.excel.context.AnalysisContext;
import com.alibaba.excel.read.listener.ReadListener;
import com.alibaba.excel.write.metadata.WriteSheet;

/**
 * The work floor: the same input and output volume as a nightly run, with no logic. Every workbook is read with
 * EasyExcel and a listener that does nothing (as {@link FloorRead}); each file the product returned gets one
 * notice sheet holding its rows; and the output workbooks get as many rows and cells, sheet by sheet, as the
 * product's master ledger and monthly workbook, written with EasyExcel (SXSSF underneath). What the product
 * does beyond this is its checking, merging and formatting.
 *
 * <p>The plan (which files get a notice, the rows and cells of each output sheet) is read off a product run's
 * {@code out/} folder by {@link #plan}, so the floor writes what the product wrote.
 */
final class WorkFloor {

    /** Cells of the output are this text: the length of a typical ledger cell. */
    private static final String CELL = "县测试单位整改措施落实情况";

    private static final int CHUNK = 2_000;

    private WorkFloor() {
    }

    /**
     * Writes the plan of a product run: a line {@code notice FILE} for each source file that got a return notice,
     * then {@code workbook NAME} followed by {@code sheet ROWS CELLS} for each sheet of each workbook directly in
     * {@code out/}.
     */
    static void plan(Path productOut, Path plan) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Path> workbooks;
        List<Path> notices;
        try (Stream<Path> all = Files.walk(productOut)) {
            List<Path> xlsx = all.filter((p) -> p.getFileName().toString().endsWith(".xlsx")).sorted().toList();
            workbooks = xlsx.stream().filter((p) -> p.getParent().equals(productOut)).toList();
            notices = xlsx.stream().filter((p) -> !p.getParent().equals(productOut)).toList();
        }
        for (Path notice : notices) {
            // a notice is named after its source: "<source stem>-<notice suffix>.xlsx"
            String name = notice.getFileName().toString();
            lines.add("notice " + name.substring(0, name.lastIndexOf('-')));
        }
        for (Path workbook : workbooks) {
            lines.add("workbook " + workbook.getFileName());
            for (long[] sheet : sheetSizes(workbook)) {
                lines.add("sheet " + sheet[0] + " " + sheet[1]);
            }
        }
        Files.write(plan, lines, StandardCharsets.UTF_8);
    }

    /** Rows and cells of each worksheet part, counted in its XML. */
    private static List<long[]> sheetSizes(Path workbook) throws IOException {
        List<long[]> sizes = new ArrayList<>();
        byte[] row = "<row ".getBytes(StandardCharsets.US_ASCII);
        byte[] cell = "<c ".getBytes(StandardCharsets.US_ASCII);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(workbook))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                if (entry.getName().matches("xl/worksheets/sheet\\d+\\.xml")) {
                    sizes.add(count(zip, row, cell));
                }
            }
        }
        return sizes;
    }

    private static long[] count(InputStream in, byte[] first, byte[] second) throws IOException {
        long[] found = new long[2];
        int a = 0;
        int b = 0;
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0;) {
            for (int i = 0; i < n; i++) {
                byte x = buffer[i];
                a = (x == first[a]) ? a + 1 : (x == first[0] ? 1 : 0);
                if (a == first.length) {
                    found[0]++;
                    a = 0;
                }
                b = (x == second[b]) ? b + 1 : (x == second[0] ? 1 : 0);
                if (b == second.length) {
                    found[1]++;
                    b = 0;
                }
            }
        }
        return found;
    }

    /** Reads every workbook of {@code inputs}, writes the notices and output workbooks of the plan into {@code out}. */
    static long run(List<Path> inputs, Path plan, Path out) throws IOException {
        Set<String> noticed = new HashSet<>();
        List<String> lines = Files.readAllLines(plan, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.startsWith("notice ")) {
                noticed.add(line.substring(7));
            }
        }
        Path notices = Files.createDirectories(out.resolve("notices"));
        long rows = 0;
        for (Path file : inputs) {
            String name = file.getFileName().toString();
            String stem = name.substring(0, name.lastIndexOf('.'));
            Rows kept = new Rows(noticed.contains(stem));
            EasyExcel.read(file.toFile(), kept).headRowNumber(0).doReadAll();
            rows += kept.count;
            if (kept.keep) {
                EasyExcel.write(notices.resolve(stem + ".xlsx").toFile()).sheet(0, "notice").doWrite(kept.rows);
            }
        }
        ExcelWriter writer = null;
        int sheet = 0;
        try {
            for (String line : lines) {
                if (line.startsWith("workbook ")) {
                    if (writer != null) {
                        writer.finish();
                    }
                    writer = EasyExcel.write(out.resolve(line.substring(9)).toFile()).build();
                    sheet = 0;
                }
                else if (line.startsWith("sheet ") && writer != null) {
                    String[] size = line.split(" ");
                    writeSheet(writer, sheet++, Long.parseLong(size[1]), Long.parseLong(size[2]));
                }
            }
        }
        finally {
            if (writer != null) {
                writer.finish();
            }
        }
        return rows;
    }

    private static void writeSheet(ExcelWriter writer, int index, long rows, long cells) {
        WriteSheet sheet = EasyExcel.writerSheet(index, "sheet" + (index + 1)).build();
        int columns = (int) Math.max(1, (rows > 0) ? Math.round((double) cells / rows) : 1);
        List<List<String>> chunk = new ArrayList<>(CHUNK);
        for (long r = 0; r < rows; r++) {
            List<String> row = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                row.add(CELL);
            }
            chunk.add(row);
            if (chunk.size() == CHUNK || r == rows - 1) {
                writer.write(chunk, sheet);
                chunk = new ArrayList<>(CHUNK);
            }
        }
        if (rows == 0) {
            writer.write(List.of(), sheet);
        }
    }

    /** Counts rows; keeps them, as lists of cell texts, when the file gets a notice. */
    private static final class Rows implements ReadListener<Map<Integer, String>> {

        private final boolean keep;

        private final List<List<String>> rows = new ArrayList<>();

        private long count;

        Rows(boolean keep) {
            this.keep = keep;
        }

        @Override
        public void invoke(Map<Integer, String> row, AnalysisContext context) {
            this.count++;
            if (this.keep) {
                int width = row.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                List<String> cells = new ArrayList<>(width);
                for (int c = 0; c < width; c++) {
                    cells.add(row.get(c));
                }
                this.rows.add(cells);
            }
        }

        @Override
        public void doAfterAllAnalysed(AnalysisContext context) {
        }

    }

}
