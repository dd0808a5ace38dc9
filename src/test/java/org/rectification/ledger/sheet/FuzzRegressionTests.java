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
