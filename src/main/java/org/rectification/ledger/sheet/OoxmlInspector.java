package org.rectification.ledger.sheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads what streaming cannot see from an OOXML package without loading the workbook: checks the zip's
 * central directory against the limits (zip bombs), then a small SAX pass each over xl/workbook.xml (sheet
 * names and visibility, see {@link SheetListHandler}), the sheets' drawing parts (picture anchors) and WPS's
 * xl/cellimages.xml (in-cell pictures) and the product mark (docProps). Every parser refuses DOCTYPE
 * declarations, so no external entity is ever resolved.
 */
final class OoxmlInspector {

    static final int MAX_ENTRIES = 10_000;

    /** Entries smaller than this are not held to the inflate ratio: tiny XML parts compress very well. */
    private static final long RATIO_GRACE_BYTES = 100 * 1024;

    private final Path file;

    private final ReadSettings.Limits limits;

    OoxmlInspector(Path file, ReadSettings.Limits limits) {
        this.file = file;
        this.limits = limits;
    }

    WorkbookOutline inspect() {
        try (ZipFile zip = new ZipFile(this.file.toFile())) {
            checkEntries(zip);
            String workbookPart = workbookPart(zip);
            if (zip.getEntry(workbookPart) == null) {
                throw ReadFailures.failure(ReadFailure.NOT_A_SPREADSHEET, this.file, "sheet.not-a-spreadsheet");
            }
            Map<String, String> workbookRels = relationships(zip, workbookPart, "/worksheet");
            SheetListHandler sheets = new SheetListHandler();
            parse(zip, workbookPart, sheets);
            List<WorkbookOutline.SheetOutline> outlines = new ArrayList<>();
            for (int i = 0; i < sheets.entries().size(); i++) {
                SheetListHandler.Entry sheet = sheets.entries().get(i);
                String sheetPart = workbookRels.get(sheet.relationshipId());
                Set<WorkbookOutline.Cell> pictures = (sheetPart != null) ? pictures(zip, sheetPart) : Set.of();
                outlines.add(new WorkbookOutline.SheetOutline(i, sheet.name(), sheet.hidden(), pictures));
            }
            return new WorkbookOutline(outlines, cellImageIds(zip), productMark(zip));
        }
        catch (ZipException ex) {
            throw ReadFailures.failure(ReadFailure.UNREADABLE, this.file, ex, "sheet.unreadable",
                    FormatSniffer.describe(ex));
        }
        catch (IOException ex) {
            throw ReadFailures.failure(ReadFailure.UNREADABLE, this.file, ex, "sheet.unreadable",
                    FormatSniffer.describe(ex));
        }
    }

