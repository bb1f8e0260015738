package de.gremium.platform.axon;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Stops streaming processors so that their tokens may be reset or deleted. Axon's {@code shutdownAsync()} can complete
 * while the last worker of a single-threaded tracking processor is still running on a loaded machine (it waits for its
 * work launcher at most one second); that worker then stores its token after the reset, over the replay token, and the
 * processor goes on from where it was instead of replaying. A worker frees its segment's status only after its last
 * token was stored, so a processor counts as stopped here once it is shut down and holds no segment.
 */
public final class StoppedProcessors {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long PAUSE_MILLIS = 20;

    private StoppedProcessors() {
    }

    /** Shuts the processors down and returns once none of them has a worker left. */
    public static void stop(Collection<? extends StreamingEventProcessor> processors) {
        CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (StreamingEventProcessor processor : processors) {
            while (!processor.processingStatus().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The processor " + processor.getName() + " still has a worker "
                            + PATIENCE.toSeconds() + " s after it was shut down: " + processor.processingStatus().keySet());
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a processor to stop", e);
        }
    }
}
