package org.rectification.ledger.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One child JVM's figures: what it processed, how long the process took from start to exit (wall) and inside
 * the JVM (work), the CPU time of the whole process and the part of it the JIT compilers spent, its peak heap and
 * peak resident set size, and its exit code. CPU seconds are steadier than wall seconds on a shared machine.
 */
record Measurement(String label, long files, long rows, double wallSeconds, double workSeconds, double cpuSeconds,
        double jitSeconds, double heapMb, double rssMb, int exit) {

    double rowsPerSecond() {
        return (this.wallSeconds > 0) ? this.rows / this.wallSeconds : 0;
    }

    /** The median of each figure over several runs of the same thing (files, rows and exit of the first). */
    static Measurement median(List<Measurement> runs) {
        Measurement first = runs.get(0);
        return new Measurement(first.label, first.files, first.rows, median(runs, Measurement::wallSeconds),
                median(runs, Measurement::workSeconds), median(runs, Measurement::cpuSeconds),
                median(runs, Measurement::jitSeconds), median(runs, Measurement::heapMb),
                median(runs, Measurement::rssMb), runs.stream().mapToInt(Measurement::exit).max().orElse(0));
    }

    private static double median(List<Measurement> runs, ToDoubleFunction<Measurement> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

}
