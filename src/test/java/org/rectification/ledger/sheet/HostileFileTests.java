package org.rectification.ledger.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.rectification.ledger.sheet.TestBook.Format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Broken and hostile files: each fails with its own reason and a message naming the file; none hangs. */
@Timeout(30)
class HostileFileTests {

    @TempDir
    Path folder;

    static TestBook valid(Format format) {
        return TestBook.of(format)
            .sheet("Sheet1")
            .row(1, "反馈问题", "整改措施", "责任单位")
            .row(2, "问题一", "措施一", "办公室");
    }

    static void assertFailure(Path file, ReadFailure failure, String... messageParts) {
        assertFailure(file, SubmissionReaderTests.settings(), failure, messageParts);
    }

    static void assertFailure(Path file, ReadSettings settings, ReadFailure failure, String... messageParts) {
        assertThatThrownBy(() -> new SubmissionReader(settings).read(file))
            .isInstanceOfSatisfying(SheetReadException.class, (ex) -> {
                assertThat(ex.failure()).isEqualTo(failure);
                assertThat(ex.file()).isEqualTo(file);
                assertThat(ex.getMessage()).contains(file.getFileName().toString());
                for (String part : messageParts) {
                    assertThat(ex.getMessage()).contains(part);
                }
            });
    }

    @Test
    void zeroByteFileIsNotASpreadsheet() throws IOException {
        Path file = Files.createFile(this.folder.resolve("空.xlsx"));

        assertFailure(file, ReadFailure.NOT_A_SPREADSHEET, "空文件");
    }

    @Test
    void textFileNamedXlsxIsNotASpreadsheet() throws IOException {
        Path file = Files.writeString(this.folder.resolve("名单.xlsx"), "序号,反馈问题\n1,问题", StandardCharsets.UTF_8);

        assertFailure(file, ReadFailure.NOT_A_SPREADSHEET, "不是 Excel 工作簿");
    }

    @Test
    void zipWithoutWorkbookIsNotASpreadsheet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path file = TestBook.write(this.folder, "压缩包.xlsx", out.toByteArray());

