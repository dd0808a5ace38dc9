/**
 * Hand-over to supervisors: mails the monthly progress workbook and the master ledger after a successful run,
 * once per month and content, retrying failures on the next run. {@link WorkbookDelivery} is the entry point;
 * the {@code delivery} table remembers what was sent.
 */
package org.rectification.ledger.delivery;
