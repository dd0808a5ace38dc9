package org.rectification.ledger.sample;

import static org.rectification.ledger.check.RuleCode.COMPLETED_WITHOUT_EVIDENCE;
import static org.rectification.ledger.check.RuleCode.COMPLETED_WITHOUT_PROGRESS;
import static org.rectification.ledger.check.RuleCode.DEADLINE_BEFORE_FEEDBACK;
import static org.rectification.ledger.check.RuleCode.DEADLINE_POSTPONED;
import static org.rectification.ledger.check.RuleCode.DEADLINE_UNPARSEABLE;
import static org.rectification.ledger.check.RuleCode.OWNER_MISSING;
import static org.rectification.ledger.check.RuleCode.STATUS_MISSING;
import static org.rectification.ledger.check.RuleCode.STATUS_REGRESSED;
import static org.rectification.ledger.check.RuleCode.TASK_CODE_DUPLICATE;
import static org.rectification.ledger.sheet.Field.CATEGORY;
import static org.rectification.ledger.sheet.Field.CO_DEPARTMENTS;
import static org.rectification.ledger.sheet.Field.DEADLINE;
import static org.rectification.ledger.sheet.Field.DEPARTMENT;
import static org.rectification.ledger.sheet.Field.EVIDENCE;
import static org.rectification.ledger.sheet.Field.LEADER;
import static org.rectification.ledger.sheet.Field.MEASURE;
import static org.rectification.ledger.sheet.Field.OWNER;
import static org.rectification.ledger.sheet.Field.PROBLEM;
import static org.rectification.ledger.sheet.Field.PROGRESS;
import static org.rectification.ledger.sheet.Field.REMARKS;
import static org.rectification.ledger.sheet.Field.SEQUENCE;
import static org.rectification.ledger.sheet.Field.STATUS;
import static org.rectification.ledger.sheet.Field.TASK_CODE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.rectification.ledger.bench.SheetLayout;
import org.rectification.ledger.bench.SheetLayout.Format;
import org.rectification.ledger.bench.SheetLayout.Placement;
import org.rectification.ledger.bench.TaskLine;

/**
 * The sample county (某县): its roster, and every file its departments drop in October and November 2026,
 * each with the variations it shows and the outcome the consolidation must reach. The single source for
 * both the generated sheets and MANIFEST.md.
 */
final class SampleCounty {

    static final String CAMPAIGN = "县委第三轮巡察";

    static final LocalDate FEEDBACK_DATE = LocalDate.of(2026, 9, 15);

    static final int IMMEDIATE_DAYS = 30;

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    /**
     * A roster line.
     *
     * @param aliases the 别名 cell as the office typed it, separators and all
     */
    record Department(String name, String aliases) {
    }

    static final List<Department> ROSTER = List.of(new Department("县民政局", "民政局;县民政"),
            new Department("县教育局", "教育局、县教育"), new Department("县财政局", "财政局|县财政"),
            new Department("县卫生健康局", "卫健局;县卫健局;卫生健康局"), new Department("县住房和城乡建设局", "住建局、县住建局"),
            new Department("县自然资源局", "自然资源局"), new Department("县农业农村局", "农业农村局;县农业局"),
            new Department("县审计局", "审计局"), new Department("县市场监督管理局", "市场监管局|县市场监管局"),
            new Department("县人力资源和社会保障局", "人社局;县人社局、人力资源和社会保障局"));

    enum Kind {

        /** A workbook written from its layout and lines. */
        WORKBOOK,
        /** The same bytes as {@link SampleFile#source()}, under another name. */
        SAME_BYTES,
        /** The first bytes of {@link SampleFile#source()}: an interrupted download. */
        TRUNCATED,
        /** A plain text file with a spreadsheet's extension. */
        TEXT

    }

    enum Outcome {

        ACCEPTED("accepted"), REJECTED("rejected"), DUPLICATE("duplicate"), SUPERSEDED("superseded");

        final String label;

        Outcome(String label) {
            this.label = label;
        }

    }

    /**
     * One file in a month's folder.
     *
     * @param month the folder, e.g. 2026-10
     * @param name the file name
     * @param department the roster name it comes from, the unit it claims when not on the roster, or null
     * @param kind how it is produced
     * @param layout its layout, for workbooks
     * @param lines its task lines, for workbooks
     * @param source for copies and truncations, the file name in the same folder it is made from
     * @param variations which of the ways real sheets differ it shows
     * @param outcome what the run must do with it
     * @param fileFindings submission findings expected, e.g. "SIGNATURE_MISSING: 审核人"
     * @param notes cross-month findings without a row (TASK_DROPPED) and anything else to know
     */
    record SampleFile(YearMonth month, String name, String department, Kind kind, SheetLayout layout,
            List<TaskLine> lines, String source, List<String> variations, Outcome outcome, List<String> fileFindings,
            List<String> notes) {

        String folder() {
            return this.month.toString();
        }

        String formatLabel() {
            if (this.kind == Kind.TEXT) {
                return "text (named .xls)";
            }
            if (this.kind == Kind.TRUNCATED) {
                return "truncated zip";
            }
            return (this.layout != null && this.layout.format() == Format.XLS) ? "xls (BIFF8)" : "xlsx";
        }

    }

    /** A feedback problem of one department: category, text, responsible leader and the unit that reports. */
    private record Problem(String category, String text, String leader, String unit) {

        TaskLine task(String code, String measure, String owner, Object deadline, String status, String progress,
                String evidence) {
            return new TaskLine(code, this.category, this.text, measure, this.leader, this.unit, null, owner, deadline,
                    status, progress, evidence, null, null, Set.of());
        }

    }

    private SampleCounty() {
    }

    static List<SampleFile> files() {
        List<SampleFile> files = new ArrayList<>();
        minzheng(files);
        jiaoyu(files);
        caizheng(files);
        weijian(files);
        zhujian(files);
        ziranziyuan(files);
        nongye(files);
        shenji(files);
        shichang(files);
        renshe(files);
        dangan(files);
        broken(files);
        files.sort((a, b) -> (a.folder() + "/" + a.name()).compareTo(b.folder() + "/" + b.name()));
        return files;
    }

    // --- 县民政局: two-row header, instructions sheet first, hidden dropdown sheet, task codes, one-cell signatures

