package org.rectification.ledger.delivery;

import org.rectification.ledger.system.Messages;

/** What a mail to a department or a leader is: its label in status and the dry run. */
public enum MailKind {

    /** A return notice (退回意见) for one submission. */
    NOTICE,
    /** 催报 before the due day. */
    REMINDER,
    /** 催报 after the due day. */
    OVERDUE,
    /** 督办: a leader's overdue tasks. */
    SUPERVISION;

    public String label() {
        return Messages.get("delivery.kind." + name());
    }

}
