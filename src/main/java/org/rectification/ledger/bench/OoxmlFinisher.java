package org.rectification.ledger.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Rewrites the zip POI wrote for an .xlsx: every entry gets the same fixed time (POI stamps the current
 * time), entries are optionally stored instead of deflated (so the bytes do not depend on the zlib build),
 * and WPS in-cell pictures are added the way WPS writes them: a {@code _xlfn.DISPIMG} formula in the cell,
 * an {@code xl/cellimages.xml} part with its relationships and the image under {@code xl/media}.
 */
public final class OoxmlFinisher {

    public static final String CELL_IMAGE_RELATIONSHIP = "http://www.wps.cn/officeDocument/2020/cellImage";

    public static final String CELL_IMAGE_CONTENT_TYPE = "application/vnd.wps-officedocument.cellimage+xml";

    /** A DISPIMG picture to embed in the cell {@code cellReference} of the given worksheet part. */
    public record EmbeddedImage(String worksheetPart, String cellReference, String id, byte[] png) {
    }

    private OoxmlFinisher() {
    }

    static void finish(byte[] zip, OutputStream target, LocalDateTime time, boolean stored, List<EmbeddedImage> images)
            throws IOException {
        ZipOutputStream out = new ZipOutputStream(target, StandardCharsets.UTF_8);
        // commons-compress reads the central directory: SXSSF output has local headers java.util.zip rejects
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            for (ZipArchiveEntry entry : Collections.list(in.getEntriesInPhysicalOrder())) {
                String name = entry.getName();
                boolean touched = !images.isEmpty() && (name.equals("[Content_Types].xml")
                        || name.equals("xl/_rels/workbook.xml.rels")
                        || images.stream().anyMatch((image) -> image.worksheetPart().equals(name)));
                try (InputStream data = in.getInputStream(entry)) {
                    if (stored || touched) {
                        byte[] bytes = data.readAllBytes();
                        if (touched) {
                            bytes = patch(name, new String(bytes, StandardCharsets.UTF_8), images)
                                .getBytes(StandardCharsets.UTF_8);
                        }
                        put(out, name, bytes, time, stored);
                    }
                    else {
                        ZipEntry copy = new ZipEntry(name);
                        copy.setTimeLocal(time);
                        out.putNextEntry(copy);
                        data.transferTo(out);
                        out.closeEntry();
                    }
                }
            }
        }
        if (!images.isEmpty()) {
            put(out, "xl/cellimages.xml", cellImagesXml(images).getBytes(StandardCharsets.UTF_8), time, stored);
            put(out, "xl/_rels/cellimages.xml.rels", cellImagesRels(images).getBytes(StandardCharsets.UTF_8), time,
                    stored);
            for (int i = 0; i < images.size(); i++) {
                put(out, "xl/media/cellimage" + (i + 1) + ".png", images.get(i).png(), time, stored);
            }
        }
        out.finish();
    }

    public static byte[] finish(byte[] zip, LocalDateTime time, boolean stored, List<EmbeddedImage> images)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length * 2);
        finish(zip, out, time, stored, images);
        return out.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, byte[] data, LocalDateTime time, boolean stored)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(data);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(data.length);
            entry.setCompressedSize(data.length);
            entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(data);
        out.closeEntry();
    }

    private static String patch(String name, String xml, List<EmbeddedImage> images) {
        if (name.equals("[Content_Types].xml")) {
            String patched = xml;
            if (!patched.contains("Extension=\"png\"")) {
                patched = patched.replaceFirst("(<Types[^>]*>)",
                        "$1<Default Extension=\"png\" ContentType=\"image/png\"/>");
            }
            return patched.replace("</Types>", "<Override PartName=\"/xl/cellimages.xml\" ContentType=\""
                    + CELL_IMAGE_CONTENT_TYPE + "\"/></Types>");
        }
        if (name.equals("xl/_rels/workbook.xml.rels")) {
            return xml.replace("</Relationships>", "<Relationship Id=\"rId90\" Type=\"" + CELL_IMAGE_RELATIONSHIP
                    + "\" Target=\"cellimages.xml\"/></Relationships>");
        }
        String patched = xml;
        for (EmbeddedImage image : images) {
            if (!image.worksheetPart().equals(name)) {
                continue;
            }
            Pattern cell = Pattern.compile("<c r=\"" + image.cellReference() + "\"([^>]*?)(/>|>.*?</c>)");
            Matcher matcher = cell.matcher(patched);
            if (!matcher.find()) {
                throw new IllegalStateException("no cell " + image.cellReference() + " in " + name);
            }
            Matcher style = Pattern.compile("s=\"(\\d+)\"").matcher(matcher.group(1));
            String styleAttribute = style.find() ? " s=\"" + style.group(1) + "\"" : "";
            String formula = "DISPIMG(\"" + image.id() + "\",1)";
            String replacement = "<c r=\"" + image.cellReference() + "\"" + styleAttribute + " t=\"str\"><f>_xlfn."
                    + formula + "</f><v>=" + formula + "</v></c>";
            patched = patched.substring(0, matcher.start()) + replacement + patched.substring(matcher.end());
        }
        return patched;
    }

    private static String cellImagesXml(List<EmbeddedImage> images) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
        xml.append("<etc:cellImages xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\"")
            .append(" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"")
            .append(" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"")
            .append(" xmlns:etc=\"http://www.wps.cn/officeDocument/2017/etCustomData\">");
        for (int i = 0; i < images.size(); i++) {
            EmbeddedImage image = images.get(i);
            xml.append("<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id=\"").append(i + 2)
                .append("\" name=\"").append(image.id()).append("\" descr=\"签名\"/>")
                .append("<xdr:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></xdr:cNvPicPr></xdr:nvPicPr>")
                .append("<xdr:blipFill><a:blip r:embed=\"rId").append(i + 1).append("\"/>")
                .append("<a:stretch><a:fillRect/></a:stretch></xdr:blipFill>")
                .append("<xdr:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"1016000\" cy=\"381000\"/></a:xfrm>")
                .append("<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage>");
        }
        xml.append("</etc:cellImages>");
        return xml.toString();
    }

    private static String cellImagesRels(List<EmbeddedImage> images) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
        xml.append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 0; i < images.size(); i++) {
            xml.append("<Relationship Id=\"rId").append(i + 1)
                .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\"")
                .append(" Target=\"media/cellimage").append(i + 1).append(".png\"/>");
        }
        xml.append("</Relationships>");
        return xml.toString();
    }

}
