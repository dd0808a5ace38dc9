/**
 * The office's list of departments (单位名单) with the other names they go by, matched the way headers are.
 * Loaded from the office's file by {@code office.RosterLoader}.
 */
package org.rectification.ledger.roster;
