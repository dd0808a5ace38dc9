package org.rectification.ledger.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.rectification.ledger.sheet.TestBook.Format;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One regression test per reader bug the fuzzing corpus (job/FuzzCorpus) found, each on its own tiny file: the
 * file fails alone, as UNREADABLE, TOO_LARGE or NOT_A_SPREADSHEET with a Chinese reason and no library message.
 */
@Timeout(30)
class FuzzRegressionTests {

    @TempDir
    Path folder;

    /** The library's words a clerk must never see in a reason. */
    static void assertClerkReadable(SheetReadException ex) {
        assertThat(ex.getMessage()).containsPattern("\\p{IsHan}")
            .doesNotContain("Exception")
            .doesNotContain("java.")
            .doesNotContain("Cannot invoke")
            .doesNotContain("null");
    }

    static void assertFailsAlone(Path file, ReadFailure failure, String... messageParts) {
        assertThatThrownBy(() -> new SubmissionReader(SubmissionReaderTests.settings()).read(file))
            .isInstanceOfSatisfying(SheetReadException.class, (ex) -> {
                assertThat(ex.failure()).isEqualTo(failure);
                assertThat(ex.getMessage()).contains(file.getFileName().toString()).contains(messageParts);
                assertClerkReadable(ex);
            });
    }

    @Test
    void workbookWithoutSharedStringsIsUnreadableWithoutTheLibrarysMessage() throws IOException {
        // EasyExcel failed with "Cannot invoke ReadCache.get(...) because ... getReadCache() is null", quoted to the clerk
        byte[] xlsx = HostileFileTests.valid(Format.XLSX).bytes();
        Path file = TestBook.write(this.folder, "缺少共享字符串.xlsx", without(xlsx, "xl/sharedStrings.xml"));

        assertFailsAlone(file, ReadFailure.UNREADABLE, "文件内部结构异常");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aUnitLineMergedOverFewerColumnsThanTheHeaderStaysAboveIt(Format format) {
        // the long-value .xls has two columns added right of the template: its 填报单位 line, merged over the
        // template's columns only, was taken for a group row of a two-row header, and the unit and date were lost
        Path file = TestBook.of(format)
            .sheet("任务表")
            .row(1, "县民政局巡察反馈问题整改任务分解表")
            .merge("A1:C1")
            .row(2, "填报单位：县民政局    填报日期：2026年11月5日")
            .merge("A2:C2")
            .row(3, "反馈问题", "整改措施", "责任单位", "责任人", "配合单位")
            .row(4, "问题一", "措施一", "县民政局", "张三", "县财政局")
            .write(this.folder, "填报单位行");

        ReadSubmission read = new SubmissionReader(SubmissionReaderTests.settings()).read(file);

        assertThat(read.declaredUnit()).isEqualTo("县民政局");
        assertThat(read.filledDate()).isEqualTo(java.time.LocalDate.of(2026, 11, 5));
        assertThat(read.tables().get(0).headerFirstRow()).as("the header is row 3 alone").isEqualTo(read.tables().get(0)
            .headerLastRow());
    }

    @Test
    void aNulCharacterInAnXlsCellOrSheetNameIsDropped() {
        // PostgreSQL stores no text holding NUL: the whole run failed on every rerun ("invalid byte sequence 0x00")
        Path file = TestBook.of(Format.XLS)
            .sheet("任务表")
            .row(1, "反馈问题", "整改措施", "责任单位")
            .row(2, "问题\u0000一", "措施\u0001一", "办公室")
            .write(this.folder, "空字符");

        ReadSubmission read = new SubmissionReader(SubmissionReaderTests.settings()).read(file);

        assertThat(read.tables().get(0).rows().get(0).value(Field.PROBLEM)).isEqualTo("问题一");
        assertThat(read.tables().get(0).rows().get(0).value(Field.MEASURE)).isEqualTo("措施\u0001一");
    }

    static byte[] without(byte[] xlsx, String part) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.getName().equals(part)) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

}
