package org.rectification.ledger.check;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a return notice says about the round it belongs to: the campaign and reporting month its title names, and
 * the date by which the department is to resubmit (reports.resubmit-working-days working days after the run's
 * as-of date, weekends skipped).
 *
 * @param campaign the campaign's name, or null when not known (a one-off {@code check} without a job file)
 * @param month the reporting month
 * @param resubmitBy the resubmission deadline
 */
public record NoticeTerms(String campaign, YearMonth month, LocalDate resubmitBy) {

    /** The default number of working days a department has to resubmit. */
    public static final int DEFAULT_WORKING_DAYS = 3;

    /** Terms with the deadline the given number of working days after the as-of date. */
    public static NoticeTerms of(String campaign, YearMonth month, LocalDate asOf, int workingDays) {
        return new NoticeTerms(campaign, month, workingDaysAfter(asOf, workingDays));
    }

    /** The date that many working days (Monday to Friday) after the given one. */
    static LocalDate workingDaysAfter(LocalDate from, int workingDays) {
        LocalDate date = from;
        int left = workingDays;
        while (left > 0) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return date;
    }

}
