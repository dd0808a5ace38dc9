package org.rectification.ledger.check;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeTermsTests {

    @Test
    void countsWorkingDaysSkippingTheWeekend() {
        NoticeTerms november = new NoticeTerms("巡察", YearMonth.of(2026, 11), LocalDate.of(2026, 11, 30), 3);
        // as of Monday 30 November, written that day: + 3 working days = Thursday 3 December
        assertThat(november.resubmitBy(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 12, 3));
        // a run catching up on November on Friday 4 December: from that day, not a deadline already past
        assertThat(november.resubmitBy(LocalDate.of(2026, 12, 4))).isEqualTo(LocalDate.of(2026, 12, 9));
        // Thursday 3 December + 3 working days = Tuesday 8 December
        assertThat(NoticeTerms.workingDaysAfter(LocalDate.of(2026, 12, 3), 3)).isEqualTo(LocalDate.of(2026, 12, 8));
        // Saturday + 1 = Monday
        assertThat(NoticeTerms.workingDaysAfter(LocalDate.of(2026, 12, 5), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
    }

}