    private void checkEntries(ZipFile zip) {
        if (zip.size() > MAX_ENTRIES) {
            throw ReadFailures.failure(ReadFailure.TOO_LARGE, this.file, "sheet.too-large.entries", zip.size(),
                    MAX_ENTRIES);
        }
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size > this.limits.maxEntryBytes()) {
                throw zipBomb(entry.getName());
            }
            if (size > RATIO_GRACE_BYTES && compressed >= 0 && (double) compressed / size < this.limits.minInflateRatio()) {
                throw zipBomb(entry.getName());
            }
        }
    }

    private SheetReadException zipBomb(String entry) {
        return ReadFailures.failure(ReadFailure.TOO_LARGE, this.file, "sheet.too-large.zip-entry", entry);
    }

    private String workbookPart(ZipFile zip) throws IOException {
        Map<String, String> rels = relationships(zip, "", "/officeDocument");
        return rels.values().stream().findFirst().orElse("xl/workbook.xml");
    }

    /** Relationship id to resolved part name, for the relationships of the given type (matched on its end). */
    private Map<String, String> relationships(ZipFile zip, String part, String typeSuffix) throws IOException {
        int slash = part.lastIndexOf('/');
        String folder = (slash >= 0) ? part.substring(0, slash + 1) : "";
        String relsPart = folder + "_rels/" + part.substring(slash + 1) + ".rels";
        Map<String, String> targets = new HashMap<>();
        if (zip.getEntry(relsPart) == null) {
            return targets;
        }
        parse(zip, relsPart, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                String type = attributes.getValue("Type");
                if ("Relationship".equals(localName) && type != null && type.endsWith(typeSuffix)
                        && !"External".equals(attributes.getValue("TargetMode"))) {
                    targets.put(attributes.getValue("Id"), resolve(folder, attributes.getValue("Target")));
                }
            }
        });
        return targets;
    }

    static String resolve(String folder, String target) {
        if (target == null) {
            return "";
        }
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            }
            else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }

    private Set<WorkbookOutline.Cell> pictures(ZipFile zip, String sheetPart) throws IOException {
        Set<WorkbookOutline.Cell> cells = new HashSet<>();
        for (String drawing : relationships(zip, sheetPart, "/drawing").values()) {
            if (zip.getEntry(drawing) != null) {
                parse(zip, drawing, new AnchorHandler(cells));
            }
        }
        return cells;
    }

    /**
     * The product's custom document property (docProps/custom.xml), which Excel and WPS keep on saving; failing
     * that, the product's name as the application in docProps/app.xml.
     */
    private String productMark(ZipFile zip) throws IOException {
        String[] mark = new String[1];
        parse(zip, "docProps/custom.xml", new DefaultHandler() {
            private final StringBuilder text = new StringBuilder();

            private boolean inMark;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if ("property".equals(localName)) {
                    this.inMark = ProductMark.PROPERTY.equals(attributes.getValue("name"));
                    this.text.setLength(0);
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (this.inMark) {
                    this.text.append(ch, start, length);
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                if ("property".equals(localName) && this.inMark) {
                    mark[0] = this.text.toString().trim();
                    this.inMark = false;
                }
            }
        });
        if (mark[0] != null) {
            return mark[0];
        }
        StringBuilder application = new StringBuilder();
        boolean[] inApplication = new boolean[1];
        parse(zip, "docProps/app.xml", new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                inApplication[0] = "Application".equals(localName);
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inApplication[0]) {
                    application.append(ch, start, length);
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                inApplication[0] = false;
            }
        });
        return ProductMark.APPLICATION.equals(application.toString().trim()) ? "" : null;
    }

    private Set<String> cellImageIds(ZipFile zip) throws IOException {
        Set<String> ids = new HashSet<>();
        if (zip.getEntry("xl/cellimages.xml") == null) {
            return ids;
        }
        parse(zip, "xl/cellimages.xml", new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if ("cNvPr".equals(localName)) {
                    String name = attributes.getValue("name");
                    if (name != null) {
                        ids.add(name);
                    }
                }
            }
        });
        return ids;
    }

    private void parse(ZipFile zip, String part, DefaultHandler handler) throws IOException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) {
            return;
        }
        try (InputStream in = new LimitedInputStream(zip.getInputStream(entry), this.limits.maxEntryBytes(), part)) {
            SecureXml.parse(in, handler);
        }
        catch (SAXException ex) {
            throw ReadFailures.failure(ReadFailure.UNREADABLE, this.file, ex, "sheet.unreadable-part", part,
                    FormatSniffer.describe(ex));
        }
    }

    /** Collects the from-cell of every drawing anchor that holds a picture. */
    private static final class AnchorHandler extends DefaultHandler {

        private final Set<WorkbookOutline.Cell> cells;

        private boolean inAnchor;

        private boolean inFrom;

        private boolean picture;

        private String current;

        private int row = -1;

        private int column = -1;

        private final StringBuilder text = new StringBuilder();

        AnchorHandler(Set<WorkbookOutline.Cell> cells) {
            this.cells = cells;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "twoCellAnchor", "oneCellAnchor" -> {
                    this.inAnchor = true;
                    this.picture = false;
                    this.row = -1;
                    this.column = -1;
                }
                case "from" -> this.inFrom = this.inAnchor;
                case "pic" -> this.picture = this.inAnchor;
                case "row", "col" -> {
                    this.current = this.inFrom ? localName : null;
                    this.text.setLength(0);
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (this.current != null) {
                this.text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "row", "col" -> {
                    if (this.current != null) {
                        int value = parseInt(this.text.toString().trim());
                        if ("row".equals(this.current)) {
                            this.row = value;
                        }
                        else {
                            this.column = value;
                        }
                        this.current = null;
                    }
                }
                case "from" -> this.inFrom = false;
                case "twoCellAnchor", "oneCellAnchor" -> {
                    if (this.picture && this.row >= 0 && this.column >= 0) {
                        this.cells.add(new WorkbookOutline.Cell(this.row, this.column));
                    }
                    this.inAnchor = false;
                }
                default -> {
                }
            }
        }

        private static int parseInt(String text) {
            try {
                return Integer.parseInt(text);
            }
            catch (NumberFormatException ex) {
                return -1;
            }
        }

    }

    /** Stops reading a part that inflates beyond the entry limit, whatever its header claimed. */
    private final class LimitedInputStream extends FilterInputStream {

        private final long limit;

        private final String part;

        private long count;

        LimitedInputStream(InputStream in, long limit, String part) {
            super(in);
            this.limit = limit;
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            this.count += n;
            if (this.count > this.limit) {
                throw zipBomb(this.part);
            }
        }

    }

}
