package org.rectification.ledger.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.rectification.ledger.system.Messages;

/**
 * The reasons a file was returned, as a clerk reads them. The ledger stores them as summary.json has them
 * ("SIGNATURE_MISSING: 审核人; UNREADABLE: …"); the console shows each rule's Chinese name instead of its code.
 */
final class ReturnReasons {

    private static final String SEPARATOR = "; ";

    private ReturnReasons() {
    }

    /** "缺少签字：审核人；文件损坏：…" for the stored reasons; null or blank stays as it is. */
    static String readable(String stored) {
        if (stored == null || stored.isBlank()) {
            return stored;
        }
        return Arrays.stream(stored.split(SEPARATOR))
            .map(ReturnReasons::reason)
            .collect(Collectors.joining(Messages.get("web.reasons.separator")));
    }

    private static String reason(String reason) {
        int colon = reason.indexOf(": ");
        String code = (colon >= 0) ? reason.substring(0, colon) : reason;
        if (!Messages.bundle().containsKey("report.rule." + code)) {
            return reason; // not a rule code: already words
        }
        String name = Messages.get("report.rule." + code);
        return (colon >= 0) ? Messages.get("web.reasons.detail", name, reason.substring(colon + 2)) : name;
    }

}