    private static void minzheng(List<SampleFile> files) {
        String unit = "县民政局";
        Problem p1 = new Problem("全面从严治党方面", "落实全面从严治党主体责任不到位，党组研究部署党风廉政建设工作不及时，对局属单位监督管理偏松偏软",
                "王建国", unit);
        Problem p2 = new Problem("民生保障方面", "民生资金监管不严，低保、特困供养资金发放审核把关不细，存在重复享受、死亡未及时退出等问题", "刘志强",
                "县民政局社会救助股");
        Problem p3 = new Problem("作风建设方面", "干部作风不实，服务群众“最后一公里”不畅通，基层反映办事慢、跑多次", "王建国", unit);
        List<TaskLine> october = List.of(
                p1.task("MZ-01-1", "党组每季度至少专题研究1次党风廉政建设工作，制定年度主体责任清单", "周敏", "立行立改", "已完成",
                        "2026年9月28日党组会议专题研究，印发《2026年度全面从严治党主体责任清单》", "党组会议纪要、主体责任清单")
                    .withCoDepartments("/"),
                p1.task("MZ-01-2", "对局属5家事业单位开展监督检查全覆盖", "陈立", LocalDate.of(2026, 12, 31), "正在整改",
                        "已完成县社会福利院、县救助管理站2家单位检查", "/")
                    .withCoDepartments("驻局纪检监察组"),
                p1.task("MZ-01-3", "建立廉政风险点台账，每半年更新一次", "陈立", "长期坚持", "长期坚持", "已梳理廉政风险点42个，制定防控措施56条",
                        "廉政风险点台账"),
                p2.task("MZ-02-1", "开展低保对象全面清查，对重复享受、死亡未退出人员立即停发并追缴资金", "赵静", LocalDate.of(2026, 10, 31),
                        "正在整改", "已比对数据12860条，停发37人", "无"),
                p2.task("MZ-02-2", "建立民政、公安、卫健、医保部门数据比对机制，每季度比对一次", "赵静", LocalDate.of(2026, 11, 30), "推进中",
                        "已与县公安局签订数据共享协议", "/")
                    .withCoDepartments("县公安局、县卫生健康局、县医疗保障局"),
                p2.task("MZ-02-3", "修订《城乡最低生活保障审核确认办法》，落实入户调查、民主评议、公示三项制度", "孙磊",
                        LocalDate.of(2026, 12, 31), "未启动", "/", "/"),
                p3.task("MZ-03-1", "推行社会救助事项“一窗受理、限时办结”，公开办理时限", "孙磊", "立行立改", "已整改",
                        "10月1日起在县政务服务中心设立社会救助综合窗口", "窗口设置文件、公示照片")
                    .withCoDepartments("县政务服务中心"),
                p3.task("MZ-03-2", "开展作风建设专项整治，对群众反映的问题逐件回访", "周敏", LocalDate.of(2026, 12, 31), "正在整改",
                        "已回访群众46人次", "待定"));
        List<TaskLine> november = List.of(october.get(0).carried(),
                october.get(1).report("已完成", "5家事业单位监督检查全部完成，下发整改通知书5份", "检查通报、整改通知书"),
                october.get(2).report("长期坚持", "已梳理廉政风险点42个，11月新增风险点3个", "廉政风险点台账"),
                october.get(3).report("已完成", "清查全部完成，停发37人，追回资金18.6万元", "清查台账、资金追缴凭证"),
                october.get(4)
                    .withDeadline(LocalDate.of(2027, 1, 31))
                    .withRemarks("经县委巡察办同意，整改时限调整至2027年1月底")
                    .report("推进中", "卫健、医保部门数据接口正在调试", "/"),
                october.get(5).report("正在整改", "修订稿已征求各乡镇意见", "/"),
                october.get(6).carried(),
                october.get(7).report("正在整改", "已回访群众132人次，办结率96%", "回访台账"));
        files.add(workbook(OCTOBER, "民政局-10月整改任务分解表.xlsx", unit, minzhengLayout("2026年10月8日"), october,
                List.of("title row merged across all columns", "填报单位/填报日期 line",
                        "two-row header: 责任主体 merged over 责任领导|责任单位|责任人, other header cells merged vertically",
                        "category, problem and leader merged vertically", "task codes MZ-xx-x", "date cells and 立行立改/长期坚持",
                        "填表说明 sheet first (visible, no header)", "hidden 下拉选项 sheet with a status dropdown (named range)",
                        "placeholders / 无 待定 in 配合单位/佐证材料", "one-cell signature line + （盖章） line"),
                Outcome.ACCEPTED, List.of(), List.of()));
        files.add(workbook(NOVEMBER, "民政局-11月整改任务分解表.xlsx", unit, minzhengLayout("2026年11月5日"), november,
                List.of("same layout as October", "MZ-01-2 and MZ-02-1 completed with progress and evidence",
                        "MZ-02-2 deadline moved 2026-11-30 → 2027-01-31 with a 备注 explaining it (no warning)"),
                Outcome.ACCEPTED, List.of(), List.of()));
    }

    private static SheetLayout minzhengLayout(String filled) {
        SheetLayout layout = new SheetLayout().sheetName("整改任务分解表")
            .title("县民政局巡察反馈问题整改任务分解表")
            .unitLine("填报单位：县民政局    填报日期：" + filled)
            .column(TASK_CODE, "任务编号")
            .column(CATEGORY, "问题类别")
            .column(PROBLEM, "反馈问题")
            .column(MEASURE, "整改措施")
            .grouped("责任主体", LEADER, "责任领导")
            .grouped("责任主体", DEPARTMENT, "责任单位")
            .grouped("责任主体", OWNER, "责任人")
            .column(CO_DEPARTMENTS, "配合单位")
            .column(DEADLINE, "整改时限")
            .column(STATUS, "整改状态")
            .column(PROGRESS, "整改进展")
            .column(EVIDENCE, "佐证材料")
            .column(REMARKS, "备注")
            .mergeLeader()
            .instructions(Placement.FIRST)
            .dropdownSheet()
            .signMerged(0, 0, 8, "填报人：周敏  审核人：李红梅  单位负责人（签字）：王建国")
            .sign(1, 0, "（盖章）")
            .author("周敏");
        return layout.savedAt(saved(filled));
    }

    // --- 县教育局 (.xls): two-row header in BIFF8, date cells, names in the next non-empty cell, picture signature

