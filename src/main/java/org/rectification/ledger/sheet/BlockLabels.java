package org.rectification.ledger.sheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds labels such as "审核人（签字）：" in the text of the lines around a table: signer labels (longest
 * first, so 单位主要负责人 wins over 主要负责人 and 负责人), and the other labels of a signature block
 * (填报日期, 盖章...) that end the table and end a typed name.
 */
final class BlockLabels {

    /** Decorations allowed between a label and its colon, then the colon, or nothing. */
    private static final Pattern AFTER_LABEL = Pattern
        .compile("[ \\t\\u3000]*((?:[（(][^）)]{0,8}[）)][ \\t\\u3000]*)*)([：:]?)");

    /** Any "word：" label, used to end a name typed after another label. */
    private static final Pattern ANY_LABEL = Pattern
        .compile("[\\p{IsHan}A-Za-z]{2,8}[ \\t\\u3000]*(?:[（(][^）)]{0,8}[）)])?[ \\t\\u3000]*[：:]");

    /** ReportWording of the lines below a table that are not signers; they also end the table. */
    static final List<String> BLOCK_LABELS = List.of("填报日期", "填表日期", "报送日期", "日期", "填报单位", "单位盖章",
            "盖章", "联系电话", "电话");

    private final List<String> signers;

    BlockLabels(List<String> signerLabels) {
        List<String> labels = new ArrayList<>((signerLabels != null) ? signerLabels
                : ReadSettings.DEFAULT_SIGNER_LABELS);
        labels.sort(Comparator.comparingInt(String::length).reversed());
        this.signers = labels;
    }

    /**
     * A label found in a text.
     *
     * @param label the label without decoration or colon
     * @param start where the label starts
     * @param end where its decoration and colon end (the name starts here)
     * @param signer whether it is a signer label
     */
    record Occurrence(String label, int start, int end, boolean signer) {
    }

    /** Every label occurrence in a text, left to right. */
    List<Occurrence> find(String text) {
        List<Occurrence> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Occurrence occurrence = at(text, i);
            if (occurrence != null) {
                found.add(occurrence);
                i = Math.max(occurrence.end(), i + 1);
            }
            else {
                i++;
            }
        }
        return found;
    }

    /** Signer occurrences only. */
    List<Occurrence> findSigners(String text) {
        return find(text).stream().filter(Occurrence::signer).toList();
    }

    private Occurrence at(String text, int i) {
        Occurrence signer = match(text, i, this.signers, true);
        return (signer != null) ? signer : match(text, i, BLOCK_LABELS, false);
    }

    private static Occurrence match(String text, int i, List<String> labels, boolean signer) {
        for (String label : labels) {
            if (text.startsWith(label, i)) {
                int end = i + label.length();
                Matcher after = AFTER_LABEL.matcher(text).region(end, text.length());
                if (after.lookingAt()) {
                    boolean colon = !after.group(2).isEmpty();
                    boolean decorated = !after.group(1).isEmpty();
                    int stop = after.end();
                    boolean atEnd = stop >= text.length();
                    boolean spaced = !atEnd && Character.isWhitespace(text.charAt(end)) || !atEnd && text.charAt(end) == '\u3000';
                    if (colon || decorated || atEnd || spaced) {
                        return new Occurrence(label, i, stop, signer);
                    }
                }
            }
        }
        return null;
    }

    /** Whether the text begins with a label (signer or block label), after leading spaces. */
    boolean startsWithLabel(String text) {
        String trimmed = text.strip().replace('\u3000', ' ').strip();
        if (trimmed.isEmpty()) {
            return false;
        }
        if (at(trimmed, 0) != null) {
            return true;
        }
        String key = TextForms.key(trimmed);
        return key.startsWith("(盖章") || key.startsWith("(单位盖章") || key.startsWith("注:") || key.startsWith("说明:");
    }

    /** Whether the text begins with any "word：" label, even one we do not know. */
    static boolean startsWithAnyLabel(String text) {
        Matcher matcher = ANY_LABEL.matcher(text.strip());
        return matcher.lookingAt();
    }

    /**
     * The text typed after a label, up to the next label, a run of two or more spaces or a full-width space,
     * without blank-line underscores or trailing decorations.
     */
    String valueAfter(String text, Occurrence occurrence, Occurrence next) {
        int stop = (next != null) ? next.start() : text.length();
        String rest = text.substring(occurrence.end(), stop);
        Matcher other = ANY_LABEL.matcher(rest);
        if (other.find()) {
            rest = rest.substring(0, other.start());
        }
        rest = rest.replaceFirst("^[ \\t\\u3000]+", "");
        Matcher gap = Pattern.compile("[ \\t]{2,}|\\u3000|\\n").matcher(rest);
        if (gap.find()) {
            rest = rest.substring(0, gap.start());
        }
        rest = rest.replaceAll("[（(][^）)]{0,8}[）)]\\s*$", "");
        return TextForms.clean(rest.replaceAll("[_＿]+", " "));
    }

}
