package org.rectification.ledger;

import org.rectification.ledger.cli.LedgerCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * rectification-ledger: checks the departments' task-decomposition sheets, merges the good ones into the
 * master ledger and writes the workbooks supervisors receive. The command line decides what runs; the
 * Spring context is started by the commands that need the ledger database.
 */
@SpringBootApplication
public class RectificationLedgerApplication {

    public static void main(String[] args) {
        System.exit(LedgerCommand.execute(args));
    }

}
