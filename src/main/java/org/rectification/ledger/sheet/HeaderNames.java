package org.rectification.ledger.sheet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Matches a header cell to a {@link Field} by its built-in and job-file aliases, compared after
 * {@link TextForms#key} (full-width, spaces and line breaks do not matter); a bracketed note such as
 * "整改时限（年月日）" is ignored when the whole text does not match.
 */
final class HeaderNames {

    private static final Pattern BRACKETED_NOTE = Pattern.compile("[（(][^）)]*[）)]");

    private final Map<String, Field> byKey = new HashMap<>();

    HeaderNames(Map<Field, List<String>> extraAliases) {
        for (Field field : Field.values()) {
            for (String alias : field.aliases()) {
                this.byKey.putIfAbsent(TextForms.key(alias), field);
            }
        }
        if (extraAliases != null) {
            extraAliases.forEach((field, aliases) -> aliases.forEach((alias) -> this.byKey.put(TextForms.key(alias), field)));
        }
    }

    /** The field a header names, or null. */
    Field match(String header) {
        String key = TextForms.key(header);
        if (key.isEmpty()) {
            return null;
        }
        Field field = this.byKey.get(key);
        if (field == null) {
            String stripped = BRACKETED_NOTE.matcher(key).replaceAll("");
            if (!stripped.isEmpty() && !stripped.equals(key)) {
                field = this.byKey.get(stripped);
            }
        }
        return field;
    }

}
