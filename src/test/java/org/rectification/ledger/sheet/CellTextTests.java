package org.rectification.ledger.sheet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import org.rectification.ledger.system.Messages;

class CellTextTests {

    private static final String NOTE = Messages.get("system.cell-text.cut");

    @Test
    void keepsATextThatFitsACell() {
        String full = "整".repeat(CellText.MAX_LENGTH);

        assertThat(CellText.fit(full)).isSameAs(full);
        assertThat(CellText.fit("")).isEmpty();
        assertThat(CellText.fit(null)).isNull();
    }

    @Test
    void cutsALongerTextToTheLimitAndSaysSo() {
        String text = "第6行“整改时限”填写的“" + "改".repeat(CellText.MAX_LENGTH) + "”不是明确的时限";

        String fitted = CellText.fit(text);

        assertThat(fitted.length()).isEqualTo(CellText.MAX_LENGTH);
        assertThat(fitted.startsWith("第6行“整改时限”填写的“改改")).isTrue();
        assertThat(fitted.endsWith(NOTE)).isTrue();
        assertThat(NOTE).contains("已截断").contains("summary.json");
    }

    @Test
    void neverSplitsACharacterOutsideTheBasicPlane() {
        // 𠀀 is two chars (a surrogate pair); the cut would fall between its halves
        String text = "a".repeat(CellText.MAX_LENGTH - NOTE.length() - 1) + "𠀀".repeat(NOTE.length());

        String fitted = CellText.fit(text);

        assertThat(fitted.length()).isEqualTo(CellText.MAX_LENGTH - 1);
        assertThat(fitted.endsWith("a" + NOTE)).isTrue();
    }

}
