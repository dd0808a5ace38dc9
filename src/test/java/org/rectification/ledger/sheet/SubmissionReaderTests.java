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


    @ParameterizedTest
    @EnumSource(Format.class)
    void combinesTwoRowHeaderWithGroupCell(Format format) {
        TestBook book = TestBook.of(format)
            .sheet("Sheet1")
            .row(1, "整改任务分解表")
            .merge("A1:H1")
            .row(2, "序号", "反馈问题", "整改措施", "责任主体", null, null, "整改时限", "联系电话")
            .row(3, null, null, null, "责任领导", "责任单位", "责任人")
            .merge("D2:F2")
            .merge("A2:A3")
            .merge("B2:B3")
            .merge("C2:C3")
            .merge("G2:G3")
            .merge("H2:H3")
            .row(4, 1, "问题一", "措施一", "张局长", "办公室", "李四", "2026-12-31", "123");
        SheetTable table = read(book).tables().get(0);

        assertThat(table.headerFirstRow()).isEqualTo(2);
        assertThat(table.headerLastRow()).isEqualTo(3);
        assertThat(table.columns()).containsOnlyKeys(Field.SEQUENCE, Field.PROBLEM, Field.MEASURE, Field.LEADER,
                Field.DEPARTMENT, Field.OWNER, Field.DEADLINE);
        assertThat(table.column(Field.LEADER)).isEqualTo(new SheetColumn(3, "责任领导", Field.LEADER));
        assertThat(table.column(Field.OWNER)).isEqualTo(new SheetColumn(5, "责任人", Field.OWNER));
        assertThat(table.extraColumns()).containsExactly(new SheetColumn(7, "联系电话", null));
        assertThat(table.rows()).singleElement().satisfies((row) -> {
            assertThat(row.rowNumber()).isEqualTo(4);
            assertThat(row.values()).contains(entry(Field.LEADER, "张局长"), entry(Field.DEPARTMENT, "办公室"),
                    entry(Field.OWNER, "李四"));
            assertThat(row.extras()).containsExactly(entry("联系电话", "123"));
        });
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void combinesTwoRowHeaderWithoutVerticalMerges(Format format) {
        TestBook book = TestBook.of(format)
            .sheet("Sheet1")
            .row(1, "反馈问题", "整改措施", "责任主体", null, null, "完成时限")
            .merge("C1:E1")
            .row(2, null, null, "牵头领导", "牵头单位", "经办人")
            .row(3, "问题一", "措施一", "张局长", "办公室", "李四", "2026年底");
        SheetTable table = read(book).tables().get(0);

        assertThat(table.headerFirstRow()).isEqualTo(1);
        assertThat(table.headerLastRow()).isEqualTo(2);
        assertThat(table.columns()).containsOnlyKeys(Field.PROBLEM, Field.MEASURE, Field.LEADER, Field.DEPARTMENT,
                Field.OWNER, Field.DEADLINE);
        assertThat(table.rows()).singleElement()
            .satisfies((row) -> assertThat(row.deadline().date()).isEqualTo(LocalDate.of(2026, 12, 31)));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void matchesAliasesWithOddWhitespaceInAnyOrder(Format format) {
        TestBook book = TestBook.of(format)
            .sheet("Sheet1")
            .row(1, "时限\n要求", "具体\n责任人", " 责任部门 ", "分管领导", "整改　任务", "问题描述", "ＸＸ备注", "包干责任人")
            .row(2, "2026.12.31", "李四", "办公室", "张局长", "措施一", "问题一", "", "王五");
        SheetTable table = read(book).tables().get(0);

        assertThat(table.columns()).containsOnlyKeys(Field.DEADLINE, Field.OWNER, Field.DEPARTMENT, Field.LEADER,
                Field.MEASURE, Field.PROBLEM);
        assertThat(table.column(Field.OWNER).index()).isEqualTo(1);
        assertThat(table.column(Field.PROBLEM).index()).isEqualTo(5);
        assertThat(table.extraColumns()).extracting(SheetColumn::header).containsExactly("ＸＸ备注", "包干责任人");
        TaskRow row = table.rows().get(0);
        assertThat(row.values()).containsOnly(entry(Field.DEADLINE, "2026.12.31"), entry(Field.OWNER, "李四"),
                entry(Field.DEPARTMENT, "办公室"), entry(Field.LEADER, "张局长"), entry(Field.MEASURE, "措施一"),
                entry(Field.PROBLEM, "问题一"));
        assertThat(row.deadline().date()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void usesJobFileAliases(Format format) {
        TestBook book = TestBook.of(format)
            .sheet("Sheet1")
            .row(1, "反馈问题", "整改措施", "包干责任人")
            .row(2, "问题一", "措施一", "王五");
        SheetTable table = read(book).tables().get(0);

        assertThat(table.column(Field.OWNER)).isEqualTo(new SheetColumn(2, "包干责任人", Field.OWNER));
        assertThat(table.rows().get(0).value(Field.OWNER)).isEqualTo("王五");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void fillsVerticallyMergedCategoryProblemAndLeader(Format format) {
        TestBook book = standard(format)
            .row(4, 1, "思想建设", "问题一", "措施一", "张局长", "办公室", "李四", "2026年12月31日", "已完成", "进展", "材料")
            .row(5, 2, null, null, "措施二", null, "人事科", "王五", "2026年12月31日", "整改中", "进展", "")
            .row(6, 3, null, null, "措施三", null, "财务科", "赵六", "立行立改", "未启动", "", "")
            .merge("B4:B6")
            .merge("C4:C6")
            .merge("E4:E6");
        List<TaskRow> rows = read(book).tables().get(0).rows();

        assertThat(rows).extracting(TaskRow::rowNumber).containsExactly(4, 5, 6);
        assertThat(rows).extracting((row) -> row.value(Field.CATEGORY)).containsOnly("思想建设");
        assertThat(rows).extracting((row) -> row.value(Field.PROBLEM)).containsOnly("问题一");
        assertThat(rows).extracting((row) -> row.value(Field.LEADER)).containsOnly("张局长");
        assertThat(rows).extracting((row) -> row.value(Field.MEASURE)).containsExactly("措施一", "措施二", "措施三");
        assertThat(rows).extracting(TaskRow::status)
            .containsExactly(TaskStatus.COMPLETED, TaskStatus.IN_PROGRESS, TaskStatus.NOT_STARTED);
        assertThat(rows.get(2).deadline())
            .isEqualTo(new Deadline(Deadline.Kind.IMMEDIATE, LocalDate.of(2026, 10, 1), "立行立改"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void skipsBlankRowsAndTrailingBlankColumns(Format format) {
        TestBook book = standard(format)
            .row(4, 1, "类", "问题一", "措施一", "张局长", "办公室", "李四", "2026-12-31", "已完成", "", "", "", " ", "")
            .row(5, null, "", "  ", "", "", "", "", "", "", "", "", "", "")
            .row(7, 2, "类", "问题二", "措施二", "张局长", "办公室", "李四", "2026-12-31", "已完成", "", "", " ");
        SheetTable table = read(book).tables().get(0);

        assertThat(table.extraColumns()).isEmpty();
        assertThat(table.rows()).extracting(TaskRow::rowNumber).containsExactly(4, 7);
        assertThat(table.rows()).allSatisfy((row) -> assertThat(row.extras()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void skipsHiddenHelperSheetInstructionsAndSheetsWithoutHeader(Format format) {
        TestBook book = TestBook.of(format)
            .sheet("填表说明")
            .row(1, "填表说明")
            .row(2, "反馈问题", "整改措施", "责任领导")
            .sheet("任务清单")
            .row(1, "反馈问题", "整改措施", "责任单位")
            .row(2, "问题一", "措施一", "办公室")
            .sheet("下拉选项")
            .row(1, "反馈问题", "整改措施", "责任单位")
            .row(2, "已完成", "正在整改", "未启动")
            .hidden()
            .sheet("封面")
            .row(1, "某某县巡察整改")
            .sheet("第二批")
            .row(1, "问题清单", "任务清单", "责任科室")
            .row(2, "问题二", "措施二", "人事科");
        ReadSubmission submission = read(book);

        assertThat(submission.tables()).extracting(SheetTable::sheet).containsExactly("任务清单", "第二批");
        assertThat(submission.rowCount()).isEqualTo(2);
        assertThat(submission.skipped()).containsExactly(new SkippedSheet("填表说明", "填表说明，未读取"),
                new SkippedSheet("下拉选项", "隐藏工作表，未读取"), new SkippedSheet("封面", "前 20 行内没有可识别的表头，未读取"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void marksPlaceholdersMissingButKeepsWhatWasWritten(Format format) {
        TestBook book = standard(format)
            .row(4, 1, "类", "问题一", "措施一", "ＸＸ", "/", "待定", "xx", "已完成", "无", "—");
        TaskRow row = read(book).tables().get(0).rows().get(0);

        assertThat(row.missing()).containsExactlyInAnyOrder(Field.LEADER, Field.DEPARTMENT, Field.OWNER,
                Field.DEADLINE, Field.PROGRESS, Field.EVIDENCE);
        assertThat(row.seen(Field.LEADER)).isEqualTo("ＸＸ");
        assertThat(row.value(Field.LEADER)).isNull();
        assertThat(row.seen(Field.OWNER)).isEqualTo("待定");
        assertThat(row.deadline()).isEqualTo(Deadline.missing("xx"));
        assertThat(row.status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsDateCellsSerialsAndTextualDeadlines(Format format) {
        TestBook book = TestBook.of(format)
            .sheet("Sheet1")
            .row(1, "反馈问题", "整改措施", "整改时限", "整改状态")
            .row(2, "问题", "措施", LocalDate.of(2026, 12, 31), "已销号")
            .row(3, "问题", "措施", 46387, "部分完成")
            .row(4, "问题", "措施", "2026/12/31", "长期坚持")
            .row(5, "问题", "措施", "12月31日前", "未开始")
            .row(6, "问题", "措施", "2026年上半年", "完成了")
            .row(7, "问题", "措施", "长期", "")
            .row(8, "问题", "措施", "尽快", "/")
            .row(9, "问题", "措施", new Formula("DATE(2027,3,31)"), "已整改");
        List<TaskRow> rows = read(book).tables().get(0).rows();

        assertThat(rows).extracting(TaskRow::deadline).containsExactly(
                new Deadline(Deadline.Kind.DATE, LocalDate.of(2026, 12, 31), "2026-12-31"),
                new Deadline(Deadline.Kind.DATE, LocalDate.of(2026, 12, 31), "46387"),
                new Deadline(Deadline.Kind.DATE, LocalDate.of(2026, 12, 31), "2026/12/31"),
                new Deadline(Deadline.Kind.DATE, LocalDate.of(2026, 12, 31), "12月31日前"),
                new Deadline(Deadline.Kind.DATE, LocalDate.of(2026, 6, 30), "2026年上半年"),
                new Deadline(Deadline.Kind.ONGOING, null, "长期"),
                new Deadline(Deadline.Kind.UNPARSEABLE, null, "尽快"),
                new Deadline(Deadline.Kind.DATE, LocalDate.of(2027, 3, 31), "2027-03-31"));
        assertThat(rows).extracting(TaskRow::status).containsExactly(TaskStatus.COMPLETED, TaskStatus.IN_PROGRESS,
                TaskStatus.ONGOING, TaskStatus.NOT_STARTED, null, null, null, TaskStatus.COMPLETED);
        assertThat(rows.get(4).missing()).doesNotContain(Field.STATUS);
        assertThat(rows.get(5).missing()).contains(Field.STATUS);
        assertThat(rows.get(6).missing()).contains(Field.STATUS);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void usesCachedValuesOfFormulaCells(Format format) {
        TestBook book = TestBook.of(format)
            .sheet("Sheet1")
            .row(1, "序号", "反馈问题", "整改措施", "责任人")
            .row(2, new Formula("1+1"), "问题", new Formula("\"措施\"&\"一\""), new Formula("CONCATENATE(\"李\",\"四\")"));
        TaskRow row = read(book).tables().get(0).rows().get(0);

        assertThat(row.values()).containsOnly(entry(Field.SEQUENCE, "2"), entry(Field.PROBLEM, "问题"),
                entry(Field.MEASURE, "措施一"), entry(Field.OWNER, "李四"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void rejectsWorkbookWithoutAnyVisibleHeader(Format format) {
        TestBook book = TestBook.of(format)
            .sheet("说明")
            .row(1, "请按要求填写")
            .sheet("数据")
            .row(1, "反馈问题", "整改措施")
            .hidden();

        assertThatThrownBy(() -> read(book)).isInstanceOfSatisfying(SheetReadException.class, (ex) -> {
            assertThat(ex.failure()).isEqualTo(ReadFailure.NO_HEADER);
            assertThat(ex.getMessage()).contains("报送" + format.extension).contains("没有可识别表头");
        });
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void endsTableAtSignatureBlock(Format format) {
        TestBook book = standard(format)
            .row(4, 1, "类", "问题一", "措施一", "张局长", "办公室", "李四", "2026-12-31", "已完成")
            .row(5, "填报人员培训", "类", "问题二", "措施二", "张局长", "办公室", "李四", "2026-12-31", "已完成")
            .row(7, "填报人：张三", null, null, "审核人：李四")
            .row(8, "填报日期：2026年11月6日")
            .row(9, 3, "类", "问题三", "措施三", "张局长", "办公室", "李四", "2026-12-31", "已完成");
        ReadSubmission submission = read(book);

        assertThat(submission.tables().get(0).rows()).extracting(TaskRow::rowNumber).containsExactly(4, 5);
        assertThat(submission.filledDate()).isEqualTo(LocalDate.of(2026, 11, 5));
    }

}
