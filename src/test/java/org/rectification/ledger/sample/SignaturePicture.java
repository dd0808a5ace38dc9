package org.rectification.ledger.sample;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Small PNG pictures that stand in for a handwritten signature or a red seal. Pixels are computed (no
 * anti-aliased rendering) and the PNG is encoded with uncompressed deflate blocks, so the bytes are the
 * same on every JDK and zlib build.
 */
final class SignaturePicture {

    private SignaturePicture() {
    }

    /** A red official seal: a ring with a five-pointed star, 120 x 120. */
    static byte[] seal() {
        int size = 120;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        double centre = size / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = x + 0.5 - centre;
                double dy = y + 0.5 - centre;
                double distance = StrictMath.sqrt(dx * dx + dy * dy);
                boolean ring = distance >= 50 && distance <= 57;
                boolean innerRing = distance >= 44 && distance <= 45.5;
                if (ring || innerRing || inStar(dx, dy, 24, 9.5)) {
                    image.setRGB(x, y, 0xE0D0202A);
                }
            }
        }
        return png(image);
    }

    /** A handwritten-looking scribble in blue-black ink, 160 x 60. */
    static byte[] scribble() {
        int width = 160;
        int height = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int step = 0; step <= 4000; step++) {
            double t = step / 4000.0;
            double x = 10 + 140 * t + 6 * StrictMath.sin(2 * StrictMath.PI * 5 * t);
            double y = 30 + 13 * StrictMath.sin(2 * StrictMath.PI * 3.2 * t) + 5 * StrictMath.cos(2 * StrictMath.PI * 9 * t);
            dot(image, x, y, 1.6, 0xFF1A2340);
        }
        return png(image);
    }

    private static void dot(BufferedImage image, double cx, double cy, double radius, int argb) {
        for (int y = (int) StrictMath.floor(cy - radius); y <= (int) StrictMath.ceil(cy + radius); y++) {
            for (int x = (int) StrictMath.floor(cx - radius); x <= (int) StrictMath.ceil(cx + radius); x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                if (x >= 0 && y >= 0 && x < image.getWidth() && y < image.getHeight()
                        && dx * dx + dy * dy <= radius * radius) {
                    image.setRGB(x, y, argb);
                }
            }
        }
    }

    /** Point-in-polygon (even-odd) test against a five-pointed star centred on the origin, point up. */
    private static boolean inStar(double px, double py, double outer, double inner) {
        double[] xs = new double[10];
        double[] ys = new double[10];
        for (int i = 0; i < 10; i++) {
            double angle = -StrictMath.PI / 2 + i * StrictMath.PI / 5;
            double r = (i % 2 == 0) ? outer : inner;
            xs[i] = r * StrictMath.cos(angle);
            ys[i] = r * StrictMath.sin(angle);
        }
        boolean inside = false;
        for (int i = 0, j = 9; i < 10; j = i++) {
            if ((ys[i] > py) != (ys[j] > py) && px < (xs[j] - xs[i]) * (py - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** RGBA PNG, filter 0, zlib stream of stored blocks. */
    static byte[] png(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            raw.write(0);
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                raw.write((argb >> 16) & 0xFF);
                raw.write((argb >> 8) & 0xFF);
                raw.write(argb & 0xFF);
                raw.write((argb >>> 24) & 0xFF);
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream headerData = new DataOutputStream(header);
            headerData.writeInt(width);
            headerData.writeInt(height);
            headerData.write(new byte[] { 8, 6, 0, 0, 0 });
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", storedZlib(raw.toByteArray()));
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] storedZlib(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0x01);
        int offset = 0;
        do {
            int length = Math.min(65535, data.length - offset);
            boolean last = offset + length >= data.length;
            out.write(last ? 1 : 0);
            out.write(length & 0xFF);
            out.write((length >> 8) & 0xFF);
            out.write(~length & 0xFF);
            out.write((~length >> 8) & 0xFF);
            out.write(data, offset, length);
            offset += length;
        }
        while (offset < data.length);
        Adler32 adler = new Adler32();
        adler.update(data);
        new DataOutputStream(out).writeInt((int) adler.getValue());
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream stream = new DataOutputStream(out);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        stream.writeInt(data.length);
        stream.write(typeBytes);
        stream.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        stream.writeInt((int) crc.getValue());
    }

}
