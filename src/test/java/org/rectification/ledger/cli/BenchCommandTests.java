package org.rectification.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A small benchmark (3 submissions × 20 rows, once) runs the floor, the work floor, the naive way and the product
 * each in its own JVM and reports positive figures for all four; a smoke test of the machinery, not a timed
 * assertion.
 */
@Tag("process")
class BenchCommandTests {

    private static final Pattern MODE_ROW = Pattern.compile(
            "\\| (floor|workfloor|naive|product) \\| (\\d+) \\| (\\d+) \\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\| "
            + "([\\d.]+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|");

    @Test
    void measuresFloorsNaiveAndProductOnASmallCorpus(@TempDir Path scratch) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = LedgerCommand.commandLine("bench");
        command.setCaseInsensitiveEnumValuesAllowed(true);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        Path table = scratch.resolve("bench-results.md");

        int exit = command.execute("bench", "--departments", "3", "--rows", "20", "--repeat", "1", "--scenario", "main",
                "--work", scratch.resolve("work").toString(), "--out", table.toString());

        assertThat(exit).as(err.toString()).isEqualTo(LedgerCommand.OK);
        String markdown = Files.readString(table, StandardCharsets.UTF_8);
        assertThat(out.toString()).contains(markdown.strip());
        Matcher rows = MODE_ROW.matcher(markdown);
        List<String> modes = new java.util.ArrayList<>();
        while (rows.find()) {
            modes.add(rows.group(1));
            assertThat(Long.parseLong(rows.group(2))).as("files of " + rows.group(1)).isEqualTo(3);
            assertThat(Long.parseLong(rows.group(3))).as("rows of " + rows.group(1)).isEqualTo(60);
            for (int figure = 4; figure <= 10; figure++) {
                assertThat(Double.parseDouble(rows.group(figure))).as(rows.group(1) + " figure " + figure).isPositive();
            }
        }
        assertThat(modes).containsExactly("floor", "workfloor", "naive", "product");
        assertThat(markdown).contains("product / floor", "product / workfloor", "naive / product");
        assertThat(scratch.resolve("work/runs/workfloor-1/notices")).isDirectory();
        assertThat(scratch.resolve("work/runs/product-1/out/summary.json")).isRegularFile();
    }

}
