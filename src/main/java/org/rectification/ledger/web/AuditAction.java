package org.rectification.ledger.web;

/** What the audit trail records. */
public enum AuditAction {

    ACCOUNT_CREATED, PASSWORD_RESET, LOGIN, LOGIN_FAILED, ACCOUNT_LOCKED, LOGOUT, PASSWORD_CHANGED, UPLOAD, SUBMIT,
    DOWNLOAD, RUN_NOW, ACCESS_DENIED

}
