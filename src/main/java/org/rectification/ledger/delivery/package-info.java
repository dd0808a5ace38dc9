/**
 * Mail, each exactly once: the monthly workbooks to supervisors ({@link WorkbookDelivery}, the {@code delivery}
 * table) and, to departments and leaders, return notices, 催报 and 督办 ({@link DepartmentMail}, the
 * {@code department_mail} table). A failure is recorded and retried by the next run, never stopping it.
 */
package org.rectification.ledger.delivery;
