package org.rectification.ledger.bench;

import static org.rectification.ledger.sheet.Field.CATEGORY;
import static org.rectification.ledger.sheet.Field.DEADLINE;
import static org.rectification.ledger.sheet.Field.DEPARTMENT;
import static org.rectification.ledger.sheet.Field.EVIDENCE;
import static org.rectification.ledger.sheet.Field.LEADER;
import static org.rectification.ledger.sheet.Field.MEASURE;
import static org.rectification.ledger.sheet.Field.OWNER;
import static org.rectification.ledger.sheet.Field.PROBLEM;
import static org.rectification.ledger.sheet.Field.PROGRESS;
import static org.rectification.ledger.sheet.Field.SEQUENCE;
import static org.rectification.ledger.sheet.Field.STATUS;
import static org.rectification.ledger.sheet.Field.TASK_CODE;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.rectification.ledger.check.CheckSettings;
import org.rectification.ledger.check.RuleCode;

/**
 * Writes a large, seeded corpus for benchmark runs: one November submission per department in an inbox,
 * the roster and a job file, using the same sheet layout writer as the sample county. A share of the
 * files is BIFF8 .xls and a share of the rows carries exactly one row error, so the expected outcome is
 * known in advance. Same seed and settings, same bytes.
 */
public final class BenchmarkCorpusGenerator {

    /** Largest sheet written as .xls; BIFF8 stops at 65,536 rows. */
    static final int MAX_XLS_ROWS = 60_000;

    /** Sheets with more rows are written with SXSSF (streaming) instead of XSSF. */
    static final int STREAMING_ROWS = 2_000;

    private static final Charset GBK = Charset.forName("GBK");

    private static final LocalDateTime SAVED = LocalDateTime.of(2026, 11, 5, 9, 30);

    private static final List<String> CATEGORIES = List.of("政治建设方面", "全面从严治党方面", "业务工作方面", "作风建设方面",
            "组织建设方面");

    private static final List<String> PROBLEMS = List.of("落实全面从严治党主体责任不到位", "民生资金监管不严，发放审核把关不细", "干部作风不实，服务群众意识不强",
            "制度执行不严格，内部管理不规范", "重点项目推进缓慢，监管缺位", "巡察、审计发现问题整改不彻底");

    private static final List<String> MEASURES = List.of("开展专项检查，建立问题台账", "修订完善管理制度", "组织专题学习和警示教育",
            "对发现问题逐项整改销号", "建立定期通报和督办机制", "开展“回头看”，巩固整改成效");

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴");

