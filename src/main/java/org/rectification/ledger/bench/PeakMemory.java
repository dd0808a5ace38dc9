package org.rectification.ledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Samples the heap in use every 50 ms on a daemon thread and keeps the highest value; at the end reads the
 * process's own peak resident set size (VmHWM) from /proc/self/status.
 */
final class PeakMemory implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 50;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    private final Thread sampler;

    private volatile long peakHeap;

    private volatile boolean running = true;

    PeakMemory() {
        this.sampler = new Thread(this::sampleUntilClosed, "bench-heap-sampler");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    private void sampleUntilClosed() {
        while (this.running) {
            sample();
            try {
                Thread.sleep(INTERVAL_MILLIS);
            }
            catch (InterruptedException ex) {
                return;
            }
        }
    }

    private void sample() {
        long used = this.memory.getHeapMemoryUsage().getUsed();
        if (used > this.peakHeap) {
            this.peakHeap = used;
        }
    }

    /** The highest heap in use seen so far, in bytes. */
    long peakHeapBytes() {
        sample();
        return this.peakHeap;
    }

    /** Peak resident set size of this process in kB, or -1 where /proc is not available. */
    static long peakRssKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // not Linux: no RSS figure
        }
        return -1;
    }

    /** CPU time of this process so far (all threads, JIT and GC included), in ms, or -1 where not known. */
    static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /**
     * CPU time the JIT compiler threads took so far, in ms, read from {@code /proc/self/task} (the threads named
     * "C1/C2 CompilerThread"); -1 where /proc is not available. (The JVM's own compilation time is wall time, which
     * on a loaded machine says more about the load than about the compiler.)
     */
    static long jitMillis() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        continue;
                    }
                    // fields after the command name, which is in parentheses: utime and stime are the 12th and 13th
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
                catch (IOException | RuntimeException ex) {
                    // the thread ended meanwhile
                }
            }
        }
        catch (IOException ex) {
            return -1;
        }
        // the kernel's clock ticks are 100 a second on Linux
        return ticks * 10;
    }

    @Override
    public void close() {
        this.running = false;
        this.sampler.interrupt();
    }

}
