package org.rectification.ledger.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A seeded, deterministic corpus of broken and hostile submissions made from the sample county's sheets: byte
 * flips, truncations, zip entries removed or duplicated, huge and malformed shared strings, entity expansion
 * (billion laughs) and external entities, formula-like text, a sheet 16,384 columns wide, 100,000 cell styles,
 * and the long cells and control characters of {@link LongValueSheets}. Every file is named 模糊-NN-what.ext, so a failure names the
 * mutation that caused it.
 */
final class FuzzCorpus {

    /** An .xlsx with one data sheet (xl/worksheets/sheet1.xml) and shared strings: the base of the XML mutations. */
    static final Path XML_BASE = LedgerWorkspace.SAMPLES.resolve("2026-11/住建局-11月整改任务分解表.xlsx");

    /** The bases of the byte-level mutations: two .xlsx and two .xls of different shapes. */
    static final List<Path> BYTE_BASES = List.of(LedgerWorkspace.SAMPLES.resolve("2026-10/民政局-10月整改任务分解表.xlsx"),
            LedgerWorkspace.SAMPLES.resolve("2026-11/卫健局-11月整改任务分解表.xlsx"),
            LedgerWorkspace.SAMPLES.resolve("2026-10/人社局-10月整改任务分解表.xls"),
            LedgerWorkspace.SAMPLES.resolve("2026-11/教育局-11月整改任务分解表.xls"));