    private static void jiaoyu(List<SampleFile> files) {
        String unit = "县教育局";
        Problem p1 = new Problem("政治建设方面", "学习贯彻习近平新时代中国特色社会主义思想不够深入，“第一议题”制度落实不到位", "何建华", "县教育局办公室");
        Problem p2 = new Problem("业务工作方面", "教育收费管理不规范，部分学校违规收取资料费、代办服务费", "罗振东", "县教育局计划财务股");
        Problem p3 = new Problem("作风建设方面", "干部作风不实，对基层学校督导检查走过场", "何建华", "县教育局督导室");
        List<TaskLine> october = List.of(
                p1.task(null, "严格落实“第一议题”制度，制定党组理论学习中心组年度学习计划", "郑丽", LocalDate.of(2026, 10, 31), "已完成",
                        "已印发2026年度党组理论学习中心组学习计划", "学习计划文件、会议记录"),
                p1.task(null, "举办专题读书班，每名班子成员撰写心得体会", "郑丽", LocalDate.of(2026, 11, 30), "推进中", "读书班已举办1期",
                        "/"),
                p2.task(null, "对全县中小学收费情况开展专项检查，违规收取的费用全部清退", "黄伟", LocalDate.of(2026, 12, 31), "正在整改",
                        "已检查学校23所，清退费用4.2万元", "/"),
                p2.task(null, "建立收费公示和群众举报核查制度", "黄伟", LocalDate.of(2026, 12, 15), "未开始", "/", "/"),
                p2.task(null, "将收费规范情况纳入学校年度考核", "唐敏", LocalDate.of(2027, 3, 31), "未启动", "/", "/"),
                p3.task(null, "完善督导检查清单，实行督导问题销号管理", "唐敏", LocalDate.of(2026, 10, 20), "已完成",
                        "已印发督导检查清单，建立问题销号台账", "督导检查清单、销号台账"));
        List<TaskLine> november = List.of(october.get(0).carried(),
                october.get(1).report("已完成", "读书班2期均已举办，收到心得体会7篇", "读书班通知、心得体会汇编"),
                october.get(2).report("正在整改", "已检查学校41所，清退费用9.8万元", "/"),
                october.get(4).carried(), october.get(5).carried());
        SheetLayout octoberLayout = jiaoyuLayout("2026年10月9日");
        octoberLayout.sign(0, 8, "单位负责人（签字）：").sign(0, 10, "何建华");
        files.add(workbook(OCTOBER, "教育局-10月整改任务分解表.xls", unit, octoberLayout, october,
                List.of("BIFF8 .xls", "title row merged", "two-row header (责任主体 group) in HSSF",
                        "category and problem merged vertically", "no task codes", "real date cells (yyyy年m月d日 format)",
                        "signature labels with the name in the next non-empty cell to the right (one empty cell between)"),
                Outcome.ACCEPTED, List.of(), List.of()));
        SheetLayout novemberLayout = jiaoyuLayout("2026年11月6日");
        novemberLayout.sign(0, 8, "单位负责人（签字）：").picture(0, 9, 2, 11, SignaturePicture.scribble());
        files.add(workbook(NOVEMBER, "教育局-11月整改任务分解表.xls", unit, novemberLayout, november,
                List.of("same layout as October", "单位负责人 signed with a handwritten-signature picture (HSSF) anchored on the cells right of the label, no typed name",
                        "the task 建立收费公示和群众举报核查制度 (not completed in October) is no longer in the sheet"),
                Outcome.ACCEPTED, List.of(), List.of("The dropped task stays in the ledger with its October state")));
    }

    private static SheetLayout jiaoyuLayout(String filled) {
        return new SheetLayout().format(Format.XLS)
            .sheetName("整改台账")
            .title("县教育局巡察反馈问题整改任务分解表")
            .column(SEQUENCE, "序号")
            .column(CATEGORY, "问题类别")
            .column(PROBLEM, "反馈问题")
            .column(MEASURE, "整改措施")
            .grouped("责任主体", LEADER, "责任领导")
            .grouped("责任主体", DEPARTMENT, "责任单位")
            .grouped("责任主体", OWNER, "责任人")
            .column(DEADLINE, "整改时限")
            .column(STATUS, "整改状态")
            .column(PROGRESS, "整改进展")
            .column(EVIDENCE, "佐证材料")
            .sign(0, 0, "填报人：")
            .sign(0, 2, "郑丽")
            .sign(0, 4, "审核人：")
            .sign(0, 6, "罗振东")
            .sign(2, 0, "填报日期：" + filled)
            .savedAt(saved(filled));
    }

    // --- 县财政局: unknown extra column 督办科室, leader merged, slash dates; November resubmission

    private static void caizheng(List<SampleFile> files) {
        String unit = "县财政局";
        Problem p1 = new Problem("全面从严治党方面", "财政资金监管存在漏洞，专项资金拨付审核把关不严", "邓志刚", "县财政局预算股");
        Problem p2 = new Problem("业务工作方面", "政府采购管理不规范，部分项目未按规定公开采购信息", "邓志刚", "县财政局政府采购股");
        Problem p3 = new Problem("作风建设方面", "干部作风不实，对预算单位的业务指导不及时、不到位", "马国栋", "县财政局办公室");
        List<TaskLine> october = List.of(
                p1.task("CZ-01-1", "对2024年以来拨付的专项资金开展全面自查", "吴倩", "2026/11/30", "正在整改", "已自查项目102个", "/")
                    .withExtra("督查室"),
                p1.task("CZ-01-2", "修订专项资金管理办法，建立拨付前联审制度", "胡斌", "2026/12/31", "正在整改", "办法修订稿已起草", "/")
                    .withExtra("督查室"),
                p2.task("CZ-02-1", "对2025年以来政府采购项目逐项检查信息公开情况，未公开的立即补充公开", "许丽", "立行立改", "已完成",
                        "检查项目218个，补充公开17个", "检查台账、补充公开截图")
                    .withExtra("督查室"),
                p2.task("CZ-02-2", "开展政府采购业务培训，覆盖全部预算单位", "许丽", LocalDate.of(2026, 12, 20), "未启动", "/", "/")
                    .withExtra("/"),
                p3.task("CZ-03-1", "建立预算单位联系服务制度，每名业务骨干联系3至5家单位", "胡斌", "2026/12/31", "推进中",
                        "联系服务名单已确定", "/")
                    .withExtra("督查室"));
        TaskLine newTask = p3.task("CZ-03-2", "每季度召开一次预算单位业务座谈会", "胡斌", "2026/12/31", "正在整改",
                "11月3日召开第一次座谈会", "会议通知、签到表").withExtra("督查室");
        List<TaskLine> november = List.of(
                october.get(0).report("已完成", "完成自查项目186个，发现问题9个，已全部整改", "自查报告、问题整改清单"),
                october.get(1).report("正在整改", "办法已提交局党组会审议", "/"), october.get(2).carried(),
                october.get(3).report("推进中", "培训方案已制定，定于12月上旬举办", "/"),
                october.get(4).report("推进中", "已联系预算单位38家", "/"), newTask);
        List<TaskLine> firstNovember = new ArrayList<>(november);
        firstNovember.set(4, october.get(4).report("推进中", "已联系预算单位38家", "/").expect(TASK_CODE_DUPLICATE));
        firstNovember.set(5, newTask.withCode("CZ-03-1").expect(TASK_CODE_DUPLICATE));
        files.add(workbook(OCTOBER, "财政局-10月整改任务分解表.xlsx", unit, caizhengLayout("2026年10月9日"), october,
                List.of("title row merged", "unknown extra column 督办科室 (kept, not a field)", "leader merged vertically",
                        "deadlines as 2026/12/31 text, a date cell and 立行立改", "task codes CZ-xx-x",
                        "one-cell signature with 单位主要负责人 + 填报日期 line + （盖章）"),
                Outcome.ACCEPTED, List.of(), List.of()));
        files.add(workbook(NOVEMBER, "财政局-11月.xlsx", unit, caizhengLayout("2026年11月4日"), firstNovember,
                List.of("first November file of 县财政局", "a new task typed with an existing code: CZ-03-1 twice"),
                Outcome.SUPERSEDED, List.of(), List.of(
                        "Superseded by 财政局-11月（修改版）.xlsx (same department and month, later; sorts after this name)",
                        "If processed before its replacement: CZ-01-1..CZ-02-2 merged, both CZ-03-1 rows not merged; the replacement then replaces its rows")));
        files.add(workbook(NOVEMBER, "财政局-11月（修改版）.xlsx", unit, caizhengLayout("2026年11月6日"), november,
                List.of("corrected resubmission: the new task is CZ-03-2", "CZ-01-1 completed with progress and evidence"),
                Outcome.ACCEPTED, List.of(), List.of("SUPERSEDED notice belongs to 财政局-11月.xlsx")));
    }

