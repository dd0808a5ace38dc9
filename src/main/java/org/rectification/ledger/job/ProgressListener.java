package org.rectification.ledger.job;

import java.io.Console;
import java.time.Duration;
import java.time.Instant;

import org.rectification.ledger.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows how far the check step has got on long runs: a live line (files, rows, rate, ETA) on an
 * interactive terminal, otherwise a log line at a steady interval, so a nightly log shows progress too.
 */
class ProgressListener implements StepExecutionListener, ChunkListener<Object, CheckedItem> {

    private static final Logger logger = LoggerFactory.getLogger(ProgressListener.class);

    private static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

    private final int totalFiles;

    private final Console console = System.console();

    private Instant started;

    private Instant lastLine;

    private int files;

    private long rows;

    ProgressListener(int totalFiles) {
        this.totalFiles = totalFiles;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.started = Instant.now();
        this.lastLine = this.started;
    }

    @Override
    public void afterChunk(Chunk<CheckedItem> chunk) {
        for (CheckedItem item : chunk) {
            this.files++;
            this.rows += (item.checked().read() != null) ? item.checked().read().rowCount() : 0;
        }
        Instant now = Instant.now();
        if (this.console != null) {
            this.console.writer().print("\r" + line(now));
            this.console.writer().flush();
        }
        else if (Duration.between(this.lastLine, now).compareTo(LOG_INTERVAL) >= 0) {
            logger.info(line(now));
            this.lastLine = now;
        }
    }

    @Override
    public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
        if (this.console != null && this.files > 0) {
            this.console.writer().println();
        }
        logger.info(line(Instant.now()));
        return null;
    }

    String line(Instant now) {
        double seconds = Math.max(0.001, Duration.between(this.started, now).toMillis() / 1000.0);
        double filesPerSecond = this.files / seconds;
        int left = Math.max(0, this.totalFiles - this.files);
        String eta = (filesPerSecond > 0 && left > 0) ? formatDuration(Duration.ofSeconds((long) (left / filesPerSecond))) : "-";
        return Messages.get("job.log.progress", String.valueOf(this.files), String.valueOf(this.totalFiles),
                String.valueOf(this.rows), String.format("%.0f", this.rows / seconds), eta);
    }

    private static String formatDuration(Duration duration) {
        long s = duration.getSeconds();
        return String.format("%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }

}
