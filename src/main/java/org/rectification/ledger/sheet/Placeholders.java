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

    Placeholders(Set<String> placeholders) {
        Set<String> all = (placeholders != null) ? placeholders : ReadSettings.DEFAULT_PLACEHOLDERS;
        for (String placeholder : all) {
            this.keys.add(normal(placeholder));
        }
    }

    /** True for empty text and for a placeholder. */
    boolean isMissing(String text) {
        if (text == null) {
            return true;
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

    private static String normal(String text) {
        return TextForms.key(text).toLowerCase(Locale.ROOT);
    }

}
