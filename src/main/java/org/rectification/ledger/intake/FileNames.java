package org.rectification.ledger.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Names the job derives from a department's file name (its return notice, a numbered name beside an earlier
 * file of the same name, a temporary name while writing), kept within the 255 bytes a file name may have on
 * Linux file systems. A department may use any name its file system allows; a derived name that does not fit
 * would fail the same step every night. The stem is shortened at a character boundary and marked with "…";
 * the extension is kept.
 */
public final class FileNames {

    /** Bytes in one file name (ext4, xfs, btrfs), in UTF-8. */
    public static final int MAX_BYTES = 255;

    private static final String SHORTENED = "…";

    /** A "extension" longer than this is part of the name, not an extension. */
    private static final int MAX_EXTENSION_BYTES = 16;

    /** What {@link Files#createTempFile} adds between prefix and suffix: an unsigned long, at most 20 digits. */
    private static final int TEMP_RANDOM_BYTES = 20;

    private FileNames() {
    }

    /** The name without its extension: 民政局-11月.xls → 民政局-11月. */
    public static String stem(String name) {
        return name.substring(0, name.length() - extension(name).length());
    }

    /** The extension with its dot (".xlsx"), or "" when the name has none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || bytes(name.substring(dot)) > MAX_EXTENSION_BYTES) {
            return "";
        }
        return name.substring(dot);
    }

    /**
     * The stem followed by the suffix, the stem shortened (and ended with "…") so that the whole leaves
     * {@code reserved} bytes of the limit free.
     */
    public static String fit(String stem, String suffix, int reserved) {
        int room = MAX_BYTES - reserved - bytes(suffix);
        if (bytes(stem) <= room) {
            return stem + suffix;
        }
        int budget = room - bytes(SHORTENED);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length();) {
            int codePoint = stem.codePointAt(i);
            int size = bytes(new String(Character.toChars(codePoint)));
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return kept.toString().stripTrailing() + SHORTENED + suffix;
    }

    /** The name, shortened if need be so that {@code reserved} more bytes still fit, its extension kept. */
    public static String fit(String name, int reserved) {
        return fit(stem(name), extension(name), reserved);
    }

    /** The n-th name for a file: the name itself, then 名称(2).xlsx, 名称(3).xlsx... each within the limit. */
    public static String numbered(String name, int n) {
        if (n <= 1) {
            return fit(name, 0);
        }
        return fit(stem(name), "(" + n + ")" + extension(name), 0);
    }

    /**
     * The first of {@link #numbered} names in the folder that does not exist yet. Never an existing file: a
     * name is never reused for another file.
     */
    public static Path free(Path folder, String name) {
        for (int n = 1;; n++) {
            Path candidate = folder.resolve(numbered(name, n));
            if (Files.notExists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
    }

    /**
     * A new, empty, hidden temporary file beside the target: ".<target name>-<random><suffix>". It is readable like
     * any file the office keeps (rw-r--r--), not private to the service account as Java's temporary files are,
     * because it becomes the workbook or notice that clerks and supervisors open.
     */
    public static Path createTemporary(Path target, String suffix) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        String name = fit(target.getFileName().toString(), 1 + 1 + TEMP_RANDOM_BYTES + bytes(suffix));
        Path temp = Files.createTempFile(folder, "." + name + "-", suffix);
        if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return temp;
    }

    /** A name's length as the file system counts it. */
    public static int bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

}
