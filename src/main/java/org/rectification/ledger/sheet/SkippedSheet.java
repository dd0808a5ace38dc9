package org.rectification.ledger.sheet;

/**
 * A sheet that was not read as data, and why (hidden, instructions, no recognisable header).
 */
public record SkippedSheet(String sheet, String reason) {
}
