/**
 * The nightly consolidation job: its steps in run order (intake, check and merge, return notices,
 * workbooks, archive, delivery), the runner that restarts an interrupted run instead of starting afresh,
 * the serve-mode service and the run lock that keeps it to one run at a time.
 */
package org.rectification.ledger.job;
