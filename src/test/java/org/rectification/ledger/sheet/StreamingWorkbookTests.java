package org.rectification.ledger.sheet;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming workbook writes the package SXSSF itself writes, part for part and in the same order, though it
 * keeps the template and a sheet's first megabyte of rows in memory and splices the rows in itself: a plain sheet
 * built in memory, a small streamed sheet with a merge and a comment, and one whose rows outgrow the memory and move
 * to a temporary file, which is gone once the workbook is closed.
 */
class StreamingWorkbookTests {

    @TempDir
    Path folder;

    @AfterEach
    void defaultTemporaryFiles() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }

    @Test
    void writesThePartsSxssfWritesAndLeavesNoTemporaryFile() throws IOException {
        List<File> created = new ArrayList<>();
        TempFileCreationStrategy files = new DefaultTempFileCreationStrategy(this.folder.toFile());
        TempFile.setTempFileCreationStrategy(new TempFileCreationStrategy() {

            @Override
            public File createTempFile(String prefix, String suffix) throws IOException {
                File file = files.createTempFile(prefix, suffix);
                created.add(file);
                return file;
            }

            @Override
            public File createTempDirectory(String prefix) throws IOException {
                return files.createTempDirectory(prefix);
            }

        });
        byte[] ours;
        try (StreamingWorkbook workbook = new StreamingWorkbook(100, ProductMark.Kind.NOTICE)) {
            fill(workbook);
            // only the large sheet's rows went to a file
            assertThat(created).hasSize(1).allMatch(File::isFile);
            ours = write(workbook);
        }
        assertThat(created).noneMatch(File::exists);
        byte[] theirs;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            ProductMark.mark(workbook.getXSSFWorkbook(), ProductMark.Kind.NOTICE);
            fill(workbook);
            theirs = write(workbook);
        }
        Map<String, String> parts = parts(ours);
        assertThat(parts.get("xl/worksheets/sheet3.xml")).hasSizeGreaterThan(SheetRowsWriter.IN_MEMORY_BYTES);
        assertThat(parts).containsExactlyEntriesOf(parts(theirs));
        try (Stream<Path> left = Files.list(this.folder)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    private static void fill(SXSSFWorkbook workbook) {
        XSSFSheet plain = workbook.getXSSFWorkbook().createSheet("清单");
        plain.createRow(0).createCell(0).setCellValue("退回意见");
        plain.createRow(2).createCell(1).setCellValue(3);
        SXSSFSheet small = workbook.createSheet("任务表");
        for (int r = 0; r < 150; r++) {
            Row row = small.createRow(r);
            row.createCell(0).setCellValue(r + 1);
            row.createCell(1).setCellValue("措施" + r + "：开展专项检查 <&> \"引号\" 😀");
            row.createCell(3).setCellValue(r % 2 == 0);
        }
        small.addMergedRegion(new CellRangeAddress(0, 1, 1, 2));
        Drawing<?> drawing = small.createDrawingPatriarch();
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(2);
        anchor.setRow1(140);
        anchor.setCol2(5);
        anchor.setRow2(143);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(workbook.getCreationHelper().createRichTextString("第141行缺少责任人"));
        comment.setAddress(140, 1);
        // still in the window of rows held in memory
        small.getRow(140).getCell(1).setCellComment(comment);
        SXSSFSheet large = workbook.createSheet("大表");
        for (int r = 0; r < 12_000; r++) {
            Row row = large.createRow(r);
            for (int c = 0; c < 5; c++) {
                row.createCell(c).setCellValue("第" + r + "行第" + c + "列的整改措施");
            }
        }
    }

    private static byte[] write(SXSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    /** Each part's text in the order of the package, core.xml without its dates. */
    private static Map<String, String> parts(byte[] zip) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipFile file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntriesInPhysicalOrder())) {
                try (InputStream in = file.getInputStream(entry)) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    parts.put(entry.getName(), text.replaceAll("<dcterms:(created|modified)[^<]*</dcterms:\\1>", ""));
                }
            }
        }
        return parts;
    }

}
