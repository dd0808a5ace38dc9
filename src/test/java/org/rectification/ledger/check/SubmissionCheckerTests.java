package org.rectification.ledger.check;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rectification.ledger.sheet.Field;
import org.rectification.ledger.sheet.ReadFailure;
import org.rectification.ledger.sheet.ReadSubmission;
import org.rectification.ledger.sheet.SheetReadException;
import org.rectification.ledger.sheet.SheetTable;
import org.rectification.ledger.sheet.SignatureMark;
import org.rectification.ledger.sheet.TaskKey;
import org.rectification.ledger.sheet.TaskRow;
import org.rectification.ledger.sheet.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rectification.ledger.check.TestSubmissions.FEEDBACK;
import static org.rectification.ledger.check.TestSubmissions.ROSTER;
import static org.rectification.ledger.check.TestSubmissions.STANDARD;
import static org.rectification.ledger.check.TestSubmissions.allSigned;
import static org.rectification.ledger.check.TestSubmissions.completedRow;
import static org.rectification.ledger.check.TestSubmissions.row;
import static org.rectification.ledger.check.TestSubmissions.signed;
import static org.rectification.ledger.check.TestSubmissions.submission;
import static org.rectification.ledger.check.TestSubmissions.table;

class SubmissionCheckerTests {

    private static final String FILE = "民政局-10月.xlsx";

    private final SubmissionChecker checker = new SubmissionChecker(CheckSettings.defaults(FEEDBACK), ROSTER);

    private CheckedSubmission check(ReadSubmission read) {
        return this.checker.check(FILE, read, (department) -> Map.of());
    }

    private static List<Finding> of(CheckedSubmission checked, RuleCode rule) {
        return checked.findings().stream().filter((finding) -> finding.rule() == rule).toList();
    }

    @Test
    void acceptsCleanSubmissionAndMergesEveryRow() {
        CheckedSubmission checked = check(signed(table("任务表", row("任务表", 4), completedRow("任务表", 5))));

        assertThat(checked.findings()).isEmpty();
        assertThat(checked.rejected()).isFalse();
        assertThat(checked.department()).isEqualTo("县民政局");
        assertThat(checked.mergeable()).extracting(TaskRow::rowNumber).containsExactly(4, 5);
    }

    @Test
    void setsAsideASubmissionWithMoreFindingsThanItsNoticeAndSummaryCanHold() {
        TaskRow[] rows = new TaskRow[SubmissionChecker.MAX_FINDINGS / 3 + 10];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row("任务表", i + 4, Field.OWNER, "", Field.LEADER, "", Field.MEASURE, "");
        }

        CheckedSubmission checked = check(signed(table("任务表", rows)));

