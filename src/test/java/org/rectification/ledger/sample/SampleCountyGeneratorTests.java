package org.rectification.ledger.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.hssf.usermodel.HSSFPatriarch;
import org.apache.poi.hssf.usermodel.HSSFPicture;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectification.ledger.bench.OoxmlFinisher;

/**
 * The committed sample-sheets/ folder is exactly what the generator writes, and the variations the
 * manifest promises are really in the files.
 */
class SampleCountyGeneratorTests {

    private static final Path COMMITTED = Path.of("sample-sheets");

    private static final DataFormatter FORMATTER = new DataFormatter();

    @Test
    void regeneratesTheCommittedSampleSheetsByteForByte(@TempDir Path temp) throws IOException {
        new SampleCountyGenerator().writeTo(temp);

        Map<String, byte[]> generated = contents(temp);
        Map<String, byte[]> committed = contents(COMMITTED);
        assertThat(committed.keySet()).as("files in sample-sheets/ (regenerate and commit when this fails)")
            .containsExactlyElementsOf(generated.keySet());
        for (String file : generated.keySet()) {
            assertThat(committed.get(file)).as(file).isEqualTo(generated.get(file));
        }
    }

    @Test
    void writesTheSameBytesEveryRun(@TempDir Path first, @TempDir Path second) throws IOException {
        new SampleCountyGenerator().writeTo(first);
        new SampleCountyGenerator().writeTo(second);

        Map<String, byte[]> a = contents(first);
        Map<String, byte[]> b = contents(second);
        assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
        a.forEach((file, bytes) -> assertThat(b.get(file)).as(file).isEqualTo(bytes));
    }

    @Test
    void manifestListsEveryFileOfBothMonths() throws IOException {
        String manifest = Files.readString(COMMITTED.resolve("MANIFEST.md"));
        try (Stream<Path> files = Files.list(COMMITTED.resolve("2026-10"));
                Stream<Path> more = Files.list(COMMITTED.resolve("2026-11"))) {
            Stream.concat(files, more)
                .forEach((file) -> assertThat(manifest).contains("`" + file.getFileName() + "`"));
        }
        assertThat(manifest).contains("Not submitted (missing submission): 2026-10: none; 2026-11: 县农业农村局、县审计局.");
    }

    @Nested
    class Roster {

