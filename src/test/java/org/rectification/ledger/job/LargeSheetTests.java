package org.rectification.ledger.job;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.bench.BenchmarkCorpusGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sheets larger than the heap would hold as cells, run by {@code ledger run} in a child JVM with a small heap: a
 * sheet over the old 50,000-row limit is merged; a sheet several times what it may hold in heap goes to scratch
 * files and is merged; a workbook whose text exceeds the heap is read from scratch files and set aside as TOO_LARGE
 * for its findings while the night's other files are merged; no scratch file is left behind.
 */
@Tag("process")
class LargeSheetTests {

    @TempDir
    Path temp;

    @Test
    void aSheetOverTheOldRowLimitIsMergedInA256MegabyteHeap() throws Exception {
        BenchmarkCorpusGenerator.Corpus corpus = new BenchmarkCorpusGenerator(20261105L, 1, 60_000, 0.0, 0.01)
            .writeTo(this.temp.resolve("corpus"));

        LedgerProcess run = run(corpus, "256m");

        assertThat(run.process.exitValue()).as(tail(run)).isZero();
        assertEveryRowOfTheSheetMerged(corpus, 60_000);
    }

    /** The corpus's one sheet was accepted, read whole, and every mergeable row is in the ledger. */
    private void assertEveryRowOfTheSheetMerged(BenchmarkCorpusGenerator.Corpus corpus, int rows) {
        Map<String, Object> submission = ledger(corpus)
            .queryForMap("select outcome, rows_read, rows_merged from submission");
        assertThat(submission.get("OUTCOME")).isEqualTo("ACCEPTED");
        assertThat(submission.get("ROWS_READ")).isEqualTo(rows);
        assertThat(submission.get("ROWS_MERGED")).isEqualTo(corpus.mergeableRows());
        assertThat(ledger(corpus).queryForObject("select count(*) from task_month", Integer.class))
            .isEqualTo(corpus.mergeableRows());
    }

    @Test
    void aSheetSeveralTimesWhatItMayHoldInHeapIsSpilledAndMergedAsTheSameSheetHeldInHeap() throws Exception {
        // the 60,000-row sheet counts about 30 MB in heap (docs/memory.md): with 4 MB allowed it spills
        // everything, as a million rows do in a 256 MB heap (ledger bench --scenario max_sheet)
        BenchmarkCorpusGenerator.Corpus corpus = new BenchmarkCorpusGenerator(20261105L, 1, 60_000, 0.0, 0.01)
            .writeTo(this.temp.resolve("corpus"));

        LedgerProcess run = run(corpus, "256m", "-Djava.io.tmpdir=" + scratch(), "-Dledger.read.in-heap-mb=4");

        assertThat(run.process.exitValue()).as(tail(run) + log(corpus)).isZero();
        assertThat(run.errors()).doesNotContain("OutOfMemoryError");
        assertEveryRowOfTheSheetMerged(corpus, 60_000);
        assertThat(scratchFiles()).as("scratch files left behind").isEmpty();
    }

    @Test
    void aWorkbookWhoseTextExceedsTheHeapIsReadFromDiskAndSetAsideForItsFindingsWhileTheOtherFilesAreMerged()
            throws Exception {
        BenchmarkCorpusGenerator.Corpus corpus = new BenchmarkCorpusGenerator(20261105L, 3, 100, 0.0, 0.0)
            .writeTo(this.temp.resolve("corpus"));
        // about 100 million characters of distinct text: 200 MB as Java strings, 8 MB as a file. Its texts now go to
        // scratch files and it is read; every row lacks four fields, and past 50,000 findings it is set aside as
        // TOO_LARGE (the notice and summary.json hold a submission's findings in memory)
        Path huge = corpus.inbox().resolve("测试单位0002-11月整改任务分解表（补充）.xlsx");
        writeTextHeavyWorkbook(huge, 100_000_000L);
        Files.setLastModifiedTime(huge, FileTime.from(Instant.parse("2026-11-05T01:00:00Z")));

        LedgerProcess run = run(corpus, "160m", "-Djava.io.tmpdir=" + scratch());

        assertThat(run.process.exitValue()).as("the run completes; " + tail(run) + log(corpus)).isZero();
        assertThat(run.errors()).doesNotContain("OutOfMemoryError");
        List<Map<String, Object>> submissions = ledger(corpus)
            .queryForList("select file_name, outcome, reasons, rows_merged from submission order by file_name");
        Map<String, Map<String, Object>> byFile = submissions.stream()
            .collect(Collectors.toMap((row) -> (String) row.get("FILE_NAME"), (row) -> row));
        assertThat(byFile.get(huge.getFileName().toString())).containsEntry("OUTCOME", "REJECTED");
        assertThat((String) byFile.get(huge.getFileName().toString()).get("REASONS")).startsWith("TOO_LARGE");
        for (Path file : corpus.files()) {
            assertThat(byFile.get(file.getFileName().toString())).as(file.getFileName().toString())
                .containsEntry("OUTCOME", "ACCEPTED")
                .containsEntry("ROWS_MERGED", 100);
        }
        assertThat(ledger(corpus).queryForObject("select count(*) from task_month", Integer.class)).isEqualTo(300);
        assertThat(ledger(corpus).queryForObject("select message from finding where rule = 'TOO_LARGE'", String.class))
            .contains("超出处理能力");
        assertThat(scratchFiles()).as("scratch files left behind").isEmpty();
    }

