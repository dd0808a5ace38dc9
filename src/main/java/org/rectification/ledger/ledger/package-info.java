/**
 * The master ledger in the database: merging a checked submission's valid rows into tasks (one per task
 * identity) and their monthly history, superseding an earlier file of the same department and month.
 */
package org.rectification.ledger.ledger;
