package org.rectification.ledger.web;

/** What a console account may do. */
public enum Role {

    /** 整改办: the whole board, run now, every workbook and notice. */
    OFFICE,
    /** A department's clerk: its own sheets, submissions, notices and tasks only. */
    DEPARTMENT,
    /** 督查 / 纪检: the board and the workbooks, read-only. */
    SUPERVISOR

}