        @Test
        void csvIsGbkWithChineseExcelLineEnds() throws IOException {
            byte[] bytes = Files.readAllBytes(COMMITTED.resolve("roster.csv"));

            String text = SampleCountyGenerator.GBK.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
            assertThat(text).startsWith("单位名称,别名\r\n县民政局,民政局;县民政\r\n").contains("县教育局,教育局、县教育").contains("财政局|县财政");
            assertThat(text.lines()).hasSize(11);
            assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))).isInstanceOf(CharacterCodingException.class);
        }

        @Test
        void xlsxHoldsTheSameLines() throws IOException {
            try (Workbook workbook = WorkbookFactory.create(COMMITTED.resolve("roster.xlsx").toFile(), null, true)) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(text(sheet, 0, 0)).isEqualTo("单位名称");
                assertThat(text(sheet, 0, 1)).isEqualTo("别名");
                assertThat(sheet.getLastRowNum()).isEqualTo(SampleCounty.ROSTER.size());
                assertThat(text(sheet, 10, 0)).isEqualTo("县人力资源和社会保障局");
            }
        }

    }

    @Nested
    class Variations {

        @Test
        void twoRowHeaderMergesTheResponsibilityGroupOverThreeColumns() throws IOException {
            try (Workbook workbook = open("2026-10/民政局-10月整改任务分解表.xlsx")) {
                Sheet sheet = workbook.getSheet("整改任务分解表");
                CellRangeAddress group = merged(sheet, 2, 4);
                assertThat(group).isNotNull();
                assertThat(group.getLastColumn()).isEqualTo(6);
                assertThat(group.getLastRow()).isEqualTo(2);
                assertThat(text(sheet, 2, 4)).isEqualTo("责任主体");
                assertThat(List.of(text(sheet, 3, 4), text(sheet, 3, 5), text(sheet, 3, 6)))
                    .containsExactly("责任领导", "责任单位", "责任人");
                CellRangeAddress problemHeader = merged(sheet, 2, 2);
                assertThat(problemHeader.getLastRow()).isEqualTo(3);
                assertThat(merged(sheet, 0, 0).getLastColumn()).as("title merged across all columns").isEqualTo(12);
            }
        }

        @Test
        void twoRowHeaderIsAlsoWrittenInBiff8() throws IOException {
            try (Workbook workbook = open("2026-10/教育局-10月整改任务分解表.xls")) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(text(sheet, 1, 4)).isEqualTo("责任主体");
                assertThat(merged(sheet, 1, 4).getLastColumn()).isEqualTo(6);
            }
        }

        @Test
        void dropdownSheetIsHiddenAndInstructionsSheetComesFirst() throws IOException {
            try (Workbook workbook = open("2026-10/民政局-10月整改任务分解表.xlsx")) {
                assertThat(workbook.getSheetName(0)).isEqualTo("填表说明");
                int dropdowns = workbook.getSheetIndex("下拉选项");
                assertThat(workbook.isSheetHidden(dropdowns)).isTrue();
                assertThat(workbook.isSheetHidden(workbook.getSheetIndex("整改任务分解表"))).isFalse();
                assertThat(workbook.getSheet("整改任务分解表").getDataValidations()).hasSize(1);
            }
        }

        @Test
        void problemCellsAreMergedOverTheirMeasures() throws IOException {
            try (Workbook workbook = open("2026-10/民政局-10月整改任务分解表.xlsx")) {
                Sheet sheet = workbook.getSheet("整改任务分解表");
                CellRangeAddress problem = merged(sheet, 4, 2);
                assertThat(problem.getLastRow()).isEqualTo(6);
                assertThat(text(sheet, 5, 2)).isEmpty();
            }
        }

        @Test
        void sequenceFormulasHaveCachedValues() throws IOException {
            try (Workbook workbook = open("2026-10/农业农村局-10月整改任务分解表.xlsx")) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(sheet.getRow(3).getCell(0).getCellFormula()).isEqualTo("ROW()-3");
                assertThat(sheet.getRow(3).getCell(0).getCachedFormulaResultType()).isEqualTo(CellType.NUMERIC);
                assertThat(sheet.getRow(7).getCell(0).getNumericCellValue()).isEqualTo(5.0);
            }
        }

        @Test
        void signaturePictureIsAnchoredNextToTheLabelInXlsx() throws IOException {
            try (XSSFWorkbook workbook = (XSSFWorkbook) open("2026-10/自然资源局-10月整改任务分解表.xlsx")) {
                XSSFSheet sheet = workbook.getSheetAt(0);
                XSSFDrawing drawing = sheet.getDrawingPatriarch();
                List<XSSFPicture> pictures = drawing.getShapes()
                    .stream()
                    .filter(XSSFPicture.class::isInstance)
                    .map(XSSFPicture.class::cast)
                    .toList();
                assertThat(pictures).hasSize(2);
                int labelRow = rowOf(sheet, "单位负责人（签字）：");
                assertThat(pictures.get(0).getClientAnchor().getRow1()).isEqualTo(labelRow);
                assertThat((int) pictures.get(0).getClientAnchor().getCol1()).isEqualTo(8);
                assertThat(pictures.get(0).getPictureData().getData()).startsWith(0x89, 'P', 'N', 'G');
            }
        }

        @Test
        void signaturePictureIsAnchoredNextToTheLabelInXls() throws IOException {
            try (HSSFWorkbook workbook = (HSSFWorkbook) open("2026-11/教育局-11月整改任务分解表.xls")) {
                HSSFPatriarch patriarch = workbook.getSheetAt(0).getDrawingPatriarch();
                assertThat(patriarch).isNotNull();
                List<HSSFPicture> pictures = patriarch.getChildren()
                    .stream()
                    .filter(HSSFPicture.class::isInstance)
                    .map(HSSFPicture.class::cast)
                    .toList();
                assertThat(pictures).hasSize(1);
                assertThat((int) pictures.get(0).getClientAnchor().getCol1()).isEqualTo(9);
                assertThat(rowOf(workbook.getSheetAt(0), "单位负责人（签字）："))
                    .isEqualTo(pictures.get(0).getClientAnchor().getRow1());
            }
        }

        @Test
        void wpsCellImageIsEmbeddedTheWayWpsWritesIt() throws IOException {
            Path file = COMMITTED.resolve("2026-11/卫健局-11月整改任务分解表.xlsx");
            try (ZipFile zip = new ZipFile(file.toFile())) {
                assertThat(read(zip, "xl/cellimages.xml")).contains("name=\"ID_ABC123\"").contains("r:embed=\"rId1\"");
                assertThat(read(zip, "xl/_rels/cellimages.xml.rels")).contains("Target=\"media/cellimage1.png\"");
                assertThat(zip.getEntry("xl/media/cellimage1.png")).isNotNull();
                assertThat(read(zip, "xl/_rels/workbook.xml.rels")).contains(OoxmlFinisher.CELL_IMAGE_RELATIONSHIP);
                assertThat(read(zip, "[Content_Types].xml")).contains(OoxmlFinisher.CELL_IMAGE_CONTENT_TYPE);
            }
            try (Workbook workbook = open("2026-11/卫健局-11月整改任务分解表.xlsx")) {
                Sheet sheet = workbook.getSheetAt(0);
                int row = rowOf(sheet, "单位负责人：");
                assertThat(sheet.getRow(row).getCell(8).getCellFormula()).isEqualTo("_xlfn.DISPIMG(\"ID_ABC123\",1)");
            }
        }

        @Test
        void messyHeadersKeepTheirSpacesAndLineBreaks() throws IOException {
            try (Workbook workbook = open("2026-10/住建局-10月整改任务分解表.xlsx")) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(text(sheet, 2, 0)).isEqualTo(" 序　号");
                assertThat(text(sheet, 2, 7)).isEqualTo("整改\n时限");
            }
        }

        @Test
        void dateCellsAreRealDates() throws IOException {
            try (Workbook workbook = open("2026-10/教育局-10月整改任务分解表.xls")) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(sheet.getRow(3).getCell(7).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(java.time.LocalDate.of(2026, 10, 31));
            }
        }

    }

    @Nested
    class Formats {

        @Test
        void xlsFilesAreBiff8ByTheirMagicBytes() throws IOException {
            List<Path> xls = new ArrayList<>();
            try (Stream<Path> files = Files.walk(COMMITTED)) {
                files.filter((file) -> file.toString().endsWith(".xls")).forEach(xls::add);
            }
            assertThat(xls).hasSize(8);
            for (Path file : xls) {
                byte[] head = head(file, 8);
                if (file.getFileName().toString().equals("整改情况说明.xls")) {
                    assertThat(head[0]).as(file.toString()).isNotEqualTo((byte) 0xD0);
                }
                else {
                    assertThat(head).as(file.toString()).startsWith(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
                }
            }
        }

        @Test
        void xlsxFilesAreZipsWithStoredEntriesAndFixedTimes() throws IOException {
            try (ZipFile zip = new ZipFile(COMMITTED.resolve("2026-10/财政局-10月整改任务分解表.xlsx").toFile())) {
                assertThat(zip.stream().map(ZipEntry::getMethod)).containsOnly(ZipEntry.STORED);
                assertThat(zip.stream().map(ZipEntry::getTimeLocal).distinct()).hasSize(1);
            }
        }

        @Test
        void duplicateIsByteIdenticalAndResubmissionIsNot() throws IOException {
            Path november = COMMITTED.resolve("2026-11");
            assertThat(november.resolve("自然资源局-11月（重复）.xlsx")).hasSameBinaryContentAs(november.resolve("自然资源局-11月.xlsx"));
            assertThat(Files.readAllBytes(november.resolve("财政局-11月（修改版）.xlsx")))
                .isNotEqualTo(Files.readAllBytes(november.resolve("财政局-11月.xlsx")));
        }

        @Test
        void brokenFilesCannotBeOpened() {
            assertThatThrownBy(() -> open("2026-11/损坏文件.xlsx")).isInstanceOf(Exception.class);
            assertThatThrownBy(() -> open("2026-11/整改情况说明.xls")).isInstanceOf(Exception.class);
            assertThat(head(COMMITTED.resolve("2026-11/损坏文件.xlsx"), 4)).startsWith('P', 'K', 3, 4);
        }

        @Test
        void everyWorkbookOpensWithPoi() throws IOException {
            for (SampleCounty.SampleFile file : SampleCounty.files()) {
                if (file.kind() == SampleCounty.Kind.WORKBOOK) {
                    try (Workbook workbook = open(file.folder() + "/" + file.name())) {
                        assertThat(workbook.getNumberOfSheets()).as(file.name()).isPositive();
                    }
                }
            }
        }

    }

    @Nested
    class ManifestRows {

        @Test
        void theRowsTheManifestNamesHoldTheDefects() throws IOException {
            try (Workbook workbook = open("2026-11/住建局-11月整改任务分解表.xlsx")) {
                Sheet sheet = workbook.getSheetAt(0);
                // OWNER_MISSING @ row 6, DEADLINE_POSTPONED @ row 5 (1-based)
                assertThat(text(sheet, 5, 4)).isEqualTo("待定");
                assertThat(text(sheet, 4, 7)).isEqualTo("2027年3月31日");
            }
            try (Workbook workbook = open("2026-11/财政局-11月.xlsx")) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(text(sheet, 6, 0)).isEqualTo("CZ-03-1");
                assertThat(text(sheet, 7, 0)).isEqualTo("CZ-03-1");
            }
            try (Workbook workbook = open("2026-10/市场监管局-10月整改任务分解表.xlsx")) {
                assertThat(text(workbook.getSheetAt(0), 2, 7)).isEqualTo("2026年上半年");
            }
        }

        @Test
        void declaredExpectationsAgreeWithTheData() {
            assertThat(ExpectedLedger.simulate(SampleCounty.files())).hasSize(2);
        }

    }

    static Workbook open(String relative) throws IOException {
        return WorkbookFactory.create(COMMITTED.resolve(relative).toFile(), null, true);
    }

    static String text(Sheet sheet, int row, int column) {
        return (sheet.getRow(row) == null || sheet.getRow(row).getCell(column) == null) ? ""
                : FORMATTER.formatCellValue(sheet.getRow(row).getCell(column));
    }

    static CellRangeAddress merged(Sheet sheet, int row, int column) {
        return sheet.getMergedRegions()
            .stream()
            .filter((region) -> region.getFirstRow() == row && region.getFirstColumn() == column)
            .findFirst()
            .orElse(null);
    }

    static int rowOf(Sheet sheet, String text) {
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r) != null) {
                for (int c = 0; c < 20; c++) {
                    if (text.equals(text(sheet, r, c))) {
                        return r;
                    }
                }
            }
        }
        return -1;
    }

    static String read(ZipFile zip, String entry) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] head(Path file, int length) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return contents;
    }

}
