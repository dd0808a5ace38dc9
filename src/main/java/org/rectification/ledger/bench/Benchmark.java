package org.rectification.ledger.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rectification.ledger.sheet.ReadSettings;

/**
 * {@code ledger bench}: generates one seeded corpus into a scratch folder, then measures the product's nightly run,
 * the read floor, the work floor and the naive way on it, one child JVM after the other and {@code repeat} times
 * each, plus the extra scenarios, and renders the medians as Markdown with the targets they are held to.
 */
public final class Benchmark {

    static final String MONTH = "2026-11";

    static final String AS_OF = "2026-11-30";

    /** The heap the product gets, as in production. */
    static final String PRODUCT_HEAP = "256m";

    /** The floor and the naive way get a generous heap: the naive way needs it. */
    static final String REFERENCE_HEAP = "2g";

    static final int NEW_FILES = 10;

    static final String JVM_DEFAULTS_MODE = "product-jvm-defaults";

    /** What can be measured besides the three modes. */
    public enum Scenario {
        /** floor, naive and product on the corpus */
        MAIN,
        /** a second run after {@value #NEW_FILES} more files arrive */
        INCREMENTAL,
        /** one sheet with many rows */
        LARGE_SHEET,
        /** one sheet at Excel's row limit (1,048,576 rows), product and floor */
        MAX_SHEET,
        /** the reports of a ledger of many tasks */
        REPORTS,
        /** {@code ledger check} on one 100-row sheet, JVM start included */
        CHECK,
        /**
         * beside the product, the product on the JVM's default options (no {@code ledger-jvm.options}), in the same
         * rounds, to see what the options do on this machine now
         */
        JVM_DEFAULTS,
        /** the web console's office board for a ledger of {@value #BOARD_TASKS} tasks */
        BOARD
    }

    /** Tasks in the ledger the board scenario reads. */
    static final int BOARD_TASKS = 200_000;

    /**
     * What to measure.
     *
     * @param departments submissions in the corpus
     * @param rows rows per submission
     * @param repeat runs of each measurement; medians are reported
     * @param seed the corpus seed
     * @param scenarios what to measure
     * @param largeRows rows of the single large sheet
     * @param reportTasks tasks in the ledger the reports are written from
     * @param scratch where the corpus and the run folders go
     * @param profile record the product runs with Java Flight Recorder (files next to the logs)
     */
    public record Settings(int departments, int rows, int repeat, long seed, Set<Scenario> scenarios, int largeRows,
            int reportTasks, Path scratch, boolean profile) {

        public Settings {
            if (departments < 1 || rows < 1 || repeat < 1) {
                throw new IllegalArgumentException("departments, rows and repeat must be at least 1");
            }
            scenarios = (scenarios == null || scenarios.isEmpty()) ? EnumSet.allOf(Scenario.class)
                    : EnumSet.copyOf(scenarios);
        }

    }

    private final Settings settings;

    private final PrintWriter progress;

    private final ChildJvm children;

    /**
     * @param ledgerProbe the main class of a child measuring a ledger command: {@link ProbeMain#probe} with the
     * command line, which the bench itself does not depend on
     */
    public Benchmark(Settings settings, PrintWriter progress, String ledgerProbe) throws IOException {
        this.settings = settings;
        this.progress = progress;
        this.children = new ChildJvm(settings.scratch().resolve("logs"), ledgerProbe);
    }

