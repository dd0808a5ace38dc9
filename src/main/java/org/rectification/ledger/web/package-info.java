/**
 * The browser console {@code serve} offers on the office's intranet: department clerks check and submit their
 * sheets and follow their own tasks; the office sees the month's board, runs the job and downloads the workbooks;
 * supervisors read the board. Owns the console's accounts and audit trail (V8__web_accounts.sql).
 */
package org.rectification.ledger.web;
