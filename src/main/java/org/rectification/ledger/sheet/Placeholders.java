package org.rectification.ledger.sheet;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that mean "nobody / nothing" (待定, 无, xx...), compared after {@link TextForms#key} and ignoring case,
 * so "ＸＸ", "xx" and "XX" are all placeholders; runs of x, * or 某 and blank underscores are too.
 */
final class Placeholders {

    private static final Pattern FILLER = Pattern.compile("[xX×]{2,}|\\*{2,}|某{2,}|[_＿]+|[-—–]+|/+");

    private final Set<String> keys = new HashSet<>();

    Placeholders(Set<String> placeholders) {
        Set<String> all = (placeholders != null) ? placeholders : ReadSettings.DEFAULT_PLACEHOLDERS;
        for (String placeholder : all) {
            this.keys.add(normal(placeholder));
        }
    }

    /** True for empty text and for a placeholder. */
    boolean isMissing(String text) {
        String key = normal(text);
        return key.isEmpty() || this.keys.contains(key) || FILLER.matcher(key).matches();
    }

    private static String normal(String text) {
        return TextForms.key(text).toLowerCase(Locale.ROOT);
    }

}
