package org.rectification.ledger.sheet;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Values that mean "nobody / nothing" (待定, 无, xx...), compared after {@link TextForms#key} and ignoring case,
 * so "ＸＸ", "xx" and "XX" are all placeholders; runs of x, * or 某 and blank underscores are too.
 */
final class Placeholders {

    private static final Pattern FILLER = Pattern.compile("[xX×]{2,}|\\*{2,}|某{2,}|[_＿]+|[-—–]+|/+");

    /** Answers kept at most: a sheet's repeated values, not its every distinct text. */
    private static final int REMEMBERED = 4_096;

    private final Set<String> keys = new HashSet<>();

    /** Texts already answered; the reader is used from the read-ahead thread and the step's thread. */
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    /** Length of the longest placeholder once normalised. */
    private final int longestKey;

    Placeholders(Set<String> placeholders) {
        Set<String> all = (placeholders != null) ? placeholders : ReadSettings.DEFAULT_PLACEHOLDERS;
        int longest = 0;
        for (String placeholder : all) {
            String key = normal(placeholder);
            this.keys.add(key);
            longest = Math.max(longest, key.length());
        }
        this.longestKey = longest;
    }

    /** True for empty text and for a placeholder. */
    boolean isMissing(String text) {
        if (text == null) {
            return true;
        }
        if (text.length() > this.longestKey && wordsBeyondAnyPlaceholder(text)) {
            return false;
        }
        // the same few texts (statuses, leaders, units, dates) come back on every row: remember the answers
        Boolean known = this.answers.get(text);
        if (known == null) {
            String key = normal(text);
            known = key.isEmpty() || this.keys.contains(key) || FILLER.matcher(key).matches();
            if (this.answers.size() >= REMEMBERED) {
                this.answers.clear();
            }
            this.answers.put(text, known);
        }
        return known;
    }

    /**
     * True when the text holds more Chinese characters (other than 某) than the longest placeholder has: such
     * characters pass the normalisation unchanged, so its key is longer than any placeholder and no filler. A
     * task's problem or measure is answered without normalising it or remembering it.
     */
    private boolean wordsBeyondAnyPlaceholder(String text) {
        int words = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u4e00' && c <= '\u9fff' && c != '某' && ++words > this.longestKey) {
                return true;
            }
        }
        return false;
    }

    private static String normal(String text) {
        return TextForms.key(text).toLowerCase(Locale.ROOT);
    }

}