    private static final List<String> GIVEN = List.of("伟", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明");

    private static final List<Object> DEADLINES = List.of(LocalDate.of(2026, 12, 31), "2026-12-31", "2026/12/31",
            "2026.12.31", "2026年12月31日", "2026年12月底", "2026年12月底前", "12月31日前", "2026年底", "2027年上半年", "立行立改",
            "长期坚持");

    private static final List<RuleCode> DEFECTS = List.of(RuleCode.OWNER_MISSING, RuleCode.DEADLINE_UNPARSEABLE,
            RuleCode.DEADLINE_MISSING);

    /**
     * What was written and what a run over it must find.
     *
     * @param folder the corpus folder
     * @param inbox the submissions (inbox/)
     * @param roster roster.csv (GBK)
     * @param jobFile job.yml, with paths relative to it
     * @param files every submission, in name order
     * @param xlsxFiles submissions written as .xlsx
     * @param xlsFiles submissions written as .xls (BIFF8)
     * @param tasks task rows over all submissions
     * @param defectiveRows rows carrying exactly one row error (not merged)
     * @param expectedRowErrors the row errors by rule code; they add up to {@code defectiveRows}
     */
    public record Corpus(Path folder, Path inbox, Path roster, Path jobFile, List<Path> files, int xlsxFiles,
            int xlsFiles, int tasks, int defectiveRows, Map<RuleCode, Integer> expectedRowErrors) {

        /** Rows a run must merge into the ledger: every submission is accepted, defective rows are not merged. */
        public int mergeableRows() {
            return this.tasks - this.defectiveRows;
        }

    }

    private final long seed;

    private final int departments;

    private final int rowsPerSubmission;

    private final double xlsShare;

    private final double defectShare;

    public BenchmarkCorpusGenerator(long seed, int departments, int rowsPerSubmission, double xlsShare,
            double defectShare) {
        if (departments < 1 || departments > 9999) {
            throw new IllegalArgumentException("departments must be 1..9999, was " + departments);
        }
        if (rowsPerSubmission < 1) {
            throw new IllegalArgumentException("rowsPerSubmission must be at least 1, was " + rowsPerSubmission);
        }
        if (xlsShare < 0 || xlsShare > 1 || defectShare < 0 || defectShare > 1) {
            throw new IllegalArgumentException("shares must be between 0 and 1");
        }
        this.seed = seed;
        this.departments = departments;
        this.rowsPerSubmission = rowsPerSubmission;
        this.xlsShare = xlsShare;
        this.defectShare = defectShare;
    }

    public Corpus writeTo(Path folder) throws IOException {
        Random random = new Random(this.seed);
        Path inbox = Files.createDirectories(folder.resolve("inbox"));
        SheetLayoutWriter writer = new SheetLayoutWriter();
        List<Path> files = new ArrayList<>();
        Map<RuleCode, Integer> errors = new EnumMap<>(RuleCode.class);
        int xls = 0;
        int tasks = 0;
        int defective = 0;
        StringBuilder roster = new StringBuilder("单位名称,别名\r\n");
        for (int d = 1; d <= this.departments; d++) {
            String number = String.format(java.util.Locale.ROOT, "%04d", d);
            String name = "县测试单位" + number;
            roster.append(name).append(",测试单位").append(number).append("\r\n");
            boolean legacy = random.nextDouble() < this.xlsShare && this.rowsPerSubmission <= MAX_XLS_ROWS;
            boolean codes = random.nextBoolean();
            SheetLayout layout = layout(random, name, legacy, codes);
            List<TaskLine> lines = new ArrayList<>(this.rowsPerSubmission);
            int problem = 0;
            int inProblem = 0;
            int problemSize = 0;
            String problemText = null;
            String category = null;
            String leader = null;
            for (int r = 0; r < this.rowsPerSubmission; r++) {
                if (inProblem == problemSize) {
                    problem++;
                    inProblem = 0;
                    problemSize = 1 + random.nextInt(4);
                    category = pick(random, CATEGORIES);
                    problemText = "问题" + problem + "：" + pick(random, PROBLEMS);
                    leader = person(random);
                }
                inProblem++;
                TaskLine line = task(random, name, codes ? "T" + number + "-" + problem + "-" + inProblem : null,
                        category, problemText, "措施" + problem + "-" + inProblem + "：" + pick(random, MEASURES), leader);
                if (random.nextDouble() < this.defectShare) {
                    RuleCode defect = DEFECTS.get(defective % DEFECTS.size());
                    line = defect(line, defect);
                    errors.merge(defect, 1, Integer::sum);
                    defective++;
                }
                lines.add(line);
            }
            tasks += lines.size();
            String fileName = "测试单位" + number + "-11月整改任务分解表" + (legacy ? ".xls" : ".xlsx");
            Path target = inbox.resolve(fileName);
            SheetLayoutWriter.Written written = writer.write(layout, lines);
            Files.write(target, written.bytes());
            Files.setLastModifiedTime(target, FileTime.from(SAVED.toInstant(ZoneOffset.ofHours(8))));
            files.add(target);
            xls += legacy ? 1 : 0;
        }
        Path rosterFile = folder.resolve("roster.csv");
        Files.write(rosterFile, roster.toString().getBytes(GBK));
        Path jobFile = folder.resolve("job.yml");
        Files.writeString(jobFile, jobYaml(), StandardCharsets.UTF_8);
        Collections.sort(files);
        return new Corpus(folder, inbox, rosterFile, jobFile, List.copyOf(files), files.size() - xls, xls, tasks,
                defective, Collections.unmodifiableMap(errors));
    }

    private SheetLayout layout(Random random, String department, boolean legacy, boolean codes) {
        SheetLayout layout = new SheetLayout().format(legacy ? SheetLayout.Format.XLS : SheetLayout.Format.XLSX)
            .sheetName("整改任务分解表")
            .title(department + "巡察反馈问题整改任务分解表")
            .savedAt(SAVED);
        layout.streaming = !legacy && this.rowsPerSubmission > STREAMING_ROWS;
        layout.storedZip = false;
        if (random.nextBoolean()) {
            layout.unitLine("填报单位：" + department + "    填报日期：2026年11月5日");
        }
        layout.column(SEQUENCE, "序号");
        if (codes) {
            layout.column(TASK_CODE, "任务编号");
        }
        layout.column(CATEGORY, "问题类别").column(PROBLEM, "反馈问题").column(MEASURE, "整改措施");
        if (random.nextInt(3) == 0) {
            layout.grouped("责任主体", LEADER, "责任领导").grouped("责任主体", DEPARTMENT, "责任单位").grouped("责任主体", OWNER, "责任人");
        }
        else {
            layout.column(LEADER, "责任领导").column(DEPARTMENT, "责任单位").column(OWNER, "责任人");
        }
        layout.column(DEADLINE, "整改时限").column(STATUS, "整改状态").column(PROGRESS, "整改进展").column(EVIDENCE, "佐证材料");
        layout.signMerged(0, 0, 8, "填报人：" + person(random) + "  审核人：" + person(random) + "  单位负责人（签字）："
                + person(random));
        layout.sign(1, 0, "填报日期：2026年11月5日");
        return layout;
    }

    private static TaskLine task(Random random, String department, String code, String category, String problem,
            String measure, String leader) {
        int state = random.nextInt(4);
        Object deadline = pick(random, DEADLINES);
        String status = switch (state) {
            case 0 -> "已完成";
            case 1 -> "正在整改";
            case 2 -> "未启动";
            default -> "长期坚持";
        };
        if ("长期坚持".equals(deadline) && state != 3) {
            deadline = LocalDate.of(2026, 12, 31);
        }
        String progress = (state == 2) ? "/" : "已按计划推进，完成阶段性任务";
        String evidence = (state == 0) ? "工作台账、佐证照片" : "/";
        return new TaskLine(code, category, problem, measure, leader, department, null, person(random), deadline,
                status, progress, evidence, null, null, Set.of());
    }

    private static TaskLine defect(TaskLine line, RuleCode defect) {
        return switch (defect) {
            case OWNER_MISSING -> line.withOwner("");
            case DEADLINE_UNPARSEABLE -> line.withDeadline("尽快");
            case DEADLINE_MISSING -> line.withDeadline("");
            default -> throw new IllegalArgumentException(defect.name());
        };
    }

    private static String person(Random random) {
        return pick(random, SURNAMES) + pick(random, GIVEN) + ((random.nextBoolean()) ? pick(random, GIVEN) : "");
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String jobYaml() {
        return """
                campaign:
                  name: 县委第三轮巡察
                  feedback-date: 2026-09-15
                  immediate-days: 30
                roster: roster.csv
                folders: { inbox: inbox, archive: archive, rejected: rejected, out: out, work: work }
                database: { url: ~ }
                checks:
                  required-signers: [%s]
                """.formatted(String.join(", ", CheckSettings.DEFAULT_REQUIRED_SIGNERS));
    }

}
