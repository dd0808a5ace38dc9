package org.rectification.ledger.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

/**
 * A Word document laid out as Chinese government documents are (GB/T 9704): A4, 37 / 35 / 28 / 26 mm margins, title
 * in 方正小标宋简体 二号, 一、 headings in 黑体 and （一） headings in 楷体_GB2312 三号, body in 仿宋_GB2312 三号 at a
 * fixed 28 pt line, page numbers "— 1 —" in the footer. Every run names its East Asian font, and the document's font
 * table gives each one the font Windows and WPS always have (仿宋, 黑体, 楷体, 宋体) as its alternative, so a machine
 * without the GB2312 fonts falls back cleanly instead of to a Western default.
 */
final class OfficialDocument {

    static final String TITLE_FONT = "方正小标宋简体";

    static final String HEADING_FONT = "黑体";

    static final String SUBHEADING_FONT = "楷体_GB2312";

    static final String BODY_FONT = "仿宋_GB2312";

    private static final String LATIN_FONT = "Times New Roman";

    /** Twips: A4 and the GB/T 9704 margins. */
    private static final int PAGE_WIDTH = 11906;

    private static final int PAGE_HEIGHT = 16838;

    private static final int MARGIN_TOP = 2098;

    private static final int MARGIN_BOTTOM = 1984;

    private static final int MARGIN_LEFT = 1588;

    private static final int MARGIN_RIGHT = 1474;

    static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

    private static final int BODY_POINTS = 16;

    /** 五号, as tables in such documents are set. */
    private static final double TABLE_POINTS = 10.5;

    private static final String PLACEHOLDER_COLOUR = "yellow";

