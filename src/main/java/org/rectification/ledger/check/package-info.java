/**
 * Checks a read submission against the office's rules ({@link org.rectification.ledger.check.SubmissionChecker},
 * one small {@code *Rule} class per rule family), decides which rows may be merged, and writes the return notice
 * (退回意见) and the terminal findings table. Rule codes and severities come from {@link org.rectification.ledger.check.CheckSettings}.
 * Every file is read and checked through {@link org.rectification.ledger.check.SheetCheck}; what is read from a
 * file, for the rules and for the notice's copy of its sheets, comes from the {@code sheet} package.
 */
package org.rectification.ledger.check;