    private static SheetLayout caizhengLayout(String filled) {
        return new SheetLayout().sheetName("Sheet1")
            .title("县财政局落实县委第三轮巡察反馈问题整改任务分解表")
            .column(TASK_CODE, "任务编号")
            .column(CATEGORY, "问题类别")
            .column(PROBLEM, "反馈问题")
            .column(MEASURE, "整改措施")
            .column(LEADER, "责任领导")
            .column(DEPARTMENT, "责任单位")
            .column(OWNER, "责任人")
            .column(DEADLINE, "整改时限")
            .column(STATUS, "整改状态")
            .column(PROGRESS, "整改进展")
            .column(EVIDENCE, "佐证材料")
            .column(null, "督办科室")
            .column(REMARKS, "备注")
            .mergeLeader()
            .signMerged(0, 0, 9, "填报人：吴倩  审核人：林涛  单位主要负责人：马国栋")
            .sign(1, 0, "填报日期：" + filled)
            .sign(1, 6, "（盖章）")
            .author("吴倩")
            .savedAt(saved(filled));
    }

    // --- 县卫生健康局: header aliases, dotted dates, ASCII colons; November WPS in-cell picture (DISPIMG)

    private static void weijian(List<SampleFile> files) {
        String unit = "县卫生健康局";
        Problem p1 = new Problem("业务工作方面", "医疗机构监管不到位，部分村卫生室药品管理混乱、过期药品未及时清理", "韩冬", "县卫生健康局医政医管股");
        Problem p2 = new Problem("全面从严治党方面", "医德医风建设不到位，收受“红包”、回扣问题时有发生", "曹志明", "县卫生健康局机关纪委");
        List<TaskLine> october = List.of(
                p1.task(null, "开展村卫生室药品专项检查，全面清理过期药品", "冯雪", "2026.10.31", "已完成",
                        "检查村卫生室126家，清理过期药品83盒", "检查记录、销毁登记表"),
                p1.task(null, "建立村卫生室药品进销存台账，每月抽查", "冯雪", "长期", "持续推进", "已建立台账模板并下发", "/"),
                p1.task(null, "对检查发现问题的村卫生室负责人进行约谈", "彭亮", "尽快", "未开始", "/", "/")
                    .expect(DEADLINE_UNPARSEABLE),
                p2.task(null, "开展医药领域腐败问题集中整治", "彭亮", "2026.12.31", "整改中", "已完成自查自纠阶段", "/"),
                p2.task(null, "签订医德医风承诺书，实现全员覆盖", "彭亮", "立行立改", "已完成", "全系统1326名医务人员全部签订承诺书",
                        "承诺书汇总表"),
                p2.task(null, "建立医务人员廉洁从业档案", "冯雪", "2027.06.30", "未启动", "/", "/"));
        List<TaskLine> november = List.of(
                october.get(0).report("正在整改", "复查发现3家村卫生室仍有过期药品，重新整改", "检查记录")
                    .expect(STATUS_REGRESSED),
                october.get(1).report("持续推进", "11月抽查村卫生室30家", "抽查记录"),
                october.get(2).withDeadline("2026.11.30").report("已完成", "已约谈村卫生室负责人11人", "约谈记录"),
                october.get(3).report("整改中", "进入集中整治阶段，立案2件", "/"), october.get(4).carried(),
                october.get(5).report("部分完成", "县人民医院、县中医院已完成建档", "/"));
        SheetLayout octoberLayout = weijianLayout("2026年10月9日")
            .sign(0, 1, "填报人:冯雪")
            .sign(0, 4, "审核人:谢军")
            .sign(0, 7, "单位负责人:曹志明");
        files.add(workbook(OCTOBER, "卫健局-10月整改任务分解表.xlsx", unit, octoberLayout, october,
                List.of("header aliases 问题类型/问题描述/具体措施/牵头领导/责任部门/具体责任人/完成时限/完成情况/落实情况/佐证资料",
                        "deadlines 2026.12.31 / 长期 / 立行立改 / 尽快", "status words 整改中, 持续推进, 未开始",
                        "signatures with ASCII colons 填报人:冯雪, one label per cell", "no task codes"),
                Outcome.ACCEPTED, List.of(), List.of()));
        SheetLayout novemberLayout = weijianLayout("2026年11月5日")
            .sign(0, 1, "填报人：冯雪")
            .sign(0, 4, "审核人：谢军")
            .sign(0, 7, "单位负责人：")
            .cellImage(0, 8, "ID_ABC123", SignaturePicture.scribble());
        files.add(workbook(NOVEMBER, "卫健局-11月整改任务分解表.xlsx", unit, novemberLayout, november,
                List.of("WPS in-cell picture: 单位负责人 signed by _xlfn.DISPIMG(\"ID_ABC123\",1) in the next cell + xl/cellimages.xml",
                        "the 约谈 task fixed (2026.11.30, 已完成): new to the ledger", "a completed task reopened (正在整改)",
                        "status word 部分完成"),
                Outcome.ACCEPTED, List.of(), List.of()));
    }

    private static SheetLayout weijianLayout(String filled) {
        return new SheetLayout().sheetName("整改清单")
            .title("县卫生健康局巡察反馈问题整改落实情况表")
            .column(SEQUENCE, "序号")
            .column(CATEGORY, "问题类型")
            .column(PROBLEM, "问题描述")
            .column(MEASURE, "具体措施")
            .column(LEADER, "牵头领导")
            .column(DEPARTMENT, "责任部门")
            .column(OWNER, "具体责任人")
            .column(DEADLINE, "完成时限")
            .column(STATUS, "完成情况")
            .column(PROGRESS, "落实情况")
            .column(EVIDENCE, "佐证资料")
            .author("冯雪")
            .savedAt(saved(filled));
    }

    // --- 县住房和城乡建设局: columns in another order, messy headers, Chinese text dates, codes