        assertFailure(file, ReadFailure.NOT_A_SPREADSHEET);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void decidesTheFormatByBytesNotByName(Format format) {
        Path file = TestBook.write(this.folder, "改了扩展名" + (format == Format.XLSX ? ".xls" : ".xlsx"),
                valid(format).bytes());

        ReadSubmission submission = new SubmissionReader(SubmissionReaderTests.settings()).read(file);

        assertThat(submission.format())
            .isEqualTo(format == Format.XLSX ? SpreadsheetFormat.OOXML : SpreadsheetFormat.BIFF8);
        assertThat(submission.rowCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void truncatedFileIsUnreadable(Format format) {
        byte[] bytes = valid(format).bytes();
        Path file = TestBook.write(this.folder, "截断" + format.extension, Arrays.copyOf(bytes, bytes.length / 2));

        assertFailure(file, ReadFailure.UNREADABLE, "已损坏");
    }

    @Test
    void garbageAfterCompoundFileMagicIsUnreadable() {
        byte[] bytes = new byte[4096];
        byte[] magic = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        Arrays.fill(bytes, 8, bytes.length, (byte) 0x5A);
        Path file = TestBook.write(this.folder, "乱码.xls", bytes);

        assertFailure(file, ReadFailure.UNREADABLE);
    }

    @Test
    void passwordProtectedXlsxIsEncrypted() throws Exception {
        byte[] plain = valid(Format.XLSX).bytes();
        Path file = this.folder.resolve("加密.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(plain);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }

        assertFailure(file, ReadFailure.ENCRYPTED, "已加密（设置了打开密码），无法读取");
    }

    @Test
    void passwordProtectedXlsIsEncrypted() {
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        byte[] bytes;
        try {
            bytes = valid(Format.XLS).bytes();
        }
        finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        Path file = TestBook.write(this.folder, "加密.xls", bytes);

        assertFailure(file, ReadFailure.ENCRYPTED, "已加密");
    }

    @Test
    void zipBombIsTooLarge() throws IOException {
        byte[] xlsx = valid(Format.XLSX).bytes();
        ByteArrayOutputStream huge = new ByteArrayOutputStream();
        byte[] block = new byte[1024 * 1024];
        Arrays.fill(block, (byte) ' ');
        for (int i = 0; i < 8; i++) {
            huge.write(block);
        }
        byte[] bomb = SignatureBlockTests.withPart(xlsx, "xl/media/padding.xml",
                huge.toString(StandardCharsets.US_ASCII));
        Path file = TestBook.write(this.folder, "炸弹.xlsx", bomb);
        ReadSettings.Limits limits = new ReadSettings.Limits(50L * 1024 * 1024, 1000, 100, 0.01, 2L * 1024 * 1024);

        assertFailure(file, SubmissionReaderTests.settings(limits), ReadFailure.TOO_LARGE, "压缩炸弹");
    }

    @Test
    void highlyCompressedPartIsTooLargeEvenWithinEntryLimit() throws IOException {
        byte[] xlsx = valid(Format.XLSX).bytes();
        byte[] bomb = SignatureBlockTests.withPart(xlsx, "xl/media/padding.xml", " ".repeat(4 * 1024 * 1024));
        Path file = TestBook.write(this.folder, "高压缩.xlsx", bomb);

        assertFailure(file, ReadFailure.TOO_LARGE, "压缩炸弹");
    }

    @Test
    void externalEntityInSheetIsNeverResolved() throws IOException {
        Path secret = Files.writeString(this.folder.resolve("secret.txt"), "TOPSECRET");
        byte[] xlsx = valid(Format.XLSX).bytes();
        String sheet = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "%s">]>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="inlineStr"><is><t>反馈问题</t></is></c><c r="B1" t="inlineStr"><is><t>整改措施</t></is></c></row>
                <row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c><c r="B2" t="inlineStr"><is><t>措施</t></is></c></row>
                </sheetData></worksheet>
                """.formatted(secret.toUri());
        Path file = TestBook.write(this.folder, "实体.xlsx",
                SignatureBlockTests.withPart(xlsx, "xl/worksheets/sheet1.xml", sheet));

        try {
            ReadSubmission submission = new SubmissionReader(SubmissionReaderTests.settings()).read(file);
            assertThat(submission.tables().get(0).rows().toString()).doesNotContain("TOPSECRET");
        }
        catch (SheetReadException ex) {
            assertThat(ex.failure()).isEqualTo(ReadFailure.UNREADABLE);
            assertThat(ex.getMessage()).contains("实体.xlsx").doesNotContain("TOPSECRET");
        }
    }

    @Test
    void externalEntityInWorkbookPartIsRefused() throws IOException {
        Path secret = Files.writeString(this.folder.resolve("secret.txt"), "TOPSECRET");
        byte[] xlsx = valid(Format.XLSX).bytes();
        String workbook = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE workbook [<!ENTITY xxe SYSTEM "%s">]>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="&xxe;" sheetId="1" r:id="rId3"/></sheets></workbook>
                """.formatted(secret.toUri());
        Path file = TestBook.write(this.folder, "实体2.xlsx",
                SignatureBlockTests.withPart(xlsx, "xl/workbook.xml", workbook));

        assertFailure(file, ReadFailure.UNREADABLE, "实体2.xlsx");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void tooManyRowsIsTooLarge(Format format) {
        Path file = valid(format).row(500, "问题", "措施", "单位").write(this.folder, "行数");
        ReadSettings.Limits limits = new ReadSettings.Limits(50L * 1024 * 1024, 100, 50, 0.01, 1024L * 1024 * 1024);

        assertFailure(file, SubmissionReaderTests.settings(limits), ReadFailure.TOO_LARGE, "Sheet1", "第 500 行",
                "行数上限 100");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void tooManyColumnsIsTooLarge(Format format) {
        Path file = valid(format).cells("CV2", "多余").write(this.folder, "列数");
        ReadSettings.Limits limits = new ReadSettings.Limits(50L * 1024 * 1024, 1000, 50, 0.01, 1024L * 1024 * 1024);

        assertFailure(file, SubmissionReaderTests.settings(limits), ReadFailure.TOO_LARGE, "Sheet1", "CV 列",
                "列数上限 50");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void fileLargerThanTheLimitIsTooLarge(Format format) {
        Path file = valid(format).write(this.folder, "大文件");
        ReadSettings.Limits limits = new ReadSettings.Limits(1024, 1000, 50, 0.01, 1024L * 1024 * 1024);

        assertFailure(file, SubmissionReaderTests.settings(limits), ReadFailure.TOO_LARGE, "超过上限 1024 字节");
    }

    @Test
    void missingFileIsUnreadable() {
        assertFailure(this.folder.resolve("不存在.xlsx"), ReadFailure.UNREADABLE);
    }

}
