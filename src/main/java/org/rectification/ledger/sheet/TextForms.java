package org.rectification.ledger.sheet;

import java.text.Normalizer;

/**
 * The two text normalisations everything agrees on: one for matching (headers, roster names, task
 * identity) and one for values shown back to people.
 */
public final class TextForms {

    private TextForms() {
    }

    /**
     * For matching: full-width characters folded to half-width (NFKC), every kind of white space and
     * line break removed. "责任 单位\n" and "责任单位" match; so do "ＸＸ" and "XX".
     */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200b' && c != '\ufeff') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * For values: trimmed (also of full-width spaces), inner runs of spaces and stray line breaks folded
     * to one space. Never null.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        if (isClean(text)) {
            return text;
        }
        String unified = text.replace('\u3000', ' ').replace('\u00a0', ' ').replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        boolean space = false;
        for (int i = 0; i < unified.length(); i++) {
            char c = unified.charAt(i);
            if (c == '\u200b' || c == '\ufeff') {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    /** Already in the form {@link #clean} gives: no white space but single inner spaces, no invisible marks. */
    private static boolean isClean(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == last || text.charAt(i - 1) == ' ') {
                    return false;
                }
            }
            else if (c == '\u200b' || c == '\ufeff' || c == '\u00a0' || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A 64-bit fingerprint of a text, for telling apart a million of them in 8 bytes each (the duplicate task codes
     * of a sheet at Excel's row limit): equal texts have equal fingerprints; unequal ones almost never do, and a
     * caller that must be sure compares the texts of those that do.
     */
    public static long fingerprint(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

}
