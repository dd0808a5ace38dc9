package org.rectification.ledger.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.rectification.ledger.sheet.TestBook.Format;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class SignatureBlockTests {

    @TempDir
    Path folder;

    static TestBook table(Format format) {
        return TestBook.of(format)
            .sheet("Sheet1")
            .row(1, "反馈问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态", "备注")
            .row(2, "问题一", "措施一", "张局长", "办公室", "李四", "2026-12-31", "已完成", "");
    }

    List<SignatureMark> signatures(TestBook book) {
        return read(book.write(this.folder, "签字"));
    }

    List<SignatureMark> read(Path file) {
        ReadSubmission submission = new SubmissionReader(SubmissionReaderTests.settings()).read(file);
        assertThat(submission.tables().get(0).rows()).hasSize(1);
        return submission.signatures();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsNamesInTheLabelCellWithEitherColon(Format format) {
        TestBook book = table(format)
            .row(4, "填报人：张三", null, "审核人:李四", null, "单位负责人（签字）：王五");

        assertThat(signatures(book)).containsExactly(new SignatureMark("填报人", "张三", false, "Sheet1", 4, 0),
                new SignatureMark("审核人", "李四", false, "Sheet1", 4, 2),
                new SignatureMark("单位负责人", "王五", false, "Sheet1", 4, 4));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsNamesInTheNextNonEmptyCell(Format format) {
        TestBook book = table(format)
            .row(4, "填报人：", null, "张三", "审核人(签名)：", "李四", "主要负责人：", null, "赵六")
            .merge("A4:B4");

        assertThat(signatures(book)).containsExactly(new SignatureMark("填报人", "张三", false, "Sheet1", 4, 0),
                new SignatureMark("审核人", "李四", false, "Sheet1", 4, 3),
                new SignatureMark("主要负责人", "赵六", false, "Sheet1", 4, 5));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsSeveralLabelsInOneCellLongestFirst(Format format) {
        TestBook book = table(format)
            .row(4, "填报人：张三  审核人：李四  单位主要负责人（签字）：王五")
            .merge("A4:H4")
            .row(5, "填报日期：2026年11月5日    （盖章）");

        ReadSubmission submission = new SubmissionReader(SubmissionReaderTests.settings())
            .read(book.write(this.folder, "签字"));

        assertThat(submission.signatures()).containsExactly(new SignatureMark("填报人", "张三", false, "Sheet1", 4, 0),
                new SignatureMark("审核人", "李四", false, "Sheet1", 4, 0),
                new SignatureMark("单位主要负责人", "王五", false, "Sheet1", 4, 0));
        assertThat(submission.filledDate()).isEqualTo(java.time.LocalDate.of(2026, 11, 5));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void reportsLabelsWithNothingAfterThemAsUnsigned(Format format) {
        TestBook book = table(format)
            .row(4, "填报人：", "审核人：", null, "单位负责人（签字）：______", null, null, null, "");

        assertThat(signatures(book)).containsExactly(new SignatureMark("填报人", null, false, "Sheet1", 4, 0),
                new SignatureMark("审核人", null, false, "Sheet1", 4, 1),
                new SignatureMark("单位负责人", null, false, "Sheet1", 4, 3));
        assertThat(signatures(table(format).row(5, "审核人：XX"))).singleElement()
            .satisfies((mark) -> assertThat(mark.signed()).isFalse());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void countsAPictureAnchoredOnOrNextToTheLabel(Format format) {
        TestBook book = table(format)
            .row(4, "填报人：张三", null, "审核人：", null, "单位负责人（签字）：", null, null, null)
            .picture("C4")
            .picture("F4");

        assertThat(signatures(book)).containsExactly(new SignatureMark("填报人", "张三", false, "Sheet1", 4, 0),
                new SignatureMark("审核人", null, true, "Sheet1", 4, 2),
                new SignatureMark("单位负责人", null, true, "Sheet1", 4, 4));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void doesNotLendAPictureAcrossAnotherLabel(Format format) {
        TestBook book = table(format)
            .row(4, "审核人：", "单位负责人：")
            .picture("B4");

        assertThat(signatures(book)).containsExactly(new SignatureMark("审核人", null, false, "Sheet1", 4, 0),
                new SignatureMark("单位负责人", null, true, "Sheet1", 4, 1));
    }

    @Test
    void countsAWpsInCellPicture() throws IOException {
        byte[] xlsx = table(Format.XLSX)
            .row(4, "填报人：张三", "审核人：", "=DISPIMG(\"ID_3A5F\",1)", "单位负责人：", "=DISPIMG(\"ID_UNKNOWN\",1)")
            .bytes();
        Path file = TestBook.write(this.folder, "wps.xlsx", withPart(xlsx, "xl/cellimages.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" \
                xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
                xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">
                <etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="ID_3A5F" descr=""/><xdr:cNvPicPr/>\
                </xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/></xdr:blipFill><xdr:spPr/></xdr:pic></etc:cellImage>
                </etc:cellImages>
                """));

        assertThat(read(file)).containsExactly(new SignatureMark("填报人", "张三", false, "Sheet1", 4, 0),
                new SignatureMark("审核人", null, true, "Sheet1", 4, 1),
                new SignatureMark("单位负责人", null, false, "Sheet1", 4, 3));
    }

    /** The .xlsx with one more part added (or replaced). */
    static byte[] withPart(byte[] xlsx, String name, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

}
