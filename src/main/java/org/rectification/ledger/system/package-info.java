/**
 * App-wide pieces every package uses and that use no other package: the Chinese texts people see
 * (messages.properties) and the daemon threads a run hands side work to.
 */
package org.rectification.ledger.system;