    private static void zhujian(List<SampleFile> files) {
        String unit = "县住房和城乡建设局";
        Problem p1 = new Problem("业务工作方面", "城镇老旧小区改造项目推进缓慢，部分项目质量监管缺位", "姚建平", "县住房和城乡建设局质量安全监督站");
        Problem p2 = new Problem("全面从严治党方面", "工程建设领域廉政风险防控不到位，招投标监管存在薄弱环节", "钱卫东", "县住房和城乡建设局建筑市场股");
        Problem p3 = new Problem("作风建设方面", "物业管理投诉办理不及时，群众满意度不高", "姚建平", "县住房和城乡建设局房产股");
        List<TaskLine> october = List.of(
                p1.task("ZJ-01-1", "对2025年老旧小区改造项目逐个开展质量排查", "蒋磊", "2026年11月30日", "正在整改", "已排查项目9个", "/"),
                p1.task("ZJ-01-2", "倒排工期，确保剩余6个项目年底前完工", "蒋磊", "2026年12月31日", "推进中", "已完工2个", "/"),
                p2.task("ZJ-02-1", "开展工程建设招投标专项整治，排查围标串标问题", "方强", "2026年12月底", "正在整改", "已排查项目35个", "/"),
                p2.task("ZJ-02-2", "建立工程项目廉政风险防控清单", "方强", "12月31日前", "未启动", "/", "/"),
                p3.task("ZJ-03-1", "建立物业投诉“接诉即办”机制，投诉3日内响应", "沈洁", "立行立改", "已完成", "10月起实行接诉即办，响应率100%",
                        "工作机制文件、投诉台账"),
                p3.task("ZJ-03-2", "开展物业服务质量星级评定", "沈洁", "2027年上半年", "未开始", "/", "/"));
        List<TaskLine> november = List.of(
                october.get(0).report("已完成", "完成排查项目14个，整改质量问题27处", "排查报告、整改照片"),
                october.get(1).withDeadline("2027年3月31日").report("推进中", "已完工3个", "/").expect(DEADLINE_POSTPONED),
                october.get(2).withOwner("待定").report("正在整改", "已排查项目61个", "/").expect(OWNER_MISSING),
                october.get(3).report("推进中", "清单初稿已形成", "/"), october.get(4).carried(), october.get(5).carried());
        files.add(workbook(OCTOBER, "住建局-10月整改任务分解表.xlsx", unit, zhujianLayout("2026年10月9日"), october,
                List.of("columns in another order (责任人 before 责任单位 before 责任领导, 问题类别 last)",
                        "headers with stray spaces, full-width spaces and line breaks: ' 序　号', '责 任 人', '责任单位\\n', '整改\\n时限', '佐证材料　'",
                        "deadlines 2026年11月30日 / 2026年12月底 / 12月31日前 / 2027年上半年 / 立行立改", "task codes ZJ-xx-x",
                        "one-cell signature with 主要负责人"),
                Outcome.ACCEPTED, List.of(), List.of()));
        files.add(workbook(NOVEMBER, "住建局-11月整改任务分解表.xlsx", unit, zhujianLayout("2026年11月6日"), november,
                List.of("ZJ-01-2 deadline moved 2026-12-31 → 2027-03-31 with an empty 备注", "ZJ-02-1 owner 待定",
                        "ZJ-01-1 completed with progress and evidence"),
                Outcome.ACCEPTED, List.of(), List.of("ZJ-02-1 keeps its October state in the ledger (row error)")));
    }

    private static SheetLayout zhujianLayout(String filled) {
        return new SheetLayout().sheetName("住建局")
            .title("县住房和城乡建设局巡察反馈问题整改任务分解表")
            .unitLine("填报单位：县住房和城乡建设局    填报日期：" + filled)
            .column(SEQUENCE, " 序　号")
            .column(TASK_CODE, "任务编号")
            .column(PROBLEM, "反馈问题")
            .column(MEASURE, "整改措施")
            .column(OWNER, "责 任 人")
            .column(DEPARTMENT, "责任单位\n")
            .column(LEADER, "责任领导")
            .column(DEADLINE, "整改\n时限")
            .column(STATUS, "整改状态")
            .column(PROGRESS, "整改进展")
            .column(REMARKS, "备注")
            .column(EVIDENCE, "佐证材料　")
            .column(CATEGORY, "问题类别")
            .signMerged(0, 1, 9, "填报人：蒋磊  审核人：沈洁  主要负责人：钱卫东")
            .author("蒋磊")
            .savedAt(saved(filled));
    }

    // --- 县自然资源局: blank rows inside the table, picture signature and seal (XSSF); November dropped twice

    private static void ziranziyuan(List<SampleFile> files) {
        String unit = "县自然资源局";
        Problem p1 = new Problem("业务工作方面", "耕地保护责任落实不到位，违法占用耕地问题整治不彻底", "高峰", "县自然资源局执法大队");
        Problem p2 = new Problem("全面从严治党方面", "矿产资源出让管理不规范，个别采矿权出让未严格执行招拍挂制度", "林海", "县自然资源局矿管股");
        List<TaskLine> october = List.of(
                p1.task(null, "对2023年以来卫片执法图斑逐一核查销号", "唐明", "2026年12月底", "正在整改", "已核查图斑214个", "/"),
                p1.task(null, "对违法占用耕地建房问题依法拆除复耕", "唐明", "2026-12-31", "正在整改", "已拆除复耕12宗", "/"),
                p1.task(null, "建立耕地保护田长制巡查机制", "许静", "长期坚持", "长期坚持", "已设立三级田长312名", "田长制实施方案"),
                p2.task(null, "对全县采矿权出让情况开展全面复查", "许静", LocalDate.of(2026, 11, 30), "", "/", "/")
                    .expect(STATUS_MISSING),
                p2.task(null, "完善矿产资源出让集体决策制度", "许静", LocalDate.of(2026, 12, 31), "未启动", "/", "/"));
        List<TaskLine> november = List.of(october.get(0).report("正在整改", "已核查图斑388个，销号301个", "/"),
                october.get(1).report("已完成", "违法占用耕地建房问题20宗全部拆除复耕", "拆除复耕验收表、现场照片"),
                october.get(2).report("长期坚持", "田长巡查发现问题9个，已全部处置", "巡查记录"),
                october.get(3).report("推进中", "已复查采矿权7宗", "/"), october.get(4).carried());
        files.add(workbook(OCTOBER, "自然资源局-10月整改任务分解表.xlsx", unit, ziranziyuanLayout("2026年10月8日"), october,
                List.of("blank row between problems inside the table", "填报单位/填报日期 line",
                        "单位负责人 signed with a handwritten-signature picture (XSSF) anchored right of the label, no typed name",
                        "red seal picture on the （盖章） cell", "deadlines 2026年12月底 / 2026-12-31 text / date cells / 长期坚持",
                        "a task with an empty status"),
                Outcome.ACCEPTED, List.of(), List.of()));
        files.add(workbook(NOVEMBER, "自然资源局-11月.xlsx", unit, ziranziyuanLayout("2026年11月5日"), november,
                List.of("same layout as October", "one task completed with progress and evidence"), Outcome.ACCEPTED,
                List.of(), List.of()));
        files.add(new SampleFile(NOVEMBER, "自然资源局-11月（重复）.xlsx", unit, Kind.SAME_BYTES, null, List.of(),
                "自然资源局-11月.xlsx", List.of("byte-identical copy of 自然资源局-11月.xlsx dropped again under another name"),
                Outcome.DUPLICATE, List.of("DUPLICATE_FILE"),
                List.of("Whichever of the pair is processed second is the duplicate; by file-name order that is this one")));
    }

