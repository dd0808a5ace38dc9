package org.rectification.ledger.check;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a return notice says about the round it belongs to: the campaign and reporting month its title names, and
 * the date by which the department is to resubmit: reports.resubmit-working-days working days (weekends skipped)
 * after the run's as-of date, or after the day the notice is written when that is later (a run that catches up on
 * an earlier month must not set a deadline already past).
 *
 * @param campaign the campaign's name, or null when not known (a one-off {@code check} without a job file)
 * @param month the reporting month
 * @param asOf the run's as-of date
 * @param workingDays working days the department has to resubmit
 */
public record NoticeTerms(String campaign, YearMonth month, LocalDate asOf, int workingDays) {

    /** The default number of working days a department has to resubmit. */
    public static final int DEFAULT_WORKING_DAYS = 3;

    /** The resubmission deadline of a notice written on the given day. */
    public LocalDate resubmitBy(LocalDate written) {
        return workingDaysAfter(written.isAfter(this.asOf) ? written : this.asOf, this.workingDays);
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
