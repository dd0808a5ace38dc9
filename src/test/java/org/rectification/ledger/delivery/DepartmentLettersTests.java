package org.rectification.ledger.delivery;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectification.ledger.check.Finding;
import org.rectification.ledger.check.RuleCode;
import org.rectification.ledger.check.Severity;
import org.rectification.ledger.intake.JdbcSubmissionDao.NoticeFile;
import org.rectification.ledger.intake.Outcome;
import org.rectification.ledger.ledger.JdbcLedgerDao.OverdueTask;
import org.rectification.ledger.sheet.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-text mails a clerk or a leader reads: every finding with where, what, the value and what to do. */
class DepartmentLettersTests {

    private final DepartmentLetters letters = new DepartmentLetters("县委第三轮巡察");

    private final NoticeFile rejected = new NoticeFile(7, "审计局-11月.xls", "县审计局", Outcome.REJECTED,
            Path.of("rejected/审计局-11月-退回意见.xlsx"));

    @Test
    void listsEachFindingWithWhereWhatTheValueSeenAndWhatToDo() {
        List<Finding> findings = List.of(
                new Finding("审计局-11月.xls", "整改任务", 6, "责任人", 7, RuleCode.OWNER_MISSING, Severity.ERROR, "",
                        "第6行“责任人”为空", "请填写具体责任人姓名"),
                new Finding("审计局-11月.xls", null, null, "审核人", null, RuleCode.SIGNATURE_MISSING, Severity.ERROR,
                        null, "“审核人”处未签名或签章", "请相关人员在签字栏签名"));

        String body = this.letters.noticeBody(this.rejected, "县审计局", findings, LocalDate.of(2026, 11, 20));

        assertThat(this.letters.noticeSubject(this.rejected)).isEqualTo("【退回意见】县委第三轮巡察：审计局-11月.xls（退回）");
        assertThat(body).startsWith("县审计局：\n\n你单位报送的县委第三轮巡察整改台账《审计局-11月.xls》经整改办审核，处理结果：退回。")
            .contains("共发现 2 个问题：")
            .contains("1. 工作表“整改任务”第6行，“责任人”列：第6行“责任人”为空\n   填写内容：（空白）\n   整改要求：请填写具体责任人姓名\n")
            .contains("2. 整份文件，“审核人”处：“审核人”处未签名或签章\n   填写内容：（空白）\n   整改要求：请相关人员在签字栏签名\n")
            .contains("请于2026年11月20日前重新报送。")
            .contains("退回意见表见附件《审计局-11月-退回意见.xlsx》");
    }

    @Test
    void saysNothingAboutADeadlineWhenTheJobFileSetsNone() {
        String body = this.letters.noticeBody(this.rejected, "县审计局", List.of(), null);

        assertThat(body).doesNotContain("重新报送。\n\n退回意见表").contains("（无具体问题记录，详见附件）");
    }

    @Test
    void tellsTheLeaderEachOverdueTaskWithDaysOverdue() {
        OverdueTask task = new OverdueTask("ZJ-01", "县住房和城乡建设局", "老旧小区改造滞后", "制定改造计划", "韩冬", "许静",
                LocalDate.of(2026, 11, 30), "2026年11月底", TaskStatus.IN_PROGRESS, null);

        String body = this.letters.supervisionBody("韩冬", List.of(task), LocalDate.of(2026, 12, 11), false);

        assertThat(this.letters.supervisionSubject("韩冬", YearMonth.of(2026, 12), 1))
            .isEqualTo("【督办】韩冬同志牵头的逾期整改任务（2026年12月，共1项）");
        assertThat(body).startsWith("韩冬同志：")
            .contains("1. 【县住房和城乡建设局】任务编号 ZJ-01，整改时限 2026年11月30日（逾期 11 天），当前状态：正在整改\n"
                    + "   问题：老旧小区改造滞后\n   措施：制定改造计划\n   责任人：许静\n   最新进展：（未填写）");
    }

}