    private static final String BILLION_LAUGHS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
            <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\
            <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">\
            <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">\
            <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">\
            <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">\
            <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">\
            <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
            """;

    private final Path folder;

    private final Random random;

    private final List<Path> files = new ArrayList<>();

    private FuzzCorpus(Path folder, long seed) {
        this.folder = folder;
        this.random = new Random(seed);
    }

    /** Writes the whole corpus into the folder; the same seed gives the same bytes. */
    static List<Path> write(Path folder, long seed) {
        FuzzCorpus corpus = new FuzzCorpus(folder, seed);
        try {
            corpus.byteMutations();
            corpus.zipMutations();
            corpus.sharedStringMutations();
            corpus.entityExpansion();
            corpus.spreadsheetShapes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return List.copyOf(corpus.files);
    }

    // --- bytes: flips and truncations of whole files ---

    private void byteMutations() throws IOException {
        for (Path base : BYTE_BASES) {
            byte[] original = Files.readAllBytes(base);
            String ext = extension(base);
            String stem = base.getFileName().toString().replaceFirst("-.*", "");
            for (int flips : new int[] { 1, 8, 64 }) {
                byte[] bytes = original.clone();
                for (int i = 0; i < flips; i++) {
                    int at = this.random.nextInt(bytes.length);
                    bytes[at] ^= (byte) (1 + this.random.nextInt(255));
                }
                add(stem + "翻转" + flips + "字节" + ext, bytes);
            }
            int[] cuts = { 1 + this.random.nextInt(original.length / 2),
                    original.length / 2 + this.random.nextInt(original.length / 2), original.length - 1
                            - this.random.nextInt(Math.min(100, original.length - 1)) };
            for (int cut : cuts) {
                add(stem + "截断至" + cut + ext, Arrays.copyOf(original, cut));
            }
        }
    }

    // --- the zip container: parts missing or twice ---

    private void zipMutations() throws IOException {
        Map<String, byte[]> parts = parts(Files.readAllBytes(XML_BASE));
        for (String part : List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml")) {
            Map<String, byte[]> without = new LinkedHashMap<>(parts);
            if (without.remove(part) == null) {
                throw new IllegalStateException(XML_BASE + " has no " + part);
            }
            add("缺少部件" + part.replace('/', '_') + ".xlsx", zip(without));
        }
        String emptySheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheetData/></worksheet>";
        add("重复部件-工作表.xlsx", duplicated(parts, "xl/worksheets/sheet1.xml", emptySheet.getBytes(StandardCharsets.UTF_8)));
        add("重复部件-共享字符串.xlsx", duplicated(parts, "xl/sharedStrings.xml", parts.get("xl/sharedStrings.xml")));
        add("重复部件-工作簿.xlsx", duplicated(parts, "xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8)));
    }

    // --- shared strings: huge, malformed, pointing nowhere ---

    private void sharedStringMutations() throws IOException {
        Map<String, byte[]> parts = parts(Files.readAllBytes(XML_BASE));
        String strings = text(parts, "xl/sharedStrings.xml");
        String sheet = text(parts, "xl/worksheets/sheet1.xml");

        // 200,000 extra strings of random text (about 5 MB), none of them used
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            many.append("<si><t>").append(randomWords(3)).append(i).append("</t></si>");
        }
        add("共享字符串-二十万条.xlsx", zip(with(parts, "xl/sharedStrings.xml", strings.replace("</sst>", many + "</sst>"))));

        // the first string (the title) 100,000 characters long: more than Excel itself writes in a cell
        int first = strings.indexOf("<si><t>") + "<si><t>".length();
        add("共享字符串-超长单元格.xlsx", zip(with(parts, "xl/sharedStrings.xml",
                strings.substring(0, first) + randomWords(60_000).substring(0, 100_000) + strings.substring(first))));

        add("共享字符串-截断.xlsx", zip(with(parts, "xl/sharedStrings.xml", strings.substring(0, strings.length() / 2))));
        add("共享字符串-未闭合标签.xlsx", zip(with(parts, "xl/sharedStrings.xml", strings.replaceFirst("</t>", ""))));
        add("共享字符串-非法字符.xlsx", zip(with(parts, "xl/sharedStrings.xml", strings.replaceFirst("<t>", "<t>&#1;\u0000"))));
        add("共享字符串-非XML.xlsx", zip(with(parts, "xl/sharedStrings.xml", "这不是XML，而是一段说明文字。")));
        add("共享字符串-空.xlsx", zip(with(parts, "xl/sharedStrings.xml", "")));
        add("共享字符串-编号越界.xlsx", zip(with(parts, "xl/worksheets/sheet1.xml",
                sheet.replaceAll("<v>(\\d+)</v></c>", "<v>9999999$1</v></c>"))));
        add("共享字符串-负编号.xlsx", zip(with(parts, "xl/worksheets/sheet1.xml",
                sheet.replaceFirst("t=\"s\"><v>\\d+</v>", "t=\"s\"><v>-5</v>"))));
    }

    // --- entity expansion and external entities, in every part the reader parses ---

    private void entityExpansion() throws IOException {
        Map<String, byte[]> parts = parts(Files.readAllBytes(XML_BASE));
        for (String part : List.of("xl/sharedStrings.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                "[Content_Types].xml", "xl/styles.xml", "xl/_rels/workbook.xml.rels")) {
            String xml = text(parts, part).replaceFirst("^<\\?xml[^>]*\\?>\\s*", "");
            // &lol9; is 10^9 "lol": in the first text, or before the root element's end tag
            String bomb = BILLION_LAUGHS + (xml.contains("<t>") ? xml.replaceFirst("<t>", "<t>&lol9;")
                    : xml.replaceFirst("(</[^>]+>)\\s*$", "&lol9;$1"));
            add("实体膨胀-" + part.replace('/', '_').replace("[", "").replace("]", "") + ".xlsx",
                    zip(with(parts, part, bomb)));
        }
        String strings = text(parts, "xl/sharedStrings.xml").replaceFirst("^<\\?xml[^>]*\\?>\\s*", "");
        add("外部实体-共享字符串.xlsx", zip(with(parts, "xl/sharedStrings.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + strings.replaceFirst("<t>", "<t>&xxe;"))));
    }

    // --- shapes a real sheet never has: formula-like text, 16,384 columns, 100,000 styles, long cells ---

    private void spreadsheetShapes() throws IOException {
        try (InputStream in = Files.newInputStream(XML_BASE); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Row row = workbook.getSheetAt(0).getRow(3);
            row.getCell(2).setCellValue("=cmd|' /C calc'!A0");
            row.getCell(3).setCellValue("+HYPERLINK(\"http://example.invalid\",\"点此\")");
            row.getCell(4).setCellValue("@SUM(1+1)*cmd|' /C calc'!A0");
            row.getCell(9).setCellValue("-2+3+cmd|' /C notepad'!A0");
            add("公式样文本.xlsx", bytes(workbook));
        }
        try (InputStream in = Files.newInputStream(XML_BASE); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row row = sheet.createRow(sheet.getLastRowNum() + 2);
            for (int c = 0; c < 16_384; c++) {
                row.createCell(c).setCellValue(c);
            }
            add("一万六千三百八十四列.xlsx", bytes(workbook));
        }
        Map<String, byte[]> parts = parts(Files.readAllBytes(XML_BASE));
        String styles = text(parts, "xl/styles.xml");
        int open = styles.indexOf("<cellXfs");
        int close = styles.indexOf("</cellXfs>");
        // varied, as a workbook bloated by copy and paste has them: 100,000 identical ones would be a zip bomb
        String[] alignments = { "general", "left", "center", "right", "fill", "justify" };
        StringBuilder xfs = new StringBuilder("<cellXfs count=\"100000\">");
        for (int i = 0; i < 100_000; i++) {
            xfs.append("<xf numFmtId=\"").append(this.random.nextInt(50)).append("\" fontId=\"")
                .append(this.random.nextInt(4)).append("\" fillId=\"").append(this.random.nextInt(4))
                .append("\" borderId=\"").append(this.random.nextInt(5))
                .append("\" xfId=\"0\" applyAlignment=\"1\"><alignment horizontal=\"")
                .append(alignments[this.random.nextInt(alignments.length)]).append("\" indent=\"")
                .append(this.random.nextInt(16)).append("\" wrapText=\"").append(this.random.nextInt(2))
                .append("\"/></xf>");
        }
        String manyStyles = styles.substring(0, open) + xfs + styles.substring(close);
        String sheet = text(parts, "xl/worksheets/sheet1.xml").replaceAll(" s=\"\\d+\"", " s=\"99999\"");
        Map<String, byte[]> styled = with(parts, "xl/styles.xml", manyStyles);
        styled.put("xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8));
        add("十万样式.xlsx", zip(styled));
        Path longXlsx = LongValueSheets.xlsx(this.folder.resolve(next() + "长内容.xlsx"));
        this.files.add(longXlsx);
        Path longXls = LongValueSheets.xls(this.folder.resolve(next() + "长内容.xls"));
        this.files.add(longXls);
        this.files.add(LongValueSheets.controls(this.folder.resolve(next() + "控制字符.xls")));
    }

    // --- helpers ---

    private String next() {
        return String.format("模糊-%02d-", this.files.size() + 1);
    }

    private void add(String name, byte[] bytes) throws IOException {
        this.files.add(Files.write(this.folder.resolve(next() + name), bytes));
    }

    private String randomWords(int count) {
        String[] words = { "整改", "落实", "责任", "推进", "问题", "措施", "完成", "销号", "督办", "台账", "佐证", "材料",
                "会议", "排查", "清单", "制度", "监督", "检查", "专项", "规范" };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(words[this.random.nextInt(words.length)]);
        }
        return text.toString();
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.'));
    }

    private static Map<String, byte[]> parts(byte[] xlsx) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    private static String text(Map<String, byte[]> parts, String part) {
        return new String(parts.get(part), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> with(Map<String, byte[]> parts, String part, String content) {
        Map<String, byte[]> copy = new LinkedHashMap<>(parts);
        copy.put(part, content.getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    private static byte[] zip(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * The package with a second entry of the same name after the first: ZipOutputStream refuses duplicates, so the
     * second is written under a name of the same length and renamed in the bytes (local header and central
     * directory).
     */
    private static byte[] duplicated(Map<String, byte[]> parts, String part, byte[] second) throws IOException {
        String stand = part.substring(0, part.length() - 1) + "~";
        Map<String, byte[]> copy = new LinkedHashMap<>(parts);
        copy.put(stand, second);
        byte[] zip = zip(copy);
        byte[] from = stand.getBytes(StandardCharsets.UTF_8);
        byte[] to = part.getBytes(StandardCharsets.UTF_8);
        int replaced = 0;
        for (int i = 0; i + from.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, zip, i, to.length);
                replaced++;
            }
        }
        if (replaced != 2) {
            throw new IllegalStateException("expected the name twice, found it " + replaced + " times");
        }
        return zip;
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

}
