package org.rectification.ledger.check;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rectification.ledger.sheet.Field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectification.ledger.check.TestSubmissions.ROSTER;
import static org.rectification.ledger.check.TestSubmissions.row;
import static org.rectification.ledger.check.TestSubmissions.signed;
import static org.rectification.ledger.check.TestSubmissions.submission;
import static org.rectification.ledger.check.TestSubmissions.table;

class FindingsTableTests {

    private final SubmissionChecker checker = new SubmissionChecker(CheckSettings.defaults(TestSubmissions.FEEDBACK),
            ROSTER);

    @Test
    void alignsColumnsByDisplayWidthOfChineseText() {
        CheckedSubmission checked = this.checker.check("民政局-10月.xlsx",
                submission("县民政局", List.of(), table("任务表", row("任务表", 7, Field.OWNER, "待定")),
                        table("Sheet2", row("Sheet2", 12, Field.STATUS, ""))),
                (department) -> Map.of());

        String rendered = FindingsTable.render(checked);
        List<String> lines = rendered.lines().toList();

        assertThat(lines.get(0)).contains("民政局-10月.xlsx", "县民政局", "退回", "问题：5条");
        List<String> table = lines.subList(2, lines.size());
        assertThat(table).hasSize(2 + 5);
        assertThat(table.get(0)).startsWith("级别").contains("工作表", "填写内容");
        assertThat(table.get(5)).startsWith("错误").contains("第7行“责任人”填写为“待定”，视同未填写", "待定");
        assertThat(table.get(6)).startsWith("警告").contains("Sheet2", "12");
        // the 问题 column starts at the same display column on every line
        int header = FindingsTable.width(table.get(0).substring(0, table.get(0).indexOf("问题")));
        int owner = FindingsTable.width(table.get(5).substring(0, table.get(5).indexOf("第7行")));
        int status = FindingsTable.width(table.get(6).substring(0, table.get(6).indexOf("第12行")));
        assertThat(owner).isEqualTo(header);
        assertThat(status).isEqualTo(header);
    }

    @Test
    void saysSoWhenThereIsNothingToFix() {
        CheckedSubmission checked = this.checker.check("民政局-10月.xlsx", signed(table("任务表", row("任务表", 4))),
                (department) -> Map.of());

        assertThat(FindingsTable.render(checked)).contains("接收").contains("未发现问题");
    }

    @Test
    void countsChineseCharactersAsTwoColumns() {
        assertThat(FindingsTable.width("责任人")).isEqualTo(6);
        assertThat(FindingsTable.width("A1（待定）")).isEqualTo(2 + 4 + 4);
    }

}
