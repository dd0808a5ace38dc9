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
@Command(name = "bench", mixinStandardHelpOptions = true)
class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--departments", defaultValue = "200", descriptionKey = "cli.bench.departments")
    int departments;

    @Option(names = "--rows", defaultValue = "100", descriptionKey = "cli.bench.rows")
    int rows;

    @Option(names = "--repeat", defaultValue = "3", descriptionKey = "cli.bench.repeat")
    int repeat;

    @Option(names = "--seed", defaultValue = "20261105", descriptionKey = "cli.bench.seed")
    long seed;

    @Option(names = "--scenario", split = ",", paramLabel = "NAME",
            descriptionKey = "cli.bench.scenario")
    Set<Benchmark.Scenario> scenarios;

    @Option(names = "--large-rows", defaultValue = "200000", descriptionKey = "cli.bench.large-rows")
    int largeRows;

    @Option(names = "--report-tasks", defaultValue = "1000000", descriptionKey = "cli.bench.report-tasks")
    int reportTasks;

    @Option(names = "--work", descriptionKey = "cli.bench.work")
    Path work;

    @Option(names = "--out", descriptionKey = "cli.bench.out")
    Path out;

    @Option(names = "--profile", descriptionKey = "cli.bench.profile")
    boolean profile;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = this.spec.commandLine().getOut();
        Path scratch = (this.work != null) ? this.work.toAbsolutePath() : Files.createTempDirectory("ledger-bench-");
        Set<Benchmark.Scenario> chosen = (this.scenarios != null) ? this.scenarios : EnumSet.allOf(Benchmark.Scenario.class);
        String table = new Benchmark(new Benchmark.Settings(this.departments, this.rows, this.repeat, this.seed, chosen,
                this.largeRows, this.reportTasks, scratch, this.profile), this.spec.commandLine().getErr(),
                LedgerProbe.class.getName()).run();
        console.println(table);
        console.flush();
        if (this.out != null) {
            Files.writeString(this.out, table, StandardCharsets.UTF_8);
        }
        return LedgerCommand.OK;
    }

}
