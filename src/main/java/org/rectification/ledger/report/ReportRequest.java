package org.rectification.ledger.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.rectification.ledger.roster.Roster;

/**
 * What to report on: the campaign, the roster (order of departments everywhere), the reporting month, the
 * as-of date overdue is measured against, where to write, and the thresholds.
 *
 * @param dueDay the day of the reporting month by which a submission counts as on time (10)
 * @param greenDays open tasks due within this many days get a green warning (20)
 * @param yellowDays open tasks due within this many days get a yellow warning (10)
 */
public record ReportRequest(String campaign, Roster roster, YearMonth month, LocalDate asOf, Path outDir, int dueDay,
        int greenDays, int yellowDays) {

    public ReportRequest {
        if (campaign == null || roster == null || month == null || asOf == null || outDir == null) {
            throw new IllegalArgumentException("campaign, roster, month, asOf and outDir are required");
        }
    }

}
