/**
 * Taking department files in: scanning the inbox (lock, temporary and still-copying files left alone),
 * identifying each submission by the SHA-256 of its bytes, and moving files to archive/ or rejected/ once
 * their outcome is committed.
 */
package org.rectification.ledger.intake;
