package org.rectification.ledger.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

import org.rectification.ledger.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger bench}: measures the nightly run against the floor (EasyExcel doing nothing with the rows) and
 * the naive way (POI usermodel), each in its own JVM, on one generated corpus, and prints a Markdown table of
 * the medians.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the nightly run against the floor and the naive way on a generated corpus; "
                + "prints a Markdown table of medians.")
class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--departments", defaultValue = "200", description = "Submissions in the corpus (default: ${DEFAULT-VALUE}).")
    int departments;

    @Option(names = "--rows", defaultValue = "100", description = "Rows per submission (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--repeat", defaultValue = "3", description = "Runs of each measurement; medians are reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--seed", defaultValue = "20261105", description = "Corpus seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scenario", split = ",", paramLabel = "NAME",
            description = "What to measure: main, incremental, large_sheet, reports, check, board (default: all).")
    Set<Benchmark.Scenario> scenarios;

    @Option(names = "--large-rows", defaultValue = "200000", description = "Rows of the single large sheet (default: ${DEFAULT-VALUE}).")
    int largeRows;

    @Option(names = "--report-tasks", defaultValue = "1000000", description = "Tasks in the ledger the reports scenario writes (default: ${DEFAULT-VALUE}).")
    int reportTasks;

    @Option(names = "--work", description = "Scratch folder for the corpus and the runs (default: a new temporary folder).")
    Path work;

    @Option(names = "--out", description = "Also write the Markdown table to this file.")
    Path out;

    @Option(names = "--profile", description = "Record the product runs with Java Flight Recorder (.jfr next to the logs).")
    boolean profile;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = this.spec.commandLine().getOut();
        Path scratch = (this.work != null) ? this.work.toAbsolutePath() : Files.createTempDirectory("ledger-bench-");
        Set<Benchmark.Scenario> chosen = (this.scenarios != null) ? this.scenarios : EnumSet.allOf(Benchmark.Scenario.class);
        String table = new Benchmark(new Benchmark.Settings(this.departments, this.rows, this.repeat, this.seed, chosen,
                this.largeRows, this.reportTasks, scratch, this.profile), this.spec.commandLine().getErr()).run();
        console.println(table);
        console.flush();
        if (this.out != null) {
            Files.writeString(this.out, table, StandardCharsets.UTF_8);
        }
        return LedgerCommand.OK;
    }

}
