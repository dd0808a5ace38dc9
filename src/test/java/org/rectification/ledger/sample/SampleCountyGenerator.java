package org.rectification.ledger.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.rectification.ledger.bench.OoxmlFinisher;
import org.rectification.ledger.bench.SheetLayoutWriter;
import org.rectification.ledger.sample.SampleCounty.Kind;
import org.rectification.ledger.sample.SampleCounty.SampleFile;

/**
 * Writes the sample county into a folder (normally {@code sample-sheets/}): the roster as GBK CSV and as
 * .xlsx, two months of department submissions in every variation real sheets show, the broken files, a
 * README and the MANIFEST with every expected outcome. Deterministic: the same bytes on every run.
 */
public final class SampleCountyGenerator {

    static final Charset GBK = Charset.forName("GBK");

    static final LocalDateTime ROSTER_SAVED = LocalDateTime.of(2026, 9, 20, 10, 0);

    /** Regenerates the sample county; args[0] is the target folder, {@code sample-sheets} by default. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of((args.length > 0) ? args[0] : "sample-sheets");
        new SampleCountyGenerator().writeTo(folder);
        System.out.println("sample county written to " + folder.toAbsolutePath());
    }

    public void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        // git must keep every byte as generated (CRLF in roster.csv, binary workbooks)
        write(folder.resolve(".gitattributes"), "* -text\n".getBytes(StandardCharsets.UTF_8), ROSTER_SAVED);
        write(folder.resolve("roster.csv"), rosterCsv(), ROSTER_SAVED);
        write(folder.resolve("roster.xlsx"), rosterXlsx(), ROSTER_SAVED);
        List<SampleFile> files = SampleCounty.files();
        Map<String, SheetLayoutWriter.Written> written = new LinkedHashMap<>();
        Map<String, byte[]> bytes = new HashMap<>();
        SheetLayoutWriter writer = new SheetLayoutWriter();
        for (SampleFile file : files) {
            if (file.kind() == Kind.WORKBOOK) {
                SheetLayoutWriter.Written out = writer.write(file.layout(), file.lines());
                written.put(ManifestWriter.key(file), out);
                bytes.put(ManifestWriter.key(file), out.bytes());
                Path target = folder.resolve(file.folder()).resolve(file.name());
                Files.createDirectories(target.getParent());
                write(target, out.bytes(), file.layout().savedAt());
            }
        }
        LocalDateTime late = LocalDateTime.of(2026, 11, 7, 8, 0);
        for (SampleFile file : files) {
            byte[] data = switch (file.kind()) {
                case WORKBOOK -> null;
                case SAME_BYTES -> bytes.get(file.folder() + "/" + file.source());
                case TRUNCATED -> Arrays.copyOf(bytes.get(file.folder() + "/" + file.source()), 2000);
                case TEXT -> SampleCounty.TEXT_MEMO.getBytes(StandardCharsets.UTF_8);
            };
            if (data != null) {
                write(folder.resolve(file.folder()).resolve(file.name()), data, late);
            }
        }
        write(folder.resolve("MANIFEST.md"), ManifestWriter.render(files, written).getBytes(StandardCharsets.UTF_8),
                late);
        write(folder.resolve("README.md"), readme().getBytes(StandardCharsets.UTF_8), late);
    }

    /** GBK, CRLF, no byte-order mark: what Chinese Excel writes for "CSV (逗号分隔)". */
    static byte[] rosterCsv() {
        StringBuilder csv = new StringBuilder("单位名称,别名\r\n");
        for (SampleCounty.Department department : SampleCounty.ROSTER) {
            csv.append(department.name()).append(',').append(department.aliases()).append("\r\n");
        }
        return csv.toString().getBytes(GBK);
    }

    static byte[] rosterXlsx() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
            java.util.Date saved = java.util.Date.from(ROSTER_SAVED.toInstant(ZoneOffset.ofHours(8)));
            core.setCreator("县委巡察整改办");
            core.setCreated(java.util.Optional.of(saved));
            core.setModified(java.util.Optional.of(saved));
            Sheet sheet = workbook.createSheet("单位名单");
            sheet.setColumnWidth(0, 256 * 28);
            sheet.setColumnWidth(1, 256 * 40);
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("单位名称");
            header.createCell(1).setCellValue("别名");
            int r = 1;
            for (SampleCounty.Department department : SampleCounty.ROSTER) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(department.name());
                row.createCell(1).setCellValue(department.aliases());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return OoxmlFinisher.finish(out.toByteArray(), ROSTER_SAVED, true, List.of());
        }
    }

    private static void write(Path target, byte[] data, LocalDateTime modified) throws IOException {
        Files.write(target, data);
        Files.setLastModifiedTime(target, FileTime.from(modified.toInstant(ZoneOffset.ofHours(8))));
    }

    private static String readme() {
        return """
                # 样例县整改台账样表 / Sample county sheets

                某县“县委第三轮巡察”整改工作的模拟报送材料：10个县直单位（`roster.csv` / `roster.xlsx`）
                2026年10月、11月两个月的整改任务分解表，覆盖各单位实际报送中常见的各种表格样式（合并标题、
                两行表头、别名表头、隐藏下拉页、填表说明页、公式序号、文本时限、签名图片、WPS 单元格图片等），
                以及典型错误（缺责任人、审核人未签字、时限不明确、编号重复、非名单单位、重复报送、修改版、
                损坏文件、非表格文件）。

                Simulated submissions of a county's rectification campaign (县委第三轮巡察, feedback date 2026-09-15):
                ten departments, October and November 2026, in every layout real departments use,
                plus the realistic mistakes the checks must catch. This is the project's main test corpus.

                - `MANIFEST.md` — every file, what it shows, and the exact expected outcome (accepted / rejected with
                  rule codes and row numbers, duplicate, superseded), plus the expected ledger after each month.
                - Job file: `../jobs/sample-county.yml`.
                - Generated, never edited by hand: `org.rectification.ledger.sample.SampleCountyGenerator` (test sources,
                  not shipped in the jar). Regenerate with

                  ```
                  mvn -o -q test-compile
                  java -cp target/test-classes:target/classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \\
                      org.rectification.ledger.sample.SampleCountyGenerator sample-sheets
                  ```

                  `SampleCountyGeneratorTests` fails when the committed files differ from what the generator writes.
                """;
    }

}
