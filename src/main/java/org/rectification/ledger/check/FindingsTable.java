package org.rectification.ledger.check;

import java.util.ArrayList;
import java.util.List;

import org.rectification.ledger.system.Messages;

/**
 * The findings of one submission as a plain-text table for the terminal (the {@code check} command). Chinese
 * characters take two columns in a terminal, so alignment counts display width, not characters.
 */
public final class FindingsTable {

    private static final String GAP = "  ";

    private static final int[] MAX_WIDTHS = { 4, 16, 6, 20, 60, 24 };

    private FindingsTable() {
    }

    public static String render(CheckedSubmission checked) {
        StringBuilder out = new StringBuilder();
        out.append(Messages.get("check.table.summary", checked.fileName(),
                (checked.department() != null) ? checked.department() : Messages.get("check.notice.unknown-department"),
                Messages.get(checked.rejected() ? "check.table.rejected" : "check.table.accepted"),
                String.valueOf(checked.findings().size())))
            .append('\n');
        if (checked.findings().isEmpty()) {
            return out.append(Messages.get("check.table.none")).append('\n').toString();
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] { Messages.get("check.table.header.severity"), Messages.get("check.table.header.sheet"),
                Messages.get("check.table.header.row"), Messages.get("check.table.header.column"),
                Messages.get("check.table.header.message"), Messages.get("check.table.header.value") });
        for (Finding finding : checked.findings()) {
            lines.add(new String[] { finding.severity().label(), text(finding.sheet()),
                    (finding.row() != null) ? String.valueOf(finding.row()) : "", text(finding.column()),
                    text(finding.message()), text(finding.value()) });
        }
        int[] widths = new int[MAX_WIDTHS.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                line[i] = truncate(line[i], MAX_WIDTHS[i]);
                widths[i] = Math.max(widths[i], width(line[i]));
            }
        }
        out.append('\n');
        appendLine(out, lines.get(0), widths);
        String[] rule = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            rule[i] = "-".repeat(widths[i]);
        }
        appendLine(out, rule, widths);
        for (String[] line : lines.subList(1, lines.size())) {
            appendLine(out, line, widths);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(cells[i]);
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - width(cells[i]))).append(GAP);
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String text(String value) {
        return (value != null) ? value.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ') : "";
    }

    private static String truncate(String text, int max) {
        if (width(text) <= max) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            int w = width(codePoint);
            if (used + w > max - 1) {
                break;
            }
            out.appendCodePoint(codePoint);
            used += w;
            i += Character.charCount(codePoint);
        }
        return out.append('…').toString();
    }

    /** Terminal display width: two columns for East Asian wide and full-width characters, none for marks. */
    static int width(String text) {
        return text.codePoints().map(FindingsTable::width).sum();
    }

    private static int width(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        boolean wide = (codePoint >= 0x1100 && codePoint <= 0x115F) || (codePoint >= 0x2E80 && codePoint <= 0x303E)
                || (codePoint >= 0x3041 && codePoint <= 0x33FF) || (codePoint >= 0x3400 && codePoint <= 0x4DBF)
                || (codePoint >= 0x4E00 && codePoint <= 0x9FFF) || (codePoint >= 0xA000 && codePoint <= 0xA4CF)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7A3) || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F) || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6) || (codePoint >= 0x1F300 && codePoint <= 0x1F64F)
                || (codePoint >= 0x1F900 && codePoint <= 0x1F9FF) || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
        return wide ? 2 : 1;
    }

}
