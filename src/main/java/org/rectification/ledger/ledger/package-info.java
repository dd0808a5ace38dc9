/**
 * The master ledger in the database: merging a checked submission's valid rows into tasks (one per task
 * identity) and their monthly history, superseding an earlier file of the same department and month. Owns the
 * tables task, task_month and finding: {@link org.rectification.ledger.ledger.JdbcLedgerDao} is the one place
 * their SQL lives, with typed records (TaskMonth, DepartmentFigures, RecordedFinding) for the others.
 */
package org.rectification.ledger.ledger;