    private Path scratch() throws IOException {
        return Files.createDirectories(this.temp.resolve("scratch"));
    }

    private List<Path> scratchFiles() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(scratch())) {
            return files.filter((file) -> file.getFileName().toString().startsWith("ledger-spill-")).toList();
        }
    }

    private LedgerProcess run(BenchmarkCorpusGenerator.Corpus corpus, String heap, String... jvmOptions)
            throws Exception {
        LedgerProcess run = LedgerProcess.start(corpus.folder(), heap, List.of(jvmOptions), "run", "run", "--job",
                corpus.jobFile().toString(), "--month", "2026-11", "--as-of", "2026-11-30");
        assertThat(run.process.waitFor(20, TimeUnit.MINUTES)).as("finished").isTrue();
        return run;
    }

    private static JdbcTemplate ledger(BenchmarkCorpusGenerator.Corpus corpus) {
        String url = "jdbc:h2:file:" + corpus.folder().resolve("work/ledger").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        return new JdbcTemplate(new SingleConnectionDataSource(url, "sa", "", true));
    }

    private static String tail(LedgerProcess run) throws IOException {
        String text = run.output() + "\n" + run.errors();
        return text.substring(Math.max(0, text.length() - 4000));
    }

    /** The end of the run's technical log, where a failed run's stack trace is. */
    private static String log(BenchmarkCorpusGenerator.Corpus corpus) throws IOException {
        Path log = corpus.folder().resolve("work/logs/ledger.log");
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return text.substring(Math.max(0, text.length() - 6000));
    }

    /**
     * A workbook as Excel writes it, with a task table whose problem and measure cells each hold a distinct text
     * of about 600 characters, drawn from two phrases so the file stays small (and well above POI's zip-bomb ratio).
     */
    private static void writeTextHeavyWorkbook(Path file, long characters) throws IOException {
        int length = 600;
        int strings = (int) (characters / length);
        int rows = strings / 2;
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="整改任务分解表" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                    </Relationships>""");
            String[] headers = { "序号", "反馈问题", "整改措施", "责任单位", "完成时限", "整改进展" };
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            Writer shared = new OutputStreamWriter(new Unclosed(zip), StandardCharsets.UTF_8);
            shared.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\""
                    + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            for (String header : headers) {
                shared.write("<si><t>" + header + "</t></si>");
            }
            Random random = new Random(18);
            StringBuilder text = new StringBuilder(length + 16);
            for (int i = 0; i < strings; i++) {
                text.setLength(0);
                while (text.length() < length) {
                    text.append(random.nextBoolean() ? "整改落实" : "推进问题");
                }
                text.append(i);
                shared.write("<si><t>");
                shared.write(text.toString());
                shared.write("</t></si>");
            }
            shared.write("</sst>");
            shared.flush();
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer sheet = new OutputStreamWriter(new Unclosed(zip), StandardCharsets.UTF_8);
            sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\""
                    + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">");
            for (int c = 0; c < headers.length; c++) {
                sheet.write("<c r=\"" + (char) ('A' + c) + "1\" t=\"s\"><v>" + c + "</v></c>");
            }
            sheet.write("</row>");
            for (int r = 0; r < rows; r++) {
                int line = r + 2;
                sheet.write("<row r=\"" + line + "\"><c r=\"A" + line + "\"><v>" + (r + 1) + "</v></c><c r=\"B" + line
                        + "\" t=\"s\"><v>" + (headers.length + 2 * r) + "</v></c><c r=\"C" + line + "\" t=\"s\"><v>"
                        + (headers.length + 2 * r + 1) + "</v></c></row>");
            }
            sheet.write("</sheetData></worksheet>");
            sheet.flush();
            zip.closeEntry();
        }
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Lets a writer flush into the current zip entry without closing the zip. */
    private static final class Unclosed extends FilterOutputStream {

        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            this.out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }

    }

}
