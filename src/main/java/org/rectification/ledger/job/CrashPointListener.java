package org.rectification.ledger.job;

import org.rectification.ledger.intake.CrashPoint;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Names the points a crash-safety test can halt the run at: before each step starts
 * ({@code before:reportStep}) and after each chunk of a chunk-oriented step is written, before its commit
 * ({@code checkStep:2}: the first chunk committed, the second written but not committed).
 */
class CrashPointListener implements StepExecutionListener, ChunkListener<Object, Object> {

    private String step = "";

    private int chunks;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.step = stepExecution.getStepName();
        this.chunks = 0;
        CrashPoint.reach("before:" + this.step);
    }

    @Override
    public void afterChunk(org.springframework.batch.infrastructure.item.Chunk<Object> chunk) {
        this.chunks++;
        CrashPoint.reach(this.step + ":" + this.chunks);
    }

}
