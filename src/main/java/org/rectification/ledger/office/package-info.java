/**
 * An office's set-up: its job file, read strictly; the roster it points at; the reader's and checker's
 * settings derived from both; and the application context (database, job file, roster) started for it.
 */
package org.rectification.ledger.office;
