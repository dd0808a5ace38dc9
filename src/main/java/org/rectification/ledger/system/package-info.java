/**
 * App-wide pieces: the job file and its strict parser, the roster, database wiring, the Chinese texts
 * people see (messages.properties) and the crash points used by the crash-safety tests.
 */
package org.rectification.ledger.system;