    /** Each font this document names, with the font it falls back to and its pitch family. */
    private static final String FONT_TABLE = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
            <w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:panose1 w:val="02010609030101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
            <w:font w:name="仿宋"><w:altName w:val="FangSong"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
            <w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
            <w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:panose1 w:val="02010609030101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
            <w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:panose1 w:val="02010600010101010101"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="variable"/></w:font>
            <w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
            </w:fonts>
            """;

    private final XWPFDocument document = new XWPFDocument();

    OfficialDocument(String title, LocalDate date) throws IOException {
        pageSetup();
        fontTable();
        pageNumbers();
        var core = this.document.getProperties().getCoreProperties();
        Date fixed = Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC));
        core.setTitle(title);
        core.setCreator("rectification-ledger");
        core.setCreated(Optional.of(fixed));
        core.setModified(Optional.of(fixed));
    }

    private void pageSetup() {
        CTSectPr section = this.document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(1587));
    }

    /** Adds word/fontTable.xml with the fallbacks (POI writes none). */
    private void fontTable() throws IOException {
        try {
            PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart part = this.document.getPackage().createPart(name,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
            try (OutputStream out = part.getOutputStream()) {
                out.write(FONT_TABLE.strip().getBytes(StandardCharsets.UTF_8));
            }
            this.document.getPackagePart().addRelationship(name, TargetMode.INTERNAL,
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable");
        }
        catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException ex) {
            throw new IOException("Cannot add the font table", ex);
        }
    }

    /** "— 1 —" centred in the footer, in 宋体 四号, as government documents number their pages. */
    private void pageNumbers() {
        XWPFFooter footer = this.document.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph paragraph = footer.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        font(paragraph.createRun(), "宋体", 14).setText("— ");
        font(paragraph.createRun(), "宋体", 14).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        font(paragraph.createRun(), "宋体", 14).getCTR().addNewInstrText().setStringValue(" PAGE ");
        font(paragraph.createRun(), "宋体", 14).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        font(paragraph.createRun(), "宋体", 14).setText("1");
        font(paragraph.createRun(), "宋体", 14).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        font(paragraph.createRun(), "宋体", 14).setText(" —");
    }

    /** The title, centred, with a blank line under it. */
    void title(String text) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.CENTER, 0);
        paragraph.setSpacingBetween(36, LineSpacingRule.EXACT);
        font(paragraph.createRun(), TITLE_FONT, 22).setText(text);
    }

    /** A centred line in the body font (the period under the title). */
    void centred(String text) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.CENTER, 0);
        font(paragraph.createRun(), SUBHEADING_FONT, BODY_POINTS).setText(text);
    }

    void blank() {
        paragraph(ParagraphAlignment.LEFT, 0);
    }

    /** 一、 level heading, indented two characters like the body; never left alone at the foot of a page. */
    void heading(String text) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.BOTH, 2);
        paragraph.setKeepNext(true);
        font(paragraph.createRun(), HEADING_FONT, BODY_POINTS).setText(text);
    }

    /** （一） level heading, kept on the page of the paragraph it heads. */
    void subheading(String text) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.BOTH, 2);
        paragraph.setKeepNext(true);
        font(paragraph.createRun(), SUBHEADING_FONT, BODY_POINTS).setText(text);
    }

    /**
     * A body paragraph, indented two characters. Parts are facts (plain text) and placeholders for the narrative,
     * which are highlighted so nobody sends the draft with one left in.
     */
    void paragraph(List<Part> parts) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.BOTH, 2);
        runs(paragraph, parts);
    }

    /** A paragraph without first-line indent: the addressee line. */
    void flush(List<Part> parts) {
        runs(paragraph(ParagraphAlignment.LEFT, 0), parts);
    }

    /** A right-aligned line: the signing office and the date. */
    void right(List<Part> parts) {
        runs(paragraph(ParagraphAlignment.RIGHT, 0), parts);
    }

    private void runs(XWPFParagraph paragraph, List<Part> parts) {
        for (Part part : parts) {
            XWPFRun run = font(paragraph.createRun(), BODY_FONT, BODY_POINTS);
            run.setText(part.text());
            if (part.placeholder()) {
                run.setTextHighlightColor(PLACEHOLDER_COLOUR);
            }
        }
    }

    /** A piece of a paragraph: a fact, or a marked placeholder for the narrative. */
    record Part(String text, boolean placeholder) {

        static Part fact(String text) {
            return new Part(text, false);
        }

        static Part placeholder(String text) {
            return new Part(text, true);
        }

    }

    /** A table caption, centred in 黑体. */
    void caption(String text) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.CENTER, 0);
        paragraph.setKeepNext(true); // 表N stays on the page of its table's header row
        font(paragraph.createRun(), HEADING_FONT, 12).setText(text);
    }

    /**
     * A bordered table the width of the text, header row repeated on every page.
     *
     * @param widths relative column widths (points, roughly: a header of three characters needs 43 to stay on one line)
     * @param centred which columns are centred (short values: numbers, names, dates)
     */
    void table(List<String> headers, int[] widths, boolean[] centred, List<List<String>> rows) {
        XWPFTable table = this.document.createTable(rows.size() + 1, headers.size());
        table.setTableAlignment(TableRowAlign.CENTER);
        CTTblWidth width = table.getCTTbl().getTblPr().isSetTblW() ? table.getCTTbl().getTblPr().getTblW()
                : table.getCTTbl().getTblPr().addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(TEXT_WIDTH));
        var grid = (table.getCTTbl().getTblGrid() != null) ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        int[] twips = new int[widths.length];
        for (int i = 0; i < widths.length; i++) {
            twips[i] = TEXT_WIDTH * widths[i] / total;
            grid.addNewGridCol().setW(BigInteger.valueOf(twips[i]));
        }
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < headers.size(); c++) {
            cell(header.getCell(c), headers.get(c), twips[c], true, true);
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            row.setCantSplitRow(true);
            List<String> values = rows.get(r);
            for (int c = 0; c < headers.size(); c++) {
                String value = (c < values.size() && values.get(c) != null) ? values.get(c) : "";
                cell(row.getCell(c), value, twips[c], centred[c], false);
            }
        }
        // a paragraph after the table, so two tables or a table and a heading never stick together
        paragraph(ParagraphAlignment.LEFT, 0).setSpacingBetween(10, LineSpacingRule.EXACT);
    }

    private static void cell(XWPFTableCell cell, String text, int twips, boolean centred, boolean header) {
        cell.setWidth(String.valueOf(twips));
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        cell.getCTTc().getTcPr().addNewVAlign().setVal(STVerticalJc.CENTER);
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(centred ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        paragraph.setSpacingBetween(1.0);
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(0);
        XWPFRun run = font(paragraph.createRun(), header ? HEADING_FONT : BODY_FONT, TABLE_POINTS);
        run.setText(text);
    }

    private XWPFParagraph paragraph(ParagraphAlignment alignment, int indentCharacters) {
        XWPFParagraph paragraph = this.document.createParagraph();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingBetween(28, LineSpacingRule.EXACT);
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(0);
        if (indentCharacters > 0) {
            paragraph.setIndentationFirstLine(indentCharacters * BODY_POINTS * 20);
        }
        return paragraph;
    }

    /** Names the font for every script (East Asian text in it, Latin letters and digits in Times New Roman). */
    private static XWPFRun font(XWPFRun run, String name, double points) {
        CTRPr properties = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = properties.sizeOfRFontsArray() > 0 ? properties.getRFontsArray(0) : properties.addNewRFonts();
        fonts(fonts, name);
        run.setFontSize(points);
        return run;
    }

    private static void fonts(CTFonts fonts, String name) {
        fonts.setEastAsia(name);
        fonts.setAscii(LATIN_FONT);
        fonts.setHAnsi(LATIN_FONT);
        fonts.setCs(LATIN_FONT);
        fonts.setHint(STHint.EAST_ASIA);
    }

    void write(OutputStream out) throws IOException {
        this.document.write(out);
    }

    void close() throws IOException {
        this.document.close();
    }

}