    private static SheetLayout ziranziyuanLayout(String filled) {
        return new SheetLayout().sheetName("Sheet1")
            .title("县自然资源局巡察反馈问题整改任务分解表")
            .unitLine("填报单位：县自然资源局                    填报日期：" + filled)
            .column(SEQUENCE, "序号")
            .column(CATEGORY, "问题类别")
            .column(PROBLEM, "反馈问题")
            .column(MEASURE, "整改措施")
            .column(LEADER, "责任领导")
            .column(DEPARTMENT, "责任单位")
            .column(OWNER, "责任人")
            .column(DEADLINE, "整改时限")
            .column(STATUS, "整改状态")
            .column(PROGRESS, "整改进展")
            .column(EVIDENCE, "佐证材料")
            .blankRowBetweenProblems()
            .sign(0, 1, "填报人：唐明")
            .sign(0, 4, "审核人：许静")
            .sign(0, 7, "单位负责人（签字）：")
            .picture(0, 8, 2, 10, SignaturePicture.scribble())
            .sign(3, 7, "（盖章）")
            .picture(2, 7, 5, 9, SignaturePicture.seal())
            .author("唐明")
            .savedAt(saved(filled));
    }

    // --- 县农业农村局: 序号 formulas, blank trailing columns, 年内; does not submit in November

    private static void nongye(List<SampleFile> files) {
        String unit = "县农业农村局";
        Problem p1 = new Problem("业务工作方面", "惠农补贴资金发放不及时，部分耕地地力保护补贴存在漏发错发", "周海", "县农业农村局计划财务股");
        Problem p2 = new Problem("作风建设方面", "高标准农田建设项目监管不力，部分项目建后管护缺失", "周海", "县农业农村局农田建设股");
        List<TaskLine> october = List.of(
                p1.task(null, "对2025年度耕地地力保护补贴发放情况全面核查", "杨帆", "2026年12月底前", "正在整改", "已核查乡镇6个", "/"),
                p1.task(null, "对漏发错发补贴逐户补发或追回", "杨帆", "年内", "未启动", "/", "/").expect(DEADLINE_UNPARSEABLE),
                p2.task(null, "对已建成高标准农田项目开展质量“回头看”", "金鑫", "2026年底", "推进中", "已完成项目12个", "/"),
                p2.task(null, "落实高标准农田建后管护主体和经费", "金鑫", "长期坚持", "长期坚持", "已明确管护主体", "管护协议"),
                p2.task(null, "对项目验收把关不严问题追责问责", "孔亮", "立行立改", "已销号", "已对2名责任人作出诫勉处理", "处理决定"));
        SheetLayout layout = new SheetLayout().sheetName("整改任务")
            .title("县农业农村局巡察反馈问题整改任务分解表")
            .unitLine("填报单位：县农业农村局    填报日期：2026年10月8日")
            .column(SEQUENCE, "序号")
            .column(CATEGORY, "问题类别")
            .column(PROBLEM, "反馈问题")
            .column(MEASURE, "整改措施")
            .column(LEADER, "责任领导")
            .column(DEPARTMENT, "责任单位")
            .column(OWNER, "责任人")
            .column(DEADLINE, "整改时限")
            .column(STATUS, "整改状态")
            .column(PROGRESS, "整改进展")
            .column(EVIDENCE, "佐证材料")
            .trailingBlankColumns(3)
            .sequenceFormulas()
            .signMerged(0, 0, 8, "填报人：杨帆  审核人：金鑫  单位负责人（签字）：孔德明")
            .sign(1, 0, "填报日期：2026年10月8日")
            .author("杨帆")
            .savedAt(saved("2026年10月8日"));
        files.add(workbook(OCTOBER, "农业农村局-10月整改任务分解表.xlsx", unit, layout, october,
                List.of("序号 as formulas =ROW()-3 with cached values", "3 blank trailing columns (bordered, empty headers)",
                        "deadlines 2026年12月底前 / 2026年底 / 长期坚持 / 立行立改 / 年内", "status word 已销号"),
                Outcome.ACCEPTED, List.of(), List.of("县农业农村局 submits nothing in November (missing submission)")));
    }

    // --- 县审计局 (.xls): more header aliases, status words, placeholders; November reviewer did not sign

    private static void shenji(List<SampleFile> files) {
        String unit = "县审计局";
        Problem p1 = new Problem("业务工作方面", "审计整改督促不力，部分审计发现问题长期未整改到位", "龚平", "县审计局法规审理股");
        Problem p2 = new Problem("组织建设方面", "干部队伍专业能力不足，审计人员结构老化", "夏涛", "县审计局办公室");
        List<TaskLine> october = List.of(
                p1.task(null, "建立审计发现问题整改台账，实行对账销号", "任雪", "12月31日前", "部分完成", "已建立台账，涉及问题64个", "/")
                    .withCoDepartments("/"),
                p1.task(null, "对2024年度审计发现问题整改情况开展“回头看”", "任雪", "2026年12月31日", "整改中", "已完成8个单位", "待定")
                    .withCoDepartments("县纪委监委"),
                p1.task(null, "将审计整改情况纳入单位年度考核", "段勇", "立行立改", "已整改", "已报请县委将审计整改纳入年度考核", "考核办法")
                    .withCoDepartments("县委督查室"),
                p2.task(null, "制定审计干部专业能力提升三年计划", "段勇", "2026.12.31", "未开始", "无", "无").withCoDepartments("无"),
                p2.task(null, "每年至少组织2次审计业务培训", "段勇", "持续推进", "长期坚持", "本年度已组织培训1次", "培训通知")
                    .withCoDepartments("/"),
                p2.task(null, "争取公开招录审计专业人员", "任雪", "2027年6月底", "未开始", "/", "/")
                    .withCoDepartments("县委组织部、县人力资源和社会保障局"));
        List<TaskLine> november = List.of(october.get(0).report("部分完成", "已销号问题41个", "/"),
                october.get(1).report("整改中", "已完成15个单位", "/"), october.get(2).carried(),
                october.get(3).report("整改中", "计划初稿已形成", "/"), october.get(4).carried(), october.get(5).carried());
        SheetLayout octoberLayout = shenjiLayout("2026年10月9日")
            .sign(0, 1, "填报人：")
            .sign(0, 2, "任雪")
            .sign(0, 4, "审核人：")
            .sign(0, 5, "夏涛")
            .sign(0, 7, "单位负责人：")
            .sign(0, 8, "龚平");
        files.add(workbook(OCTOBER, "审计局-10月整改任务分解表.xls", unit, octoberLayout, october,
                List.of("BIFF8 .xls", "header aliases 类别/巡察反馈问题/整改任务/分管领导/责任科室/责任人员/整改期限/进度状态/整改情况/证明材料/协办单位",
                        "status words 部分完成, 整改中, 已整改, 未开始, 长期坚持",
                        "placeholders / 无 待定 in 协办单位, 整改情况, 证明材料",
                        "deadlines 12月31日前 / 2026年12月31日 / 2026.12.31 / 持续推进 / 2027年6月底 / 立行立改",
                        "signature label in one cell, name in the next cell"),
                Outcome.ACCEPTED, List.of(), List.of()));
        SheetLayout novemberLayout = shenjiLayout("2026年11月6日")
            .signMerged(0, 0, 9, "填报人：任雪    审核人：        单位负责人：龚平");
        files.add(workbook(NOVEMBER, "审计局-11月整改任务分解表.xls", unit, novemberLayout, november,
                List.of("one-cell signature line where 审核人： has nothing after it"), Outcome.REJECTED,
                List.of("SIGNATURE_MISSING: 审核人"), List.of(
                        "Rejected: nothing merged, 县审计局 keeps its October state and counts as not submitted for November")));
    }

