package org.rectification.ledger.report;

import org.rectification.ledger.system.Messages;

/**
 * Where a department stands with its submission for the month. Every department the roster expects is in exactly
 * one of three buckets: accepted (on time or late), returned and not yet accepted, or nothing received; a
 * department the roster does not expect is accepted when it sent something good, and otherwise not expected.
 */
public enum SubmissionState {

    ON_TIME("accepted", "report.submission.on-time"), LATE("accepted", "report.submission.late"),
    RETURNED("returned", "report.submission.returned"), MISSING("missing", "report.submission.missing"),
    NOT_EXPECTED("not-expected", "report.submission.not-expected");

    private final String code;

    private final String labelKey;

    SubmissionState(String code, String labelKey) {
        this.code = code;
        this.labelKey = labelKey;
    }

    /** As written in summary.json. */
    public String code() {
        return this.code;
    }

    public String label() {
        return Messages.get(this.labelKey);
    }

    public boolean accepted() {
        return this == ON_TIME || this == LATE;
    }

}