        assertThat(checked.rejected()).isTrue();
        assertThat(checked.findings()).singleElement().satisfies((finding) -> {
            assertThat(finding.rule()).isEqualTo(RuleCode.TOO_LARGE);
            assertThat(finding.message()).contains("问题超过50000个").contains("超出处理能力");
        });
        assertThat(checked.mergeable()).isEmpty();
    }

    @Test
    void keepsWarnedRowsButNotRowsWithErrors() {
        CheckedSubmission checked = check(signed(table("任务表", row("任务表", 4, Field.OWNER, ""),
                row("任务表", 5, Field.STATUS, ""), row("任务表", 6))));

        assertThat(checked.rejected()).isFalse();
        assertThat(checked.mergeable()).extracting(TaskRow::rowNumber).containsExactly(5, 6);
    }

    @Test
    void ordersSubmissionFindingsFirstThenSheetsAndRows() {
        SheetTable first = table("一季度", row("一季度", 9, Field.OWNER, ""), row("一季度", 4, Field.LEADER, ""));
        SheetTable second = table("二季度", row("二季度", 2, Field.OWNER, ""));
        List<SignatureMark> noReviewer = List.of(allSigned("一季度", 20).get(0), allSigned("一季度", 20).get(2));

        CheckedSubmission checked = check(submission("县民政局", noReviewer, first, second));

        assertThat(checked.findings()).extracting(Finding::rule, Finding::sheet, Finding::row)
            .containsExactly(tuple(RuleCode.SIGNATURE_MISSING, null, null),
                    tuple(RuleCode.OWNER_MISSING, "一季度", 9),
                    tuple(RuleCode.LEADER_MISSING, "一季度", 4),
                    tuple(RuleCode.OWNER_MISSING, "二季度", 2));
    }

    @Nested
    class RequiredFields {

        @Test
        void flagsEmptyOwnerWithTheHeaderAsWritten() {
            SheetTable table = table("任务表", STANDARD, Map.of(Field.OWNER, "具体责任人"),
                    row("任务表", 7, Field.OWNER, ""));

            CheckedSubmission checked = check(signed(table));

            assertThat(checked.findings()).singleElement().satisfies((finding) -> {
                assertThat(finding.rule()).isEqualTo(RuleCode.OWNER_MISSING);
                assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                assertThat(finding.file()).isEqualTo(FILE);
                assertThat(finding.sheet()).isEqualTo("任务表");
                assertThat(finding.row()).isEqualTo(7);
                assertThat(finding.column()).isEqualTo("具体责任人");
                assertThat(finding.columnIndex()).isEqualTo(5);
                assertThat(finding.value()).isEmpty();
                assertThat(finding.message()).isEqualTo("第7行“具体责任人”为空");
                assertThat(finding.expected()).isEqualTo("请填写具体责任人姓名，不得为空或填写“待定”");
            });
            assertThat(checked.mergeable()).isEmpty();
        }

        @Test
        void treatsPlaceholderAsMissingAndQuotesIt() {
            CheckedSubmission checked = check(signed(table("任务表", row("任务表", 7, Field.OWNER, "待定"))));

            assertThat(of(checked, RuleCode.OWNER_MISSING)).singleElement().satisfies((finding) -> {
                assertThat(finding.value()).isEqualTo("待定");
                assertThat(finding.message()).isEqualTo("第7行“责任人”填写为“待定”，视同未填写");
            });
        }

        @Test
        void flagsEveryRowWhenTheColumnIsAbsent() {
            List<Field> withoutOwner = STANDARD.stream().filter((field) -> field != Field.OWNER).toList();
            SheetTable table = table("任务表", withoutOwner, Map.of(), row("任务表", 4, Field.OWNER, null),
                    row("任务表", 5, Field.OWNER, null));

            CheckedSubmission checked = check(signed(table));

            assertThat(of(checked, RuleCode.OWNER_MISSING)).hasSize(2).allSatisfy((finding) -> {
                assertThat(finding.column()).isEqualTo("责任人");
                assertThat(finding.columnIndex()).isNull();
                assertThat(finding.message()).contains("表中没有此列");
            });
        }

        @ParameterizedTest
        @EnumSource(value = Field.class, names = { "PROBLEM", "MEASURE", "LEADER", "DEPARTMENT", "OWNER" })
        void flagsEachRequiredFieldAndNothingWhenFilled(Field field) {
            RuleCode rule = RuleCode.valueOf(field.name() + "_MISSING");

            CheckedSubmission missing = check(signed(table("任务表", row("任务表", 4, field, " "))));
            CheckedSubmission filled = check(signed(table("任务表", row("任务表", 4))));

            assertThat(missing.findings()).extracting(Finding::rule).containsExactly(rule);
            assertThat(of(filled, rule)).isEmpty();
        }

    }

    @Nested
    class Deadlines {

        @Test
        void flagsMissingDeadline() {
            CheckedSubmission checked = check(signed(table("任务表", row("任务表", 4, Field.DEADLINE, "/"))));

            assertThat(checked.findings()).extracting(Finding::rule).containsExactly(RuleCode.DEADLINE_MISSING);
            assertThat(checked.findings().get(0).value()).isEqualTo("/");
        }

        @Test
        void quotesUnparseableDeadline() {
            CheckedSubmission checked = check(signed(table("任务表", row("任务表", 4, Field.DEADLINE, "尽快"))));

            assertThat(checked.findings()).singleElement().satisfies((finding) -> {
                assertThat(finding.rule()).isEqualTo(RuleCode.DEADLINE_UNPARSEABLE);
                assertThat(finding.value()).isEqualTo("尽快");
                assertThat(finding.message()).isEqualTo("第4行“整改时限”填写的“尽快”不是明确的时限");
            });
        }

        @Test
        void quotesAnEssayWrittenAsDeadlineWhole() {
            // long values are data: the finding keeps the whole text; only a workbook cell cuts it
            String essay = "根据工作进展情况适时完成".repeat(2730) + "完成";

            CheckedSubmission checked = check(signed(table("任务表", row("任务表", 4, Field.DEADLINE, essay))));

            assertThat(checked.findings()).singleElement().satisfies((finding) -> {
                assertThat(finding.rule()).isEqualTo(RuleCode.DEADLINE_UNPARSEABLE);
                assertThat(finding.value()).hasSize(32_762).isEqualTo(essay);
                assertThat(finding.message()).isEqualTo("第4行“整改时限”填写的“" + essay + "”不是明确的时限");
            });
        }

        @Test
        void flagsDeadlineBeforeFeedbackButNotOnTheFeedbackDay() {
            CheckedSubmission early = check(signed(table("任务表", row("任务表", 4, Field.DEADLINE, "2026-09-29"))));
            CheckedSubmission sameDay = check(signed(table("任务表", row("任务表", 4, Field.DEADLINE, "2026-09-30"))));

            assertThat(early.findings()).singleElement().satisfies((finding) -> {
                assertThat(finding.rule()).isEqualTo(RuleCode.DEADLINE_BEFORE_FEEDBACK);
                assertThat(finding.message()).contains("2026年9月30日");
            });
            assertThat(sameDay.findings()).isEmpty();
        }

        @Test
        void acceptsOngoingAndImmediateDeadlines() {
            CheckedSubmission checked = check(signed(table("任务表", row("任务表", 4, Field.DEADLINE, "长期坚持"),
                    row("任务表", 5, Field.DEADLINE, "立行立改"))));

            assertThat(checked.findings()).isEmpty();
        }

    }

    @Nested
    class TaskCodes {

        @Test
        void flagsEveryUseOfADuplicatedCode() {
            CheckedSubmission checked = check(signed(table("任务表", row("任务表", 4, Field.TASK_CODE, "1-1"),
                    row("任务表", 5, Field.TASK_CODE, "1-2"), row("任务表", 6, Field.TASK_CODE, "1-1"))));

            assertThat(of(checked, RuleCode.TASK_CODE_DUPLICATE)).extracting(Finding::row, Finding::message)
                .containsExactly(tuple(4, "第4行“任务编号”中的编号“1-1”重复使用（另见第6行）"),
                        tuple(6, "第6行“任务编号”中的编号“1-1”重复使用（另见第4行）"));
            assertThat(checked.mergeable()).extracting(TaskRow::rowNumber).containsExactly(5);
        }

        @Test
        void namesTheOtherSheetOfADuplicate() {
            CheckedSubmission checked = check(signed(table("一", row("一", 4, Field.TASK_CODE, "A1")),
                    table("二", row("二", 4, Field.TASK_CODE, "A1"))));

            assertThat(of(checked, RuleCode.TASK_CODE_DUPLICATE)).extracting(Finding::message)
                .containsExactly("第4行“任务编号”中的编号“A1”重复使用（另见工作表“二”第4行）",
                        "第4行“任务编号”中的编号“A1”重复使用（另见工作表“一”第4行）");
        }

        @Test
        void namesAFewOtherUsesOfACodeReusedManyTimes() {
            List<TaskRow> rows = new java.util.ArrayList<>();
            for (int n = 4; n < 4 + 300; n++) {
                rows.add(row("任务表", n, Field.TASK_CODE, "1-1"));
            }
            CheckedSubmission checked = check(signed(table("任务表", rows.toArray(TaskRow[]::new))));

            assertThat(of(checked, RuleCode.TASK_CODE_DUPLICATE)).hasSize(300).first().extracting(Finding::message)
                .isEqualTo("第4行“任务编号”中的编号“1-1”重复使用（另见第5行、第6行、第7行、第8行、第9行等共 299 处）");
        }

        @Test
        void acceptsDistinctCodesAndRowsWithoutCode() {
            CheckedSubmission checked = check(signed(table("任务表", row("任务表", 4, Field.TASK_CODE, "1-1"),
                    row("任务表", 5, Field.TASK_CODE, "1-10"), row("任务表", 6), row("任务表", 7))));

            assertThat(checked.findings()).isEmpty();
        }

    }

    @Nested
    class Statuses {

        @Test
        void warnsAboutMissingStatusAndStillMerges() {
            CheckedSubmission checked = check(signed(table("任务表", row("任务表", 4, Field.STATUS, ""))));

            assertThat(checked.findings()).singleElement().satisfies((finding) -> {
                assertThat(finding.rule()).isEqualTo(RuleCode.STATUS_MISSING);
                assertThat(finding.severity()).isEqualTo(Severity.WARNING);
                assertThat(finding.message()).isEqualTo("第4行“整改状态”为空，暂按“未启动”计");
            });
            assertThat(checked.mergeable()).hasSize(1);
        }

        @Test
        void warnsAboutUnknownStatusWord() {
            CheckedSubmission unknown = check(signed(table("任务表", row("任务表", 4, Field.STATUS, "差不多了"))));
            CheckedSubmission known = check(signed(table("任务表", row("任务表", 4, Field.STATUS, "推进中"))));

            assertThat(unknown.findings()).extracting(Finding::rule, Finding::value)
                .containsExactly(tuple(RuleCode.STATUS_UNRECOGNISED, "差不多了"));
            assertThat(known.findings()).isEmpty();
        }

        @Test
        void warnsAboutCompletedTaskWithoutEvidence() {
            CheckedSubmission checked = check(signed(table("任务表", completedRow("任务表", 4, Field.EVIDENCE, ""))));

            assertThat(checked.findings()).singleElement().satisfies((finding) -> {
                assertThat(finding.rule()).isEqualTo(RuleCode.COMPLETED_WITHOUT_EVIDENCE);
                assertThat(finding.column()).isEqualTo("佐证材料");
                assertThat(finding.message()).isEqualTo("第4行整改状态为“已完成”，但“佐证材料”为空");
            });
        }

        @Test
        void warnsAboutCompletedTaskWithoutProgress() {
            CheckedSubmission checked = check(signed(table("任务表", completedRow("任务表", 4, Field.PROGRESS, "无"))));

            assertThat(checked.findings()).extracting(Finding::rule)
                .containsExactly(RuleCode.COMPLETED_WITHOUT_PROGRESS);
        }

        @Test
        void asksNoEvidenceOfUnfinishedTasks() {
            CheckedSubmission checked = check(signed(table("任务表", row("任务表", 4, Field.EVIDENCE, "",
                    Field.PROGRESS, ""))));

            assertThat(checked.findings()).isEmpty();
        }

    }

    @Nested
    class Signatures {

        @Test
        void rejectsSheetWithoutReviewerSignature() {
            List<SignatureMark> marks = List.of(new SignatureMark("填报人", "李四", false, "任务表", 20, 0),
                    new SignatureMark("审核人", null, false, "任务表", 20, 3),
                    new SignatureMark("单位负责人", "王五", false, "任务表", 20, 6));

            CheckedSubmission checked = check(submission("县民政局", marks, table("任务表", row("任务表", 4))));

            assertThat(checked.rejected()).isTrue();
            assertThat(checked.mergeable()).isEmpty();
            assertThat(checked.findings()).singleElement().satisfies((finding) -> {
                assertThat(finding.rule()).isEqualTo(RuleCode.SIGNATURE_MISSING);
                assertThat(finding.column()).isEqualTo("审核人");
                assertThat(finding.sheet()).isEqualTo("任务表");
                assertThat(finding.row()).isEqualTo(20);
                assertThat(finding.columnIndex()).isEqualTo(3);
                assertThat(finding.message()).isEqualTo("“审核人”处未签名或签章");
            });
            assertThat(checked.reasons()).containsExactly("SIGNATURE_MISSING: 审核人");
        }

        @Test
        void reportsEachSignerWhoseLabelIsAbsent() {
            CheckedSubmission checked = check(submission("县民政局", List.of(), table("任务表", row("任务表", 4))));

            assertThat(of(checked, RuleCode.SIGNATURE_MISSING)).extracting(Finding::column, Finding::row)
                .containsExactly(tuple("填报人", null),
                        tuple("审核人", null),
                        tuple("单位负责人", null));
            assertThat(checked.findings().get(0).message()).isEqualTo("“填报人”签字栏缺失");
        }

        @Test
        void acceptsHeadSigningAsMainLeaderOrByPicture() {
            List<SignatureMark> marks = List.of(new SignatureMark("填报人", "李四", false, "任务表", 20, 0),
                    new SignatureMark("审核人", null, true, "任务表", 20, 3),
                    new SignatureMark("主要负责人", "王五", false, "任务表", 20, 6));

            CheckedSubmission checked = check(submission("县民政局", marks, table("任务表", row("任务表", 4))));

            assertThat(checked.findings()).isEmpty();
            assertThat(checked.rejected()).isFalse();
        }

    }

    @Nested
    class Departments {

        @Test
        void takesTheDeclaredUnitFirst() {
            CheckedSubmission checked = SubmissionCheckerTests.this.checker.check("10月报表.xlsx",
                    submission("民政局", allSigned("任务表", 20),
                            table("任务表", row("任务表", 4, Field.DEPARTMENT, "县财政局"))),
                    (department) -> Map.of());

            assertThat(checked.department()).isEqualTo("县民政局");
            assertThat(checked.findings()).isEmpty();
        }

        @Test
        void fallsBackToTheMostFrequentDepartmentColumnValue() {
            CheckedSubmission checked = SubmissionCheckerTests.this.checker.check("10月报表.xlsx",
                    submission(null, allSigned("任务表", 20), table("任务表", row("任务表", 4, Field.DEPARTMENT, "财政局"),
                            row("任务表", 5, Field.DEPARTMENT, "县教育局"), row("任务表", 6, Field.DEPARTMENT, "县财政局"))),
                    (department) -> Map.of());

            assertThat(checked.department()).isEqualTo("县财政局");
        }

        @Test
        void fallsBackToTheFileName() {
            CheckedSubmission checked = SubmissionCheckerTests.this.checker.check("教育局10月.xlsx",
                    submission(null, allSigned("任务表", 20), table("任务表", row("任务表", 4, Field.DEPARTMENT, "待定"))),
                    (department) -> Map.of());

            assertThat(checked.department()).isEqualTo("县教育局");
            assertThat(of(checked, RuleCode.UNKNOWN_DEPARTMENT)).isEmpty();
        }

        @Test
        void rejectsSubmissionFromADepartmentNotOnTheRoster() {
            CheckedSubmission checked = SubmissionCheckerTests.this.checker.check("10月报表.xlsx",
                    submission("县文旅局", allSigned("任务表", 20),
                            table("任务表", row("任务表", 4, Field.DEPARTMENT, "文旅局"))),
                    (department) -> Map.of());

            assertThat(checked.rejected()).isTrue();
            assertThat(checked.department()).isNull();
            assertThat(of(checked, RuleCode.UNKNOWN_DEPARTMENT)).singleElement().satisfies((finding) -> {
                assertThat(finding.value()).contains("县文旅局", "文旅局", "10月报表.xlsx");
                assertThat(finding.message()).startsWith("无法确定报送单位：填报单位“县文旅局”");
            });
        }

        @Test
        void warnsWhenDeclaredUnitAndFileNameDisagree() {
            CheckedSubmission checked = SubmissionCheckerTests.this.checker.check("教育局-10月.xlsx",
                    submission("县民政局", allSigned("任务表", 20), table("任务表", row("任务表", 4))),
                    (department) -> Map.of());

            assertThat(checked.department()).isEqualTo("县民政局");
            assertThat(checked.rejected()).isFalse();
            assertThat(of(checked, RuleCode.DEPARTMENT_CONFLICT)).singleElement()
                .satisfies((finding) -> assertThat(finding.message())
                    .isEqualTo("填报单位“县民政局”与文件名“教育局-10月.xlsx”所示单位“县教育局”不一致，暂按“县民政局”处理"));
        }

        @Test
        void warnsWhenDepartmentColumnMajorityDisagreesWithFileNameWithoutDeclaredUnit() {
            CheckedSubmission checked = SubmissionCheckerTests.this.checker.check("教育局-10月.xlsx",
                    submission(null, allSigned("任务表", 20), table("任务表", row("任务表", 4), row("任务表", 5))),
                    (department) -> Map.of());

            assertThat(of(checked, RuleCode.DEPARTMENT_CONFLICT)).hasSize(1);
        }

        @Test
        void acceptsCountyWideSheetWhoseRowsNameOtherDepartments() {
            CheckedSubmission checked = SubmissionCheckerTests.this.checker.check("民政局-10月.xlsx",
                    submission("县民政局", allSigned("任务表", 20),
                            table("任务表", row("任务表", 4, Field.DEPARTMENT, "县教育局"),
                                    row("任务表", 5, Field.DEPARTMENT, "县教育局"))),
                    (department) -> Map.of());

            assertThat(checked.findings()).isEmpty();
        }

    }

    @Nested
    class AgainstLastMonth {

        private CheckedSubmission checkWith(Map<String, PreviousTask> previous, TaskRow... rows) {
            return SubmissionCheckerTests.this.checker.check(FILE, signed(table("任务表", rows)),
                    (department) -> department.equals("县民政局") ? previous : Map.of());
        }

        private PreviousTask previous(TaskRow row, TaskStatus status, LocalDate deadline) {
            return new PreviousTask(TaskKey.of("县民政局", row), YearMonth.of(2026, 9), row.value(Field.TASK_CODE),
                    row.seen(Field.PROBLEM), row.seen(Field.MEASURE), status, deadline,
                    (deadline != null) ? deadline.toString() : "");
        }

        @Test
        void warnsAboutUnfinishedTaskNoLongerReported() {
            TaskRow gone = row("任务表", 5, Field.TASK_CODE, "2-1", Field.MEASURE, "开展专项清理");
            TaskRow doneLastMonth = row("任务表", 6, Field.TASK_CODE, "2-2");
            TaskRow kept = row("任务表", 4, Field.TASK_CODE, "1-1");
            Map<String, PreviousTask> previous = new LinkedHashMap<>();
            previous.put(TaskKey.of("县民政局", gone), previous(gone, TaskStatus.IN_PROGRESS, null));
            previous.put(TaskKey.of("县民政局", doneLastMonth), previous(doneLastMonth, TaskStatus.COMPLETED, null));
            previous.put(TaskKey.of("县民政局", kept), previous(kept, TaskStatus.IN_PROGRESS, null));

            CheckedSubmission checked = checkWith(previous, kept);

            assertThat(checked.findings()).singleElement().satisfies((finding) -> {
                assertThat(finding.rule()).isEqualTo(RuleCode.TASK_DROPPED);
                assertThat(finding.row()).isNull();
                assertThat(finding.value()).isEqualTo("“三重一大”决策制度落实不到位 / 开展专项清理");
                assertThat(finding.message()).isEqualTo("任务“2-1”上月尚未完成（正在整改），本月未报送");
            });
            assertThat(checked.mergeable()).hasSize(1);
        }

        @Test
        void warnsWhenCompletedTaskIsReopened() {
            TaskRow now = row("任务表", 4, Field.STATUS, "正在整改");
            CheckedSubmission reopened = checkWith(Map.of(TaskKey.of("县民政局", now),
                    previous(now, TaskStatus.COMPLETED, null)), now);
            TaskRow stillDone = completedRow("任务表", 4);
            CheckedSubmission done = checkWith(Map.of(TaskKey.of("县民政局", stillDone),
                    previous(stillDone, TaskStatus.COMPLETED, null)), stillDone);

            assertThat(reopened.findings()).extracting(Finding::rule, Finding::message)
                .containsExactly(tuple(RuleCode.STATUS_REGRESSED,
                        "第4行任务上月已完成，本月“整改状态”为“正在整改”"));
            assertThat(done.findings()).isEmpty();
        }

        @Test
        void warnsAboutDeadlineMovedLaterWithoutRemark() {
            TaskRow later = row("任务表", 4, Field.DEADLINE, "2027-03-31");
            CheckedSubmission checked = checkWith(Map.of(TaskKey.of("县民政局", later),
                    previous(later, TaskStatus.IN_PROGRESS, LocalDate.of(2026, 12, 31))), later);

            assertThat(checked.findings()).singleElement().satisfies((finding) -> {
                assertThat(finding.rule()).isEqualTo(RuleCode.DEADLINE_POSTPONED);
                assertThat(finding.value()).isEqualTo("2027-03-31");
                assertThat(finding.message()).isEqualTo("第4行整改时限由2026年12月31日推迟至2027年3月31日，备注中未说明原因");
            });
        }

        @Test
        void acceptsPostponementExplainedInRemarksOrAnEarlierDeadline() {
            TaskRow explained = row("任务表", 4, Field.DEADLINE, "2027-03-31", Field.REMARKS, "经领导小组同意延期");
            TaskRow earlier = row("任务表", 5, Field.DEADLINE, "2026-11-30", Field.MEASURE, "另一项措施");
            Map<String, PreviousTask> previous = Map.of(
                    TaskKey.of("县民政局", explained),
                    previous(explained, TaskStatus.IN_PROGRESS, LocalDate.of(2026, 12, 31)),
                    TaskKey.of("县民政局", earlier), previous(earlier, TaskStatus.IN_PROGRESS, LocalDate.of(2026, 12, 31)));

            assertThat(checkWith(previous, explained, earlier).findings()).isEmpty();
        }

    }

    @Nested
    class UnreadableFiles {

        @ParameterizedTest
        @EnumSource(value = ReadFailure.class, mode = EnumSource.Mode.EXCLUDE, names = "OWN_OUTPUT")
        void mapsEveryReadFailureToItsRule(ReadFailure failure) {
            CheckedSubmission checked = SubmissionCheckerTests.this.checker.unreadable("民政局-10月.xlsx",
                    new SheetReadException(failure, Path.of("inbox/民政局-10月.xlsx"), "zip broken"));

            assertThat(checked.rejected()).isTrue();
            assertThat(checked.read()).isNull();
            assertThat(checked.department()).isEqualTo("县民政局");
            assertThat(checked.mergeable()).isEmpty();
            assertThat(checked.findings()).singleElement().satisfies((finding) -> {
                assertThat(finding.rule().name()).isEqualTo(failure.name());
                assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                assertThat(finding.value()).isEqualTo("zip broken");
                assertThat(finding.message()).endsWith("（zip broken）");
            });
        }

        @Test
        void setsTheProductsOwnOutputAsideForNoDepartmentWhateverItsName() {
            CheckedSubmission checked = SubmissionCheckerTests.this.checker.unreadable("民政局-10月-退回意见.xlsx",
                    new SheetReadException(ReadFailure.OWN_OUTPUT, Path.of("inbox/民政局-10月-退回意见.xlsx"),
                            "文件“民政局-10月-退回意见.xlsx”是本程序生成的退回意见，不是报送表"));

            assertThat(checked.setAside()).isTrue();
            assertThat(checked.rejected()).as("nothing merged").isTrue();
            assertThat(checked.mergeable()).isEmpty();
            assertThat(checked.department()).as("a notice is named after the department's file").isNull();
            assertThat(checked.findings()).singleElement().satisfies((finding) -> {
                assertThat(finding.rule()).isEqualTo(RuleCode.OWN_OUTPUT);
                assertThat(finding.severity()).isEqualTo(Severity.NOTICE);
            });
            assertThat(checked.reasons()).singleElement().asString().startsWith("OWN_OUTPUT");
        }

        @Test
        void rejectsSubmissionWithoutAnyTable() {
            CheckedSubmission checked = check(submission("县民政局", allSigned("说明", 20)));

            assertThat(checked.rejected()).isTrue();
            assertThat(checked.findings()).extracting(Finding::rule).containsExactly(RuleCode.NO_HEADER);
        }

    }

    @Test
    void checksNothingAgainstLastMonthForUnknownDepartment() {
        Set<String> asked = new HashSet<>();
        SubmissionCheckerTests.this.checker.check("无名.xlsx",
                submission(null, allSigned("任务表", 20), table("任务表", row("任务表", 4, Field.DEPARTMENT, ""))),
                (department) -> {
                    asked.add(department);
                    return Map.of();
                });

        assertThat(asked).isEmpty();
    }

}