    private static SheetLayout shenjiLayout(String filled) {
        return new SheetLayout().format(Format.XLS)
            .sheetName("整改任务分解表")
            .title("县审计局巡察反馈问题整改任务分解表")
            .unitLine("填报单位（盖章）：县审计局    填报日期：" + filled)
            .column(SEQUENCE, "序号")
            .column(CATEGORY, "类别")
            .column(PROBLEM, "巡察反馈问题")
            .column(MEASURE, "整改任务")
            .column(LEADER, "分管领导")
            .column(DEPARTMENT, "责任科室")
            .column(OWNER, "责任人员")
            .column(CO_DEPARTMENTS, "协办单位")
            .column(DEADLINE, "整改期限")
            .column(STATUS, "进度状态")
            .column(PROGRESS, "整改情况")
            .column(EVIDENCE, "证明材料")
            .author("任雪")
            .savedAt(saved(filled));
    }

    // --- 县市场监督管理局: hidden dropdown sheet, codes, deadlines before the feedback date

    private static void shichang(List<SampleFile> files) {
        String unit = "县市场监督管理局";
        Problem p1 = new Problem("业务工作方面", "食品安全监管存在盲区，校园周边、农村集体聚餐监管不到位", "贺军", "县市场监督管理局食品安全股");
        Problem p2 = new Problem("作风建设方面", "市场主体准入服务效率不高，企业开办环节多、时间长", "贺军", "县市场监督管理局登记注册股");
        List<TaskLine> october = List.of(
                p1.task("SJ-01-1", "开展校园及周边食品安全专项检查", "雷敏", "2026年上半年", "已完成", "检查学校食堂及周边商户156家",
                        "检查通报")
                    .expect(DEADLINE_BEFORE_FEEDBACK),
                p1.task("SJ-01-2", "建立农村集体聚餐备案指导制度", "雷敏", "2026年底", "正在整改", "已在3个乡镇试行", "/"),
                p1.task("SJ-01-3", "对检查发现问题的经营主体依法立案查处", "邱峰", LocalDate.of(2026, 8, 31), "推进中", "已立案4件", "/")
                    .expect(DEADLINE_BEFORE_FEEDBACK),
                p2.task("SJ-02-1", "推行企业开办“一网通办”，开办时间压缩至1个工作日", "邱峰", "立行立改", "已完成", "10月起企业开办全程网办",
                        "工作方案、办件统计"),
                p2.task("SJ-02-2", "开展“体验式”办事作风检查", "邱峰", "2026年底", "未开始", "/", "/"));
        List<TaskLine> november = List.of(
                october.get(0).withDeadline("2026年10月31日").report("已完成", "检查学校食堂及周边商户156家，问题全部整改", "检查通报"),
                october.get(1).report("已完成", "全县12个乡镇全面推行集体聚餐备案", "备案制度文件、备案台账"),
                october.get(2).withDeadline(LocalDate.of(2026, 12, 31)).report("推进中", "已立案7件，结案3件", "/"),
                october.get(3).carried(), october.get(4).report("推进中", "已开展体验式检查2次", "/"));
        files.add(workbook(OCTOBER, "市场监管局-10月整改任务分解表.xlsx", unit, shichangLayout("2026年10月8日"), october,
                List.of("hidden 下拉选项 sheet (status dropdown through a named range)", "task codes SJ-xx-x",
                        "deadline 2026年上半年 (= 2026-06-30) and a date cell 2026-08-31, both before the feedback date",
                        "signature names in the next non-empty cell (label, empty cell, name) + （盖章）"),
                Outcome.ACCEPTED, List.of(), List.of()));
        files.add(workbook(NOVEMBER, "市场监管局-11月整改任务分解表.xlsx", unit, shichangLayout("2026年11月5日"), november,
                List.of("SJ-01-1 and SJ-01-3 deadlines corrected: new to the ledger", "SJ-01-2 completed"),
                Outcome.ACCEPTED, List.of(), List.of()));
    }

    private static SheetLayout shichangLayout(String filled) {
        return new SheetLayout().sheetName("分解表")
            .title("县市场监督管理局巡察反馈问题整改任务分解表")
            .column(TASK_CODE, "编号")
            .column(CATEGORY, "方面")
            .column(PROBLEM, "存在问题")
            .column(MEASURE, "整改措施")
            .column(LEADER, "责任领导")
            .column(DEPARTMENT, "责任单位")
            .column(OWNER, "责任人")
            .column(DEADLINE, "整改时限")
            .column(STATUS, "整改状态")
            .column(PROGRESS, "整改进展")
            .column(EVIDENCE, "佐证材料")
            .column(REMARKS, "备注")
            .dropdownSheet()
            .sign(0, 0, "填报人：")
            .sign(0, 2, "雷敏")
            .sign(0, 4, "审核人：")
            .sign(0, 6, "邱峰")
            .sign(0, 8, "单位负责人：")
            .sign(0, 10, "贺军")
            .sign(1, 8, "（盖章）")
            .sign(2, 8, filled)
            .author("雷敏")
            .savedAt(saved(filled));
    }

    // --- 县人力资源和社会保障局 (.xls): instructions sheet after the data, ASCII colons in one cell

