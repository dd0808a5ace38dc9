package org.rectification.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.check.RuleCode;
import org.rectification.ledger.sheet.TextForms;

/**
 * A tiny benchmark corpus is reproducible from its seed and its returned counts match what is in the files.
 */
class BenchmarkCorpusGeneratorTests {

    private static final DataFormatter FORMATTER = new DataFormatter();

    @Test
    void sameSeedWritesTheSameBytes(@TempDir Path first, @TempDir Path second) throws IOException {
        BenchmarkCorpusGenerator.Corpus a = new BenchmarkCorpusGenerator(42L, 3, 5, 0.3, 0.4).writeTo(first);
        BenchmarkCorpusGenerator.Corpus b = new BenchmarkCorpusGenerator(42L, 3, 5, 0.3, 0.4).writeTo(second);

        Map<String, byte[]> one = contents(first);
        Map<String, byte[]> two = contents(second);
        assertThat(one.keySet()).containsExactlyElementsOf(two.keySet());
        one.forEach((file, bytes) -> assertThat(two.get(file)).as(file).isEqualTo(bytes));
        assertThat(a.expectedRowErrors()).isEqualTo(b.expectedRowErrors());
    }

    @Test
    void anotherSeedWritesAnotherCorpus(@TempDir Path first, @TempDir Path second) throws IOException {
        new BenchmarkCorpusGenerator(42L, 3, 5, 0.3, 0.4).writeTo(first);
        new BenchmarkCorpusGenerator(43L, 3, 5, 0.3, 0.4).writeTo(second);

        Map<String, byte[]> one = contents(first);
        Map<String, byte[]> two = contents(second);
        assertThat(one.get("roster.csv")).as("the roster depends only on the number of departments")
            .isEqualTo(two.get("roster.csv"));
        assertThat(one.keySet().stream().filter((file) -> file.startsWith("inbox/"))
            .anyMatch((file) -> !java.util.Arrays.equals(one.get(file), two.get(file)))).isTrue();
    }

    @Test
    void countsMatchWhatIsInTheFiles(@TempDir Path folder) throws IOException {
        BenchmarkCorpusGenerator.Corpus corpus = new BenchmarkCorpusGenerator(42L, 3, 5, 0.3, 0.4).writeTo(folder);

        assertThat(corpus.files()).hasSize(3).allSatisfy((file) -> assertThat(file).isRegularFile().hasParent(corpus.inbox()));
        assertThat(corpus.xlsFiles() + corpus.xlsxFiles()).isEqualTo(3);
        assertThat(corpus.files().stream().filter((file) -> file.toString().endsWith(".xls")).count())
            .isEqualTo(corpus.xlsFiles());
        assertThat(corpus.tasks()).isEqualTo(15);
        assertThat(corpus.defectiveRows()).isPositive();
        assertThat(corpus.mergeableRows()).isEqualTo(15 - corpus.defectiveRows());
        assertThat(corpus.expectedRowErrors().values().stream().mapToInt(Integer::intValue).sum())
            .isEqualTo(corpus.defectiveRows());

        Map<RuleCode, Integer> found = new EnumMap<>(RuleCode.class);
        int rows = 0;
        for (Path file : corpus.files()) {
            try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
                rows += defects(workbook.getSheetAt(0), found);
            }
        }
        assertThat(rows).isEqualTo(corpus.tasks());
        assertThat(found).isEqualTo(corpus.expectedRowErrors());
    }

    @Test
    void writesTheRosterAndAJobFileNextToTheInbox(@TempDir Path folder) throws IOException {
        BenchmarkCorpusGenerator.Corpus corpus = new BenchmarkCorpusGenerator(7L, 3, 5, 0.3, 0.1).writeTo(folder);

        String roster = new String(Files.readAllBytes(corpus.roster()), Charset.forName("GBK"));
        assertThat(roster).isEqualTo("单位名称,别名\r\n县测试单位0001,测试单位0001\r\n县测试单位0002,测试单位0002\r\n"
                + "县测试单位0003,测试单位0003\r\n");
        assertThat(Files.readString(corpus.jobFile())).contains("roster: roster.csv").contains("inbox: inbox")
            .contains("feedback-date: 2026-09-15");
    }

    @Test
    void largeSheetsAreStreamedWithSxssf(@TempDir Path folder) throws IOException {
        BenchmarkCorpusGenerator.Corpus corpus = new BenchmarkCorpusGenerator(1L, 1, 2_500, 0.0, 0.0).writeTo(folder);

        assertThat(corpus.xlsxFiles()).isEqualTo(1);
        try (ZipFile zip = new ZipFile(corpus.files().get(0).toFile());
                InputStream sheet = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
            String xml = new String(sheet.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(xml).as("SXSSF writes inline strings, XSSF shared strings").contains("t=\"inlineStr\"");
            assertThat(xml.split("<t>措施", -1)).as("one inline measure per task row").hasSize(2_500 + 1);
        }
    }

    @Nested
    class InvalidSettings {

        @Test
        void rejectsZeroDepartments() {
            assertThatIllegalArgumentException().isThrownBy(() -> new BenchmarkCorpusGenerator(1L, 0, 5, 0.3, 0.1));
        }

        @Test
        void rejectsSharesOutsideZeroToOne() {
            assertThatIllegalArgumentException().isThrownBy(() -> new BenchmarkCorpusGenerator(1L, 3, 5, 1.5, 0.1));
            assertThatIllegalArgumentException().isThrownBy(() -> new BenchmarkCorpusGenerator(1L, 3, 5, 0.3, -0.1));
        }

    }

    /** Counts task rows (measure starts with 措施) and their defects; returns the number of task rows. */
    private static int defects(Sheet sheet, Map<RuleCode, Integer> found) {
        int owner = -1;
        int deadline = -1;
        int measure = -1;
        int rows = 0;
        for (Row row : sheet) {
            for (int c = 0; c < row.getLastCellNum(); c++) {
                String text = TextForms.key(FORMATTER.formatCellValue(row.getCell(c)));
                if (text.equals("责任人")) {
                    owner = c;
                }
                else if (text.equals("整改时限")) {
                    deadline = c;
                }
                else if (text.equals("整改措施")) {
                    measure = c;
                }
            }
            if (measure >= 0 && FORMATTER.formatCellValue(row.getCell(measure)).startsWith("措施")) {
                rows++;
                String deadlineText = FORMATTER.formatCellValue(row.getCell(deadline));
                if (FORMATTER.formatCellValue(row.getCell(owner)).isEmpty()) {
                    found.merge(RuleCode.OWNER_MISSING, 1, Integer::sum);
                }
                if (deadlineText.equals("尽快")) {
                    found.merge(RuleCode.DEADLINE_UNPARSEABLE, 1, Integer::sum);
                }
                if (deadlineText.isEmpty()) {
                    found.merge(RuleCode.DEADLINE_MISSING, 1, Integer::sum);
                }
            }
        }
        return rows;
    }

    private static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return contents;
    }

}
