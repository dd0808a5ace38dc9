/**
 * Taking department files in: scanning the inbox and its subfolders (lock, temporary and still-copying files left
 * alone; links out of the inbox, special files, unreadable or oversized files set aside unread with a reason),
 * identifying each submission by the SHA-256 of its bytes, and moving files to archive/ or rejected/ once their
 * outcome is committed. Owns the submission table: {@link org.rectification.ledger.intake.JdbcSubmissionDao} is
 * the one place its SQL lives; the ledger records a check's outcome and the reports read submissions through it.
 */
package org.rectification.ledger.intake;
