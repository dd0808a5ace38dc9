package org.rectification.ledger.template;

import java.util.Locale;

/** The file format of a pre-filled sheet: .xlsx by default, .xls for offices whose departments use old Excel. */
public enum TemplateFormat {

    XLSX("xlsx"), XLS("xls");

    private final String extension;

    TemplateFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return this.extension;
    }

    /** The format for a job file's {@code templates.format} value (xlsx or xls, already validated). */
    public static TemplateFormat of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

}
