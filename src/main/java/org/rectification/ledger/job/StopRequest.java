package org.rectification.ledger.job;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * A request to stop the run after its current chunk (serve mode's SIGTERM). The running step takes it on its own
 * thread, at a chunk boundary or before it starts, by marking itself terminate-only; Spring Batch then stops the
 * step and the job as STOPPED, ready to be restarted. JobOperator.stop would update the running step's execution
 * from the signal's thread, racing the step's own updates (an optimistic-locking failure that left the run
 * FAILED instead of STOPPED).
 */
public class StopRequest implements StepExecutionListener, ChunkListener<Object, Object> {

    private final AtomicBoolean requested = new AtomicBoolean();

    private volatile StepExecution running;

    /** Asks the run to stop at its next chunk boundary or step. */
    public void request() {
        this.requested.set(true);
    }

    public boolean requested() {
        return this.requested.get();
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.running = stepExecution;
        takeRequest(stepExecution);
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        takeRequest(this.running);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        this.running = null;
        return null;
    }

    private void takeRequest(StepExecution step) {
        if (step != null && this.requested.get()) {
            step.setTerminateOnly();
        }
    }

}
