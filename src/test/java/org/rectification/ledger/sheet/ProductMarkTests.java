package org.rectification.ledger.sheet;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.hpsf.CustomProperties;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A workbook carrying the product's mark is never read as a submission, in either format, whatever its sheets
 * look like; the same workbook without the mark reads as it always did.
 */
class ProductMarkTests {

    private static final Path SAMPLES = Path.of("sample-sheets/2026-11");

    @TempDir
    Path folder;

    private final SubmissionReader reader = new SubmissionReader(SubmissionReaderTests.settings());

    @Test
    void aMarkedXlsxIsTheProductsOwnOutput() throws Exception {
        Path sample = SAMPLES.resolve("民政局-11月整改任务分解表.xlsx");
        Path marked = this.folder.resolve("民政局-11月整改任务分解表.xlsx");
        try (InputStream in = Files.newInputStream(sample); XSSFWorkbook workbook = new XSSFWorkbook(in);
                OutputStream out = Files.newOutputStream(marked)) {
            ProductMark.mark(workbook, ProductMark.Kind.NOTICE);
            workbook.write(out);
        }

        assertThat(this.reader.read(sample).tables()).as("the unmarked sheet reads").isNotEmpty();
        assertThatThrownBy(() -> this.reader.read(marked)).isInstanceOfSatisfying(SheetReadException.class,
                (ex) -> {
                    assertThat(ex.failure()).isEqualTo(ReadFailure.OWN_OUTPUT);
                    assertThat(ex.getMessage()).contains("民政局-11月整改任务分解表.xlsx", "本程序生成的退回意见");
                });
    }

    @Test
    void aMarkedXlsSavedAgainByExcelIsTheProductsOwnOutput() throws Exception {
        Path sample = SAMPLES.resolve("教育局-11月整改任务分解表.xls");
        Path marked = this.folder.resolve("月度整改进展（另存）.xls");
        try (InputStream in = Files.newInputStream(sample); HSSFWorkbook workbook = new HSSFWorkbook(in);
                OutputStream out = Files.newOutputStream(marked)) {
            workbook.createInformationProperties();
            CustomProperties custom = new CustomProperties();
            custom.put(ProductMark.PROPERTY, "progress");
            workbook.getDocumentSummaryInformation().setCustomProperties(custom);
            workbook.write(out);
        }

        assertThat(this.reader.read(sample).tables()).as("the unmarked sheet reads").isNotEmpty();
        assertThatThrownBy(() -> this.reader.read(marked)).isInstanceOfSatisfying(SheetReadException.class,
                (ex) -> {
                    assertThat(ex.failure()).isEqualTo(ReadFailure.OWN_OUTPUT);
                    assertThat(ex.getMessage()).contains("本程序生成的月度整改进展");
                });
    }

    @Test
    void aWorkbookWithTheProductAsItsApplicationIsTheProductsOwnOutput() throws Exception {
        Path marked = this.folder.resolve("台账.xlsx");
        try (InputStream in = Files.newInputStream(SAMPLES.resolve("住建局-11月整改任务分解表.xlsx"));
                XSSFWorkbook workbook = new XSSFWorkbook(in); OutputStream out = Files.newOutputStream(marked)) {
            workbook.getProperties().getExtendedProperties().getUnderlyingProperties()
                .setApplication(ProductMark.APPLICATION);
            workbook.write(out);
        }

        assertThatThrownBy(() -> this.reader.read(marked)).isInstanceOfSatisfying(SheetReadException.class,
                (ex) -> assertThat(ex.failure()).isEqualTo(ReadFailure.OWN_OUTPUT));
    }

}
