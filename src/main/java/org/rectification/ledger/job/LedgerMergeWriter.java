package org.rectification.ledger.job;

import java.time.Clock;
import java.time.YearMonth;

import org.rectification.ledger.ledger.JdbcLedgerDao;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Hands each checked submission to the ledger, inside the chunk's transaction.
 */
class LedgerMergeWriter implements ItemWriter<CheckedItem> {

    private final JdbcLedgerDao ledger;

    private final YearMonth month;

    private final Clock clock;

    LedgerMergeWriter(JdbcLedgerDao ledger, YearMonth month, Clock clock) {
        this.ledger = ledger;
        this.month = month;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends CheckedItem> items) {
        for (CheckedItem item : items) {
            this.ledger.record(item.submission().id(), this.month, item.checked(), this.clock.instant());
        }
    }

}
