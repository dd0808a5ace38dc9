package org.rectification.ledger.sheet;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.rectification.ledger.sheet.TestBook.Format;
import org.rectification.ledger.sheet.TestBook.Formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

@Timeout(30)
class SubmissionReaderTests {

    static final String[] HEADER = { "序号", "问题类别", "反馈问题", "整改措施", "责任领导", "责任单位", "责任人", "整改时限", "整改状态",
            "整改进展", "佐证材料" };

    @TempDir
    Path folder;

    static ReadSettings settings() {
        return settings(ReadSettings.Limits.defaults());
    }

    static ReadSettings settings(ReadSettings.Limits limits) {
        return new ReadSettings(Map.of(Field.OWNER, List.of("包干责任人")), ReadSettings.DEFAULT_PLACEHOLDERS,
                ReadSettings.DEFAULT_SIGNER_LABELS, LocalDate.of(2026, 9, 1), 30, YearMonth.of(2026, 11), limits);
    }

    ReadSubmission read(TestBook book) {
        return new SubmissionReader(settings()).read(book.write(this.folder, "报送"));
    }

    /** The standard sheet: title merged across, 填报单位 line, header in row 3. */
    static TestBook standard(Format format) {
        return TestBook.of(format)
            .sheet("任务清单")
            .row(1, "XX县民政局巡察反馈问题整改任务分解表")
            .merge("A1:K1")
            .row(2, "填报单位：县民政局    填报日期：2026年11月5日")
            .merge("A2:K2")
            .row(3, (Object[]) HEADER);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsTitleUnitHeaderAndRows(Format format) {
        ReadSubmission submission = read(standard(format)
            .row(4, 1, "思想建设", "理论学习不深入", "制定学习计划", "张局长", "办公室", "李四", LocalDate.of(2026, 12, 31), "已完成",
                    "已制定计划", "学习计划.pdf")
            .row(5, 2, "作风建设", "调研不够", "开展专题调研", "王副局长", "社会事务科", "赵六", "2027年6月底前", "正在整改", "调研中",
                    ""));

        assertThat(submission.format())
            .isEqualTo(format == Format.XLSX ? SpreadsheetFormat.OOXML : SpreadsheetFormat.BIFF8);
        assertThat(submission.title()).isEqualTo("XX县民政局巡察反馈问题整改任务分解表");
        assertThat(submission.declaredUnit()).isEqualTo("县民政局");
        assertThat(submission.filledDate()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(submission.skipped()).isEmpty();
        SheetTable table = submission.tables().get(0);
        assertThat(table.sheet()).isEqualTo("任务清单");
        assertThat(table.headerFirstRow()).isEqualTo(3);
        assertThat(table.headerLastRow()).isEqualTo(3);
        assertThat(table.columns()).hasSize(11);
        assertThat(table.column(Field.DEADLINE)).isEqualTo(new SheetColumn(7, "整改时限", Field.DEADLINE));
        assertThat(table.extraColumns()).isEmpty();
        assertThat(table.rows()).hasSize(2);
        TaskRow first = table.rows().get(0);
        assertThat(first.rowNumber()).isEqualTo(4);
        assertThat(first.values()).containsOnly(entry(Field.SEQUENCE, "1"), entry(Field.CATEGORY, "思想建设"),
                entry(Field.PROBLEM, "理论学习不深入"), entry(Field.MEASURE, "制定学习计划"), entry(Field.LEADER, "张局长"),
                entry(Field.DEPARTMENT, "办公室"), entry(Field.OWNER, "李四"), entry(Field.DEADLINE, "2026-12-31"),
                entry(Field.STATUS, "已完成"), entry(Field.PROGRESS, "已制定计划"), entry(Field.EVIDENCE, "学习计划.pdf"));
        assertThat(first.missing()).isEmpty();
        assertThat(first.deadline()).isEqualTo(new Deadline(Deadline.Kind.DATE, LocalDate.of(2026, 12, 31), "2026-12-31"));
        assertThat(first.status()).isEqualTo(TaskStatus.COMPLETED);
        TaskRow second = table.rows().get(1);
        assertThat(second.rowNumber()).isEqualTo(5);
        assertThat(second.deadline()).isEqualTo(new Deadline(Deadline.Kind.DATE, LocalDate.of(2027, 6, 30), "2027年6月底前"));
        assertThat(second.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(second.missing()).containsExactly(Field.EVIDENCE);
    }

}
