package org.rectification.ledger.sheet;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineParserTests {

    private final DeadlineParser parser = new DeadlineParser(new ReadSettings(Map.of(),
            ReadSettings.DEFAULT_PLACEHOLDERS, List.of(), LocalDate.of(2026, 9, 1), 30, YearMonth.of(2026, 11),
            ReadSettings.Limits.defaults()));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2026-12-31         | 2026-12-31
            2026/12/31         | 2026-12-31
            2026.12.31         | 2026-12-31
            2026-1-5           | 2026-01-05
            2026年12月31日      | 2026-12-31
            2026年12月31号前    | 2026-12-31
            2026年12月31日前    | 2026-12-31
            2026年12月31日之前  | 2026-12-31
            2026年12月31日以前  | 2026-12-31
            2026年12月底        | 2026-12-31
            2026年12月底前      | 2026-12-31
            2027年2月底        | 2027-02-28
            2026年12月          | 2026-12-31
            12月31日前          | 2026-12-31
            3月15日             | 2026-03-15
            2026年底           | 2026-12-31
            2026年年底前        | 2026-12-31
            2026年上半年        | 2026-06-30
            2026年下半年        | 2026-12-31
            ２０２６年１２月３１日 | 2026-12-31
            2026 年 12 月 31 日 | 2026-12-31
            46387              | 2026-12-31
            """)
    void resolvesTextualDates(String text, LocalDate expected) {
        Deadline deadline = this.parser.parse(text);

        assertThat(deadline).isEqualTo(new Deadline(Deadline.Kind.DATE, expected, text));
    }

    @Test
    void immediateIsFeedbackDatePlusConfiguredDays() {
        assertThat(this.parser.parse("立行立改"))
            .isEqualTo(new Deadline(Deadline.Kind.IMMEDIATE, LocalDate.of(2026, 10, 1), "立行立改"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "长期坚持", "长期", "持续推进", " 长期坚持 " })
    void ongoingHasNoDate(String text) {
        Deadline deadline = this.parser.parse(text);

        assertThat(deadline.kind()).isEqualTo(Deadline.Kind.ONGOING);
        assertThat(deadline.date()).isNull();
    }

    @Test
    void dateCellIsRenderedAsIsoText() {
        assertThat(this.parser.of(LocalDate.of(2026, 12, 31)))
            .isEqualTo(new Deadline(Deadline.Kind.DATE, LocalDate.of(2026, 12, 31), "2026-12-31"));
    }

    @Nested
    class Missing {

        @ParameterizedTest
        @ValueSource(strings = { "", "  ", "/", "-", "—", "无", "待定", "暂无", "xx", "XX", "ＸＸ", "某某", "***" })
        void emptyOrPlaceholderIsMissing(String text) {
            Deadline deadline = DeadlineParserTests.this.parser.parse(text);

            assertThat(deadline.kind()).isEqualTo(Deadline.Kind.MISSING);
            assertThat(deadline.date()).isNull();
        }

        @Test
        void nullIsMissing() {
            assertThat(DeadlineParserTests.this.parser.parse(null)).isEqualTo(Deadline.missing(""));
        }

    }

    @Nested
    class Unparseable {

        @ParameterizedTest
        @ValueSource(strings = { "尽快", "年内", "近期", "2026年", "2026-13-01", "2026-02-30", "12月", "立行立改中", "长期坚持吧",
                "上半年", "2026年第四季度", "1234", "13月1日前", "3000-01-01" })
        void keepsTheTextOfNearMisses(String text) {
            Deadline deadline = DeadlineParserTests.this.parser.parse(text);

            assertThat(deadline).isEqualTo(new Deadline(Deadline.Kind.UNPARSEABLE, null, text));
        }

    }

}
