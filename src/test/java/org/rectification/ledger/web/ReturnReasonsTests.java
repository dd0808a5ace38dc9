package org.rectification.ledger.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnReasonsTests {

    @Test
    void namesEachRuleInChineseInsteadOfItsCode() {
        assertThat(ReturnReasons.readable("SIGNATURE_MISSING: 审核人; NOT_A_SPREADSHEET: 文件“说明.xls”不是 Excel 工作簿"))
            .isEqualTo("缺少签字：审核人；不是Excel文件：文件“说明.xls”不是 Excel 工作簿");
    }

    @Test
    void showsARuleWithoutDetailByItsNameAlone() {
        assertThat(ReturnReasons.readable("DUPLICATE_FILE")).isEqualTo("重复文件");
    }

    @Test
    void leavesWordsThatAreNoRuleCodeAsTheyAre() {
        assertThat(ReturnReasons.readable("人工退回: 请补充附件")).isEqualTo("人工退回: 请补充附件");
        assertThat(ReturnReasons.readable(null)).isNull();
        assertThat(ReturnReasons.readable("")).isEmpty();
    }

}
