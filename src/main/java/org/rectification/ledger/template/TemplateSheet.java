package org.rectification.ledger.template;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.rectification.ledger.ledger.OpenTask;

/**
 * What one department's sheet for a month shows.
 *
 * @param campaign the campaign's name, in the title
 * @param feedbackDate deadlines earlier than it are refused by the checks, so the sheet's validation warns of them
 * @param signers the signers the checks require (checks.required-signers), in the order of the signature block
 * @param tasks the department's open tasks, in the order of its sheet
 */
record TemplateSheet(String department, YearMonth month, String campaign, LocalDate feedbackDate,
        List<String> signers, List<OpenTask> tasks) {
}
