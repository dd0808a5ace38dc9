package org.rectification.ledger.delivery;

import java.util.List;

/**
 * What one {@link WorkbookDelivery#deliver} call did with each attachment, by file name.
 *
 * @param sent mailed now
 * @param failed not mailed now (the reason is logged and kept in the {@code delivery} table); retried on the next
 * call with the same file
 * @param alreadySent these exact bytes were mailed for this month before, so not again
 */
public record DeliveryReport(List<String> sent, List<String> failed, List<String> alreadySent) {

    public DeliveryReport {
        sent = List.copyOf(sent);
        failed = List.copyOf(failed);
        alreadySent = List.copyOf(alreadySent);
    }

    /** True when nothing is left waiting to be mailed. */
    public boolean complete() {
        return this.failed.isEmpty();
    }

}
