package org.rectification.ledger.system;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The Chinese texts people see (messages.properties), in one place so wording stays consistent and
 * reviewable.
 */
public final class Messages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("messages", Locale.ROOT);

    private Messages() {
    }

    /** The bundle itself, for the command line's help texts (picocli reads option descriptions by key). */
    public static ResourceBundle bundle() {
        return BUNDLE;
    }

    /** The text for a key, with {0}, {1}... filled in. A missing key is a programming error. */
    public static String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        }
        catch (MissingResourceException ex) {
            throw new IllegalStateException("No message for key '" + key + "' in messages.properties", ex);
        }
        return (arguments.length == 0) ? pattern : new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

}
