/**
 * The command line: run, check, demo, serve, status, bench. Each command parses the job file first, so a
 * configuration mistake is one clear line before anything starts.
 */
package org.rectification.ledger.cli;
