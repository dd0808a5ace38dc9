package org.rectification.ledger.sheet;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatusWordsTests {

    @ParameterizedTest
    @CsvSource({ "已完成, COMPLETED", "已整改, COMPLETED", "完成, COMPLETED", "已销号, COMPLETED",
            "正在整改, IN_PROGRESS", "整改中, IN_PROGRESS", "推进中, IN_PROGRESS", "持续推进, IN_PROGRESS",
            "部分完成, IN_PROGRESS", "未启动, NOT_STARTED", "未开始, NOT_STARTED", "长期坚持, ONGOING" })
    void recognisesEveryStatusWord(String word, TaskStatus status) {
        assertThat(StatusWords.parse(word)).isEqualTo(status);
    }

    @Test
    void ignoresSpacesLineBreaksAndFullWidth() {
        assertThat(StatusWords.parse(" 已\n完成　")).isEqualTo(TaskStatus.COMPLETED);
        assertThat(StatusWords.parse("已完成。")).isEqualTo(TaskStatus.COMPLETED);
    }

    @Nested
    class NotAStatus {

        @ParameterizedTest
        @ValueSource(strings = { "", " ", "/", "已完成整改工作", "完成了", "未完成", "基本完成", "长期", "正在", "已启动" })
        void unknownOrEmptyIsNull(String word) {
            assertThat(StatusWords.parse(word)).isNull();
        }

        @Test
        void nullIsNull() {
            assertThat(StatusWords.parse(null)).isNull();
        }

    }

}