    /** Runs everything asked for and returns the Markdown report. */
    public String run() throws IOException, InterruptedException {
        Settings s = this.settings;
        Path scratch = Files.createDirectories(s.scratch());
        boolean incremental = s.scenarios().contains(Scenario.INCREMENTAL);
        boolean needsCorpus = s.scenarios().contains(Scenario.MAIN) || incremental
                || s.scenarios().contains(Scenario.CHECK);
        StringBuilder md = new StringBuilder();
        md.append("## Benchmark: ").append(s.departments()).append(" submissions × ").append(s.rows())
            .append(" rows, repeat ").append(s.repeat()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores, Java %s, load average %s at the start; product heap "
                + "-Xmx%s, floors and naive -Xmx%s; every child on a flat class path with the product's JVM options "
                + "%s; figures are medians; CPU s is the child's whole CPU time, JIT s its compiler threads' part.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage(),
                PRODUCT_HEAP, REFERENCE_HEAP, String.join(" ", ProductOptions.load())
                        + (this.children.aotOptions().isEmpty() ? "" : " and the launcher's AOT cache")));
        BenchmarkCorpusGenerator.Corpus corpus = null;
        Path mainSet = null;
        Path newSet = null;
        if (needsCorpus) {
            say("generating corpus: %d submissions × %d rows (+%d for the incremental run)", s.departments(), s.rows(),
                    NEW_FILES);
            corpus = new BenchmarkCorpusGenerator(s.seed(), s.departments() + NEW_FILES, s.rows(), 0.3, 0.01)
                .writeTo(scratch.resolve("corpus"));
            mainSet = Files.createDirectories(scratch.resolve("sets/main"));
            newSet = Files.createDirectories(scratch.resolve("sets/new"));
            for (int i = 0; i < corpus.files().size(); i++) {
                Path file = corpus.files().get(i);
                Path set = (i < s.departments()) ? mainSet : newSet;
                Files.copy(file, set.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        long mainRows = (long) s.departments() * s.rows();
        Map<String, Measurement> medians = new LinkedHashMap<>();
        Path lastProductRun = null;
        if (s.scenarios().contains(Scenario.MAIN) || incremental) {
            Map<String, List<Measurement>> runs = new LinkedHashMap<>();
            boolean main = s.scenarios().contains(Scenario.MAIN);
            if (main) {
                // rendered in this order; the product runs first in each round, the work floor needs its plan
                for (String mode : List.of("floor", "workfloor", "naive", "product")) {
                    runs.put(mode, new ArrayList<>());
                }
            }
            List<String> modes = new ArrayList<>(main ? List.of("product", "floor", "workfloor", "naive")
                    : List.of("product"));
            if (main && s.scenarios().contains(Scenario.JVM_DEFAULTS)) {
                runs.put(JVM_DEFAULTS_MODE, new ArrayList<>());
                modes.add(JVM_DEFAULTS_MODE);
            }
            Path plan = scratch.resolve("workfloor-plan.txt");
            for (int r = 1; r <= s.repeat(); r++) {
                for (String mode : modes) {
                    Measurement m;
                    if (mode.equals("product")) {
                        lastProductRun = runFolder(corpus, "product-" + r, mainSet);
                        m = product("product-" + r, lastProductRun);
                        if (r == 1 && main) {
                            WorkFloor.plan(lastProductRun.resolve("out"), plan);
                        }
                    }
                    else if (mode.equals(JVM_DEFAULTS_MODE)) {
                        m = product(mode + "-" + r, runFolder(corpus, mode + "-" + r, mainSet),
                                this.children.aotOptions());
                    }
                    else if (mode.equals("workfloor")) {
                        m = this.children.run(mode + "-" + r, REFERENCE_HEAP, this.children.productOptions(),
                                List.of(mode, mainSet.toString(), plan.toString(),
                                        scratch.resolve("runs/workfloor-" + r).toString()));
                    }
                    else {
                        m = this.children.run(mode + "-" + r, REFERENCE_HEAP, this.children.productOptions(),
                                List.of(mode, mainSet.toString()));
                    }
                    m = withRows(m, s.departments(), mainRows);
                    runs.computeIfAbsent(mode, (k) -> new ArrayList<>()).add(m);
                    say("%s run %d/%d: %.1f s wall, %.1f s CPU, %.0f MB heap, %.0f MB RSS", mode, r, s.repeat(),
                            m.wallSeconds(), m.cpuSeconds(), m.heapMb(), m.rssMb());
                }
            }
            runs.forEach((mode, list) -> medians.put(mode, Measurement.median(list)));
            md.append(table(medians));
            if (medians.containsKey("floor")) {
                Measurement floor = medians.get("floor");
                Measurement work = medians.get("workfloor");
                Measurement naive = medians.get("naive");
                Measurement product = medians.get("product");
                md.append(String.format(Locale.ROOT, "%n- product / floor (read floor): **%.2f×** wall (%.2f× in-JVM, "
                        + "%.2f× CPU); target ≤ 3.0× %s%n", product.wallSeconds() / floor.wallSeconds(),
                        product.workSeconds() / floor.workSeconds(), product.cpuSeconds() / floor.cpuSeconds(),
                        verdict(product.wallSeconds() / floor.wallSeconds() <= 3.0)));
                md.append(String.format(Locale.ROOT, "- product / workfloor (work floor): **%.2f×** wall (%.2f× in-JVM, "
                        + "%.2f× CPU); target ≤ 2.0× %s%n", product.wallSeconds() / work.wallSeconds(),
                        product.workSeconds() / work.workSeconds(), product.cpuSeconds() / work.cpuSeconds(),
                        verdict(product.wallSeconds() / work.wallSeconds() <= 2.0)));
                md.append(String.format(Locale.ROOT, "- naive / product: %.2f× wall (%.2f× in-JVM); a reference, "
                        + "no target%n", naive.wallSeconds() / product.wallSeconds(),
                        naive.workSeconds() / product.workSeconds()));
            }
            if (medians.containsKey(JVM_DEFAULTS_MODE)) {
                Measurement defaults = medians.get(JVM_DEFAULTS_MODE);
                Measurement shipped = medians.get("product");
                md.append(String.format(Locale.ROOT, "- product on the JVM's default options / product: %.2f× wall, "
                        + "%.2f× CPU; RSS %.0f MB against %.0f MB%n", defaults.wallSeconds() / shipped.wallSeconds(),
                        defaults.cpuSeconds() / shipped.cpuSeconds(), defaults.rssMb(), shipped.rssMb()));
            }
            Measurement product = medians.get("product");
            md.append(String.format(Locale.ROOT, "- product peak heap %.0f MB (target ≤ 256) %s, peak RSS %.0f MB "
                    + "(target ≤ 700) %s%n", product.heapMb(), verdict(product.heapMb() <= 256), product.rssMb(),
                    verdict(product.rssMb() <= 700)));
        }
        List<String[]> extra = new ArrayList<>();
        if (incremental) {
            incremental(corpus, lastProductRun, newSet, extra);
        }
        if (s.scenarios().contains(Scenario.LARGE_SHEET)) {
            largeSheet(extra, s.largeRows(), "large", "(b)", true);
        }
        if (s.scenarios().contains(Scenario.MAX_SHEET)) {
            largeSheet(extra, MAX_SHEET_TASKS, "max", "(f)", false);
        }
        if (s.scenarios().contains(Scenario.REPORTS)) {
            reports(extra);
        }
        if (s.scenarios().contains(Scenario.CHECK)) {
            check(corpus, extra);
        }
        if (s.scenarios().contains(Scenario.BOARD)) {
            board(extra);
        }
        if (!extra.isEmpty()) {
            md.append("\n| scenario | rows | wall s | in-JVM s | peak heap MB | peak RSS MB | target | met |\n");
            md.append("|---|---:|---:|---:|---:|---:|---|---|\n");
            for (String[] line : extra) {
                md.append("| ").append(String.join(" | ", line)).append(" |\n");
            }
        }
        md.append("\nScratch folder (corpus, run folders, child logs): `").append(scratch).append("`\n");
        return md.toString();
    }

    // --- the product's nightly run ---

    /** A fresh job folder: the corpus's job file and roster, and the given files in its inbox. */
    private Path runFolder(BenchmarkCorpusGenerator.Corpus corpus, String name, Path... sets) throws IOException {
        Path folder = this.settings.scratch().resolve("runs").resolve(name);
        if (Files.exists(folder)) {
            throw new IllegalStateException(folder + " exists already; use an empty scratch folder");
        }
        Path inbox = Files.createDirectories(folder.resolve("inbox"));
        Files.copy(corpus.jobFile(), folder.resolve("job.yml"));
        Files.copy(corpus.roster(), folder.resolve("roster.csv"));
        for (Path set : sets) {
            for (Path file : ProbeMain.workbooks(set)) {
                Files.copy(file, inbox.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return folder;
    }

    private Measurement product(String label, Path runFolder) throws IOException, InterruptedException {
        return product(label, runFolder, this.children.productOptions());
    }

    private Measurement product(String label, Path runFolder, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(jvmOptions);
        if (this.settings.profile()) {
            options.add("-XX:StartFlightRecording=filename=" + this.settings.scratch().resolve("logs")
                .resolve(label + ".jfr") + ",settings=profile");
        }
        Measurement m = this.children.run(label, PRODUCT_HEAP, options, List.of("ledger", "run", "--job",
                runFolder.resolve("job.yml").toString(), "--month", MONTH, "--as-of", AS_OF));
        if (m.exit() != 0) {
            throw new IllegalStateException(label + " failed with exit code " + m.exit() + "; see "
                    + this.settings.scratch().resolve("logs").resolve(label + ".log"));
        }
        return m;
    }

    // --- extra scenarios ---

    private void incremental(BenchmarkCorpusGenerator.Corpus corpus, Path lastRun, Path newSet, List<String[]> out)
            throws IOException, InterruptedException {
        int rows = this.settings.rows();
        for (Path file : ProbeMain.workbooks(newSet)) {
            Files.copy(file, lastRun.resolve("inbox").resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Measurement next = product("incremental", lastRun);
        Measurement startup = product("startup-empty-inbox", runFolder(corpus, "startup"));
        Measurement alone = product("new-files-alone", runFolder(corpus, "new-alone", newSet));
        double strict = startup.wallSeconds() + 2 * Math.max(0, alone.wallSeconds() - startup.wallSeconds());
        double lenient = startup.wallSeconds() + 2 * alone.wallSeconds();
        say("incremental %.1f s; startup %.1f s; new files alone %.1f s", next.wallSeconds(), startup.wallSeconds(),
                alone.wallSeconds());
        out.add(row("(a) nightly run with no files (startup + empty reports)", startup, 0, "", ""));
        out.add(row("(a) the " + NEW_FILES + " new files alone, fresh ledger", alone, (long) NEW_FILES * rows, "", ""));
        out.add(row("(a) incremental: second run after " + NEW_FILES + " more files, ledger of "
                + this.settings.departments() + " submissions", next, (long) NEW_FILES * rows,
                String.format(Locale.ROOT, "≤ %.1f s (startup + 2 × new-files work); lenient ≤ %.1f s", strict, lenient),
                verdict(next.wallSeconds() <= strict) + " / " + verdict(next.wallSeconds() <= lenient)));
    }

    /** Task rows of the sheet at Excel's limit: 1,048,576 rows less the title, header and signature lines. */
    static final int MAX_SHEET_TASKS = 1_048_576 - 10;

    private void largeSheet(List<String[]> out, int rows, String name, String tag, boolean withNaive)
            throws IOException, InterruptedException {
        say("generating one sheet of %d task rows", rows);
        // written in a child with a large heap: the generator's merged ranges of a million rows do not fit this JVM's
        Path folder = this.settings.scratch().resolve(name);
        Measurement written = this.children.run(name + "-generate", REFERENCE_HEAP, List.of(),
                List.of("sheet", String.valueOf(this.settings.seed()), String.valueOf(rows), folder.toString()));
        if (written.exit() != 0) {
            throw new IllegalStateException("could not write the sheet of " + rows + " rows; see its log");
        }
        Path inbox = folder.resolve("inbox");
        BenchmarkCorpusGenerator.Corpus large = new BenchmarkCorpusGenerator.Corpus(folder, inbox,
                folder.resolve("roster.csv"), folder.resolve("job.yml"), ProbeMain.workbooks(inbox), 1, 0, rows, 0,
                Map.of());
        String what = tag + " one sheet of " + rows + " task rows: ";
        Measurement floor = withRows(this.children.run(name + "-floor", REFERENCE_HEAP, this.children.productOptions(),
                List.of("floor", large.inbox().toString())), 1, rows);
        // the naive way may well not survive a sheet this size: that is a result, not a reason to stop
        String[] naiveRow = null;
        if (withNaive) {
            try {
                Measurement naive = withRows(this.children.run(name + "-naive", REFERENCE_HEAP,
                        this.children.productOptions(),
                        List.of("naive", large.inbox().toString())), 1, rows);
                naiveRow = row(what + "naive", naive, rows, "", "");
            }
            catch (IllegalStateException ex) {
                naiveRow = new String[] { what + "naive", String.valueOf(rows),
                        "failed (-Xmx" + REFERENCE_HEAP + ", see logs/" + name + "-naive.log)", "", "", "", "", "" };
            }
        }
        Path run = runFolder(large, name, large.inbox());
        List<String> intake = new ArrayList<>();
        if (rows + 10 > ReadSettings.Limits.DEFAULT_MAX_ROWS) {
            // past the default per-sheet row limit the product would set the file aside: lift it to measure
            intake.add("max-rows: " + (rows + 1_000));
        }
        long largest = 0;
        for (Path file : large.files()) {
            largest = Math.max(largest, Files.size(file));
        }
        if (largest > ReadSettings.Limits.DEFAULT_MAX_FILE_MB * 1024L * 1024L) {
            // the sheet at Excel's row limit is a 69 MB file, past the default 50 MB: lift it too, as an office
            // expecting such a sheet would
            intake.add("max-file-mb: " + (largest / (1024 * 1024) + 10));
        }
        if (!intake.isEmpty()) {
            Files.writeString(run.resolve("job.yml"), "intake: { " + String.join(", ", intake) + " }\n",
                    StandardOpenOption.APPEND);
        }
        String[] productRow;
        String[] workFloorRow = null;
        String target = "merged, heap ≤ 256 MB, RSS ≤ 700 MB";
        try {
            Measurement product = withRows(product(name + "-product", run), 1, rows);
            long merged = rowsMerged(run.resolve("out").resolve("summary.json"));
            // the work floor of this sheet: its read plus the rows the product wrote (both workbooks), no logic
            Path plan = this.settings.scratch().resolve(name + "-workfloor-plan.txt");
            WorkFloor.plan(run.resolve("out"), plan);
            Measurement work = withRows(this.children.run(name + "-workfloor", REFERENCE_HEAP,
                    this.children.productOptions(), List.of("workfloor", large.inbox().toString(), plan.toString(),
                            this.settings.scratch().resolve("runs/" + name + "-workfloor").toString())), 1, rows);
            workFloorRow = row(what + "work floor (EasyExcel read, the same rows written)", work, rows, "", "");
            productRow = row(what + "product (" + ((merged > 0) ? merged + " rows merged" : "not merged: "
                    + outcome(run.resolve("out").resolve("summary.json"))) + "; "
                    + String.format(Locale.ROOT, "%.2f× its read floor, %.2f× its work floor",
                            product.wallSeconds() / floor.wallSeconds(), product.wallSeconds() / work.wallSeconds())
                    + ")", product, rows, target, verdict(merged > 0 && product.heapMb() <= 256 && product.rssMb() <= 700));
        }
        catch (IllegalStateException ex) {
            productRow = new String[] { what + "product", String.valueOf(rows),
                    "failed (-Xmx" + PRODUCT_HEAP + ", see logs/" + name + "-product.log)", "", "", "", target,
                    verdict(false) };
        }
        out.add(row(what + "floor (EasyExcel read)", floor, rows, "", ""));
        if (workFloorRow != null) {
            out.add(workFloorRow);
        }
        if (naiveRow != null) {
            out.add(naiveRow);
        }
        out.add(productRow);
    }

    private static final Pattern ROWS_MERGED = Pattern.compile("\"rowsMerged\" : (\\d+)");

    private static final Pattern OUTCOME = Pattern.compile("\"reasons\" : \\[ \"([^\"]*)\"");

    /** Rows merged over all submissions of a run's summary.json, 0 when there is none. */
    private static long rowsMerged(Path summary) throws IOException {
        if (!Files.exists(summary)) {
            return 0;
        }
        Matcher m = ROWS_MERGED.matcher(Files.readString(summary, StandardCharsets.UTF_8));
        long merged = 0;
        while (m.find()) {
            merged += Long.parseLong(m.group(1));
        }
        return merged;
    }

    private static String outcome(Path summary) throws IOException {
        if (!Files.exists(summary)) {
            return "no summary.json";
        }
        Matcher m = OUTCOME.matcher(Files.readString(summary, StandardCharsets.UTF_8));
        // the reason's code, e.g. TOO_LARGE
        return m.find() ? m.group(1).split(":")[0] : "no reason given";
    }

    private void reports(List<String[]> out) throws IOException, InterruptedException {
        int tasks = this.settings.reportTasks();
        int departments = Math.max(1, Math.min(2_000, tasks / 100));
        Path job = LedgerFill.writeJob(this.settings.scratch().resolve("runs/reports"), departments);
        say("filling a ledger of %d tasks in %d departments", tasks, departments);
        Measurement fill = this.children.run("reports-fill", "1g", List.of(),
                List.of("fill", job.toString(), String.valueOf(tasks), String.valueOf(departments)));
        say("filled in %.1f s; writing the reports", fill.wallSeconds());
        Measurement write = this.children.run("reports-write", PRODUCT_HEAP, this.children.productOptions(),
                List.of("reports", job.toString(), MONTH, AS_OF));
        if (write.exit() != 0) {
            throw new IllegalStateException("reports-write failed; see its log");
        }
        out.add(row("(c) reports (MonthlyReports.write) for a ledger of " + fill.rows() + " tasks", write, fill.rows(),
                "heap ≤ 256 MB, RSS ≤ 700 MB", verdict(write.heapMb() <= 256 && write.rssMb() <= 700)));
    }

    /**
     * The office board of the web console for a large ledger: the same figures the board page shows
     * ({@code MonthBoard.office}), computed in a child JVM with the product heap; "in-JVM s" is the slowest of
     * three computations after the first (the console runs warm), the first is in the log.
     */
    private void board(List<String[]> out) throws IOException, InterruptedException {
        int departments = 2_000;
        Path job = LedgerFill.writeJob(this.settings.scratch().resolve("runs/board"), departments);
        say("filling a ledger of %d tasks in %d departments for the board", BOARD_TASKS, departments);
        Measurement fill = this.children.run("board-fill", "1g", List.of(),
                List.of("fill", job.toString(), String.valueOf(BOARD_TASKS), String.valueOf(departments)));
        Measurement board = this.children.run("board", PRODUCT_HEAP, this.children.productOptions(),
                List.of("board", job.toString(), MONTH, AS_OF));
        if (board.exit() != 0) {
            throw new IllegalStateException("board failed; see its log");
        }
        out.add(row("(e) web console office board (MonthBoard.office, warm) for a ledger of " + fill.rows()
                + " tasks", board, fill.rows(), "≤ 1 s", verdict(board.workSeconds() <= 1.0)));
    }

    /**
     * A one-off check is mostly JVM start and class loading: the quick compiler alone starts it about a third
     * faster, while a long nightly run wants the optimising one. The launcher uses these for `check`.
     */
    static final List<String> CHECK_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private void check(BenchmarkCorpusGenerator.Corpus corpus, List<String[]> out)
            throws IOException, InterruptedException {
        Path sheet = corpus.files().stream().filter((p) -> p.toString().endsWith(".xlsx")).findFirst()
            .orElse(corpus.files().get(0));
        Path folder = Files.createDirectories(this.settings.scratch().resolve("runs/check"));
        List<Measurement> runs = new ArrayList<>();
        for (int r = 1; r <= this.settings.repeat(); r++) {
            Path copy = folder.resolve(r + "-" + sheet.getFileName());
            Files.copy(sheet, copy, StandardCopyOption.COPY_ATTRIBUTES);
            // the JVM options the ./ledger launcher gives a one-off check
            List<String> options = this.children.checkOptions(CHECK_JVM_OPTIONS);
            runs.add(this.children.run("check-" + r, PRODUCT_HEAP, options, List.of("ledger", "check", "--job",
                    corpus.jobFile().toString(), "--month", MONTH, copy.toString())));
        }
        Measurement check = Measurement.median(runs);
        out.add(row("(d) `check` on one " + this.settings.rows() + "-row sheet, JVM start included", check,
                this.settings.rows(), "< 1.5 s", verdict(check.wallSeconds() < 1.5)));
    }

    // --- rendering ---

    private static String table(Map<String, Measurement> medians) {
        StringBuilder md = new StringBuilder();
        md.append("| mode | files | rows | wall s | in-JVM s | CPU s | JIT s | rows/s | peak heap MB | peak RSS MB |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        medians.forEach((mode, m) -> md.append(String.format(Locale.ROOT,
                "| %s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %.0f |%n", mode, m.files(), m.rows(),
                m.wallSeconds(), m.workSeconds(), m.cpuSeconds(), m.jitSeconds(), m.rowsPerSecond(), m.heapMb(),
                m.rssMb())));
        return md.toString();
    }

    private static String[] row(String scenario, Measurement m, long rows, String target, String met) {
        return new String[] { scenario, String.valueOf(rows), String.format(Locale.ROOT, "%.2f", m.wallSeconds()),
                String.format(Locale.ROOT, "%.2f", m.workSeconds()), String.format(Locale.ROOT, "%.0f", m.heapMb()),
                String.format(Locale.ROOT, "%.0f", m.rssMb()), target, met };
    }

    /** The corpus's own counts: a child reports the rows it saw, title and signature lines included. */
    private static Measurement withRows(Measurement m, long files, long rows) {
        return new Measurement(m.label(), files, rows, m.wallSeconds(), m.workSeconds(), m.cpuSeconds(),
                m.jitSeconds(), m.heapMb(), m.rssMb(),
                m.exit());
    }

    /** The 1, 5 and 15 minute load averages, or "unknown" where /proc is not available. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        }
        catch (IOException | RuntimeException ex) {
            return "unknown";
        }
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private void say(String format, Object... args) {
        this.progress.println("bench: " + String.format(Locale.ROOT, format, args));
        this.progress.flush();
    }

}
