package org.rectification.ledger.sheet;

import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFormsTests {

    private static final char[] ALPHABET = { ' ', ' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\u200b', '\ufeff', 'a',
            '整', '改', '某', 'x', '无' };

    @Test
    void cleanTrimsAndFoldsSpacesAndLineBreaks() {
        assertThat(TextForms.clean("\u3000 落实\r\n整改  责任\u200b ")).isEqualTo("落实 整改 责任");
        assertThat(TextForms.clean("a\u00a0b")).isEqualTo("a b");
        assertThat(TextForms.clean(null)).isEmpty();
    }

    @Test
    void cleanGivesWhatTheFullFoldingGivesForAnyMixOfSpacesMarksAndWords() {
        Random random = new Random(20261201);
        for (int n = 0; n < 20_000; n++) {
            char[] text = new char[random.nextInt(8)];
            for (int i = 0; i < text.length; i++) {
                text[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            String sample = new String(text);

            assertThat(TextForms.clean(sample)).as("clean of [%s]", sample).isEqualTo(folded(sample));
        }
    }

    @Test
    void aPlaceholderIsMissingWhateverItsLengthAndATasksTextIsNot() {
        Placeholders placeholders = new Placeholders(Set.of("待定", "暂无", "某某", "xx"));

        assertThat(placeholders.isMissing("待定")).isTrue();
        assertThat(placeholders.isMissing(" 暂 无 ")).isTrue();
        assertThat(placeholders.isMissing("某".repeat(40))).isTrue();
        assertThat(placeholders.isMissing("ｘ".repeat(30))).isTrue();
        assertThat(placeholders.isMissing("—".repeat(30))).isTrue();
        assertThat(placeholders.isMissing("")).isTrue();
        assertThat(placeholders.isMissing("待定事项")).isFalse();
        assertThat(placeholders.isMissing("对照巡察反馈意见逐条建立整改台账，明确责任人和完成时限")).isFalse();
        assertThat(placeholders.isMissing("某某某某某某某某单位")).isFalse();
    }

    @Test
    void aLongerPlaceholderIsStillMissingWhenTheJobFileNamesIt() {
        String long1 = "尚未明确整改责任人和完成时限";
        Placeholders placeholders = new Placeholders(Set.of(long1));

        assertThat(placeholders.isMissing(long1)).isTrue();
        assertThat(placeholders.isMissing(" " + long1 + "\n")).isTrue();
        assertThat(placeholders.isMissing(long1 + "，已落实")).isFalse();
    }

    /** The folding {@link TextForms#clean} documents, written out the long way. */
    private static String folded(String text) {
        String unified = text.replace('\u3000', ' ').replace('\u00a0', ' ').replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (char c : unified.toCharArray()) {
            if (c == '\u200b' || c == '\ufeff') {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }

}