    private static void renshe(List<SampleFile> files) {
        String unit = "县人力资源和社会保障局";
        Problem p1 = new Problem("民生保障方面", "社保基金管理存在风险隐患，冒领养老保险待遇问题未有效遏制", "袁志", "县社会保险事业中心");
        Problem p2 = new Problem("业务工作方面", "拖欠农民工工资问题处置不及时，欠薪投诉积案较多", "袁志", "县劳动保障监察大队");
        List<TaskLine> october = List.of(
                p1.task(null, "开展社保待遇领取资格认证全面核查，追回冒领资金", "彭丽", "2026-12-31", "正在整改", "已核查领取人员2.1万人", "/"),
                p1.task(null, "与公安、民政部门建立死亡人员信息共享机制", "彭丽", "2026年12月31日", "推进中", "已与县民政局对接", "/"),
                p1.task(null, "对社保经办人员开展警示教育", "许刚", "立行立改", "完成", "", "警示教育签到表")
                    .expect(COMPLETED_WITHOUT_PROGRESS),
                p2.task(null, "对欠薪投诉积案逐件包案化解", "许刚", "2026年12月底前", "推进中", "已化解积案11件", "/"),
                p2.task(null, "落实工程建设领域工资专户、实名制管理制度", "许刚", "长期坚持", "长期坚持", "在建项目工资专户开设率100%",
                        "专户台账"),
                p2.task(null, "对恶意欠薪企业依法移送公安机关", "许刚", "2027年上半年", "未启动", "/", "/"));
        List<TaskLine> november = List.of(
                october.get(0).report("已完成", "核查全部完成，追回冒领资金23.4万元", "无").expect(COMPLETED_WITHOUT_EVIDENCE),
                october.get(1).report("推进中", "已与县民政局实现数据共享，正在对接县公安局", "/"),
                october.get(2).report("完成", "已组织警示教育2场，覆盖经办人员86人", "警示教育签到表"),
                october.get(3).report("推进中", "已化解积案19件", "/"), october.get(4).carried(), october.get(5).carried());
        files.add(workbook(OCTOBER, "人社局-10月整改任务分解表.xls", unit, rensheLayout("2026年10月9日"), october,
                List.of("BIFF8 .xls", "填表说明 sheet after the data sheet", "填报单位/填报日期 line",
                        "one-cell signature with ASCII colons + （盖章）", "deadlines 2026-12-31 text / 2026年12月底前 / 2027年上半年",
                        "status word 完成", "a completed task with an empty progress cell"),
                Outcome.ACCEPTED, List.of(), List.of()));
        files.add(workbook(NOVEMBER, "人社局-11月整改任务分解表.xls", unit, rensheLayout("2026年11月6日"), november,
                List.of("a task completed with 佐证材料 = 无"), Outcome.ACCEPTED, List.of(), List.of()));
    }

    private static SheetLayout rensheLayout(String filled) {
        return new SheetLayout().format(Format.XLS)
            .sheetName("任务分解表")
            .title("县人力资源和社会保障局巡察反馈问题整改任务分解表")
            .unitLine("填报单位：县人力资源和社会保障局    填报日期：" + filled)
            .column(SEQUENCE, "序号")
            .column(CATEGORY, "问题类别")
            .column(PROBLEM, "反馈问题")
            .column(MEASURE, "整改措施")
            .column(LEADER, "责任领导")
            .column(DEPARTMENT, "责任单位")
            .column(OWNER, "责任人")
            .column(DEADLINE, "整改时限")
            .column(STATUS, "整改状态")
            .column(PROGRESS, "整改进展")
            .column(EVIDENCE, "佐证材料")
            .column(REMARKS, "备注")
            .instructions(Placement.LAST)
            .signMerged(0, 0, 9, "填报人:彭丽  审核人:许刚  单位负责人:邵斌")
            .sign(1, 8, "（盖章）")
            .author("彭丽")
            .savedAt(saved(filled));
    }

    // --- 县档案馆: not on the roster

    private static void dangan(List<SampleFile> files) {
        String unit = "县档案馆";
        Problem p1 = new Problem("业务工作方面", "档案安全管理不到位，部分档案库房温湿度不达标", "田雨", unit);
        List<TaskLine> october = List.of(
                p1.task(null, "更新档案库房温湿度监控设备", "方圆", "2026年12月31日", "正在整改", "设备采购已完成招标", "/"),
                p1.task(null, "开展档案安全隐患排查", "方圆", "立行立改", "已完成", "排查隐患5处，已全部整改", "排查台账"),
                p1.task(null, "制定档案安全应急预案并组织演练", "田雨", "2026年11月30日", "未启动", "/", "/"));
        SheetLayout layout = new SheetLayout().format(Format.XLS)
            .sheetName("Sheet1")
            .title("县档案馆巡察反馈问题整改任务分解表")
            .unitLine("填报单位：县档案馆    填报日期：2026年10月9日")
            .column(SEQUENCE, "序号")
            .column(CATEGORY, "问题类别")
            .column(PROBLEM, "反馈问题")
            .column(MEASURE, "整改措施")
            .column(LEADER, "责任领导")
            .column(DEPARTMENT, "责任单位")
            .column(OWNER, "责任人")
            .column(DEADLINE, "整改时限")
            .column(STATUS, "整改状态")
            .column(PROGRESS, "整改进展")
            .column(EVIDENCE, "佐证材料")
            .signMerged(0, 0, 9, "填报人：方圆  审核人：田雨  单位负责人：张文华")
            .author("方圆")
            .savedAt(saved("2026年10月9日"));
        files.add(workbook(OCTOBER, "档案馆-10月整改任务分解表.xls", unit, layout, october,
                List.of("BIFF8 .xls", "a complete, well-formed sheet from a unit that is not on the roster"), Outcome.REJECTED,
                List.of("UNKNOWN_DEPARTMENT: 县档案馆"), List.of()));
    }

    // --- files that are not workbooks at all

    private static void broken(List<SampleFile> files) {
        files.add(new SampleFile(NOVEMBER, "损坏文件.xlsx", null, Kind.TRUNCATED, null, List.of(),
                "民政局-11月整改任务分解表.xlsx",
                List.of("the first 2000 bytes of 民政局-11月整改任务分解表.xlsx: starts with PK but the zip is cut off (no central directory)"),
                Outcome.REJECTED, List.of("UNREADABLE"), List.of()));
        files.add(new SampleFile(NOVEMBER, "整改情况说明.xls", null, Kind.TEXT, null, List.of(), null,
                List.of("a UTF-8 text memo renamed .xls"), Outcome.REJECTED, List.of("NOT_A_SPREADSHEET"), List.of()));
    }

    static final String TEXT_MEMO = """
            关于县委第三轮巡察反馈问题整改情况的说明

            县委巡察整改办：
                我单位已按要求完成11月份整改情况梳理，具体情况详见整改台账。
                特此说明。

                                                    2026年11月6日
            """;

    private static SampleFile workbook(YearMonth month, String name, String department, SheetLayout layout,
            List<TaskLine> lines, List<String> variations, Outcome outcome, List<String> fileFindings,
            List<String> notes) {
        return new SampleFile(month, name, department, Kind.WORKBOOK, layout, lines, null, variations, outcome,
                fileFindings, notes);
    }

    /** The file's save time: 09:30 on the day it was filled in. */
    private static LocalDateTime saved(String filled) {
        String[] parts = filled.replace("年", "-").replace("月", "-").replace("日", "").split("-");
        return LocalDateTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), 9,
                30);
    }

}
