package org.rectification.ledger.job;

import java.nio.file.Path;

import org.rectification.ledger.check.ReturnNotice;

/**
 * What one return notice is written from: the findings as committed and the department's file where it lies now
 * (null for an entry set aside unread, whose notice carries only the reason), and where the notice goes.
 */
record NoticeItem(Path target, Path source, ReturnNotice notice) {
}
