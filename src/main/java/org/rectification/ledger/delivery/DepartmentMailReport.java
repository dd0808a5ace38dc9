package org.rectification.ledger.delivery;

import java.util.List;

/**
 * What one {@link DepartmentMail#send} did.
 *
 * @param sent mailed now
 * @param failed not mailed now (logged and recorded); retried by the next run
 * @param noAddress nobody to mail them to (recorded, shown by status); sent once the roster has an address
 */
public record DepartmentMailReport(List<OutgoingMail> sent, List<OutgoingMail> failed, List<OutgoingMail> noAddress) {

    public DepartmentMailReport {
        sent = List.copyOf(sent);
        failed = List.copyOf(failed);
        noAddress = List.copyOf(noAddress);
    }

}
