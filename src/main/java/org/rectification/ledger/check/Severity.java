package org.rectification.ledger.check;

/**
 * How serious a finding is. An error stops its row (or, for a submission rule, the whole file) from
 * being merged; a warning is merged and reported; a notice only informs.
 */
public enum Severity {

    ERROR("错误"), WARNING("警告"), NOTICE("提示");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

    /** Lower case, as written in summary.json and the job file. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

}
