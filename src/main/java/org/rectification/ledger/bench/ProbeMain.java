package org.rectification.ledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;


/**
 * The child JVM of one measurement: runs one mode while {@link PeakMemory} samples the heap, then prints a
 * single {@code BENCH-RESULT} line (files, rows, in-JVM milliseconds, CPU and compiler milliseconds, peak heap,
 * peak RSS, exit code) for the parent to parse. Modes: {@code floor DIR}, {@code workfloor DIR PLAN OUT},
 * {@code naive DIR}, {@code ledger ARGS...} (any ledger command, e.g. {@code run} or {@code check}: measured
 * through {@link #probe}, by the command line's own probe main, since the bench does not depend on the commands),
 * {@code sheet SEED ROWS DIR} (writes one department's sheet of ROWS task rows), {@code fill JOB TASKS DEPARTMENTS},
 * {@code reports JOB MONTH AS-OF} and {@code board JOB MONTH AS-OF}.
 */
public final class ProbeMain {

    static final String RESULT = "BENCH-RESULT";

    private ProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        probe(args, (command) -> {
            throw new IllegalArgumentException("the ledger mode runs from the command line's probe main");
        });
    }

    /** A ledger command run in the child, returning its exit code. */
    @FunctionalInterface
    public interface LedgerCommandRun {

        int execute(String[] args) throws Exception;

    }

    /** Runs one mode as {@link #main} does, a {@code ledger} mode through {@code ledgerCommand}. */
    public static void probe(String[] args, LedgerCommandRun ledgerCommand) throws Exception {
        String mode = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        long files = 0;
        long rows = 0;
        int exit = 0;
        long started;
        long workNanos;
        long heap;
        try (PeakMemory memory = new PeakMemory()) {
            started = System.nanoTime();
            switch (mode) {
                case "floor", "naive" -> {
                    for (Path file : workbooks(Path.of(rest.get(0)))) {
                        rows += mode.equals("floor") ? FloorRead.read(file) : NaiveRead.read(file);
                        files++;
                    }
                }
                case "workfloor" -> {
                    List<Path> inputs = workbooks(Path.of(rest.get(0)));
                    rows = WorkFloor.run(inputs, Path.of(rest.get(1)), Files.createDirectories(Path.of(rest.get(2))));
                    files = inputs.size();
                }
                case "ledger" -> exit = ledgerCommand.execute(rest.toArray(String[]::new));
                case "sheet" -> rows = new BenchmarkCorpusGenerator(Long.parseLong(rest.get(0)), 1,
                        Integer.parseInt(rest.get(1)), 0.0, 0.01).writeTo(Path.of(rest.get(2))).tasks();
                case "fill" -> rows = LedgerFill.fill(Path.of(rest.get(0)), Integer.parseInt(rest.get(1)),
                        Integer.parseInt(rest.get(2)));
                case "reports" -> rows = LedgerFill.writeReports(Path.of(rest.get(0)), rest.get(1), rest.get(2));
                case "board" -> {
                    // the work measured is the warm board alone, not the context around it
                    LedgerFill.Board board = LedgerFill.board(Path.of(rest.get(0)), rest.get(1), rest.get(2));
                    rows = board.tasks();
                    started = System.nanoTime() - board.warmNanos();
                }
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
            workNanos = System.nanoTime() - started;
            heap = memory.peakHeapBytes();
        }
        System.out.println(RESULT + " files=" + files + " rows=" + rows + " work_ms=" + workNanos / 1_000_000
                + " cpu_ms=" + PeakMemory.cpuMillis() + " jit_ms=" + PeakMemory.jitMillis() + " heap_peak=" + heap + " rss_kb=" + PeakMemory.peakRssKilobytes() + " exit=" + exit);
        System.out.flush();
        System.exit(exit);
    }

    /** The workbooks of a folder in name order. */
    static List<Path> workbooks(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile)
                .filter((p) -> p.getFileName().toString().matches("(?i).*\\.xlsx?"))
                .sorted()
                .toList();
        }
    }

}
