package de.gremium.query.search;

import de.gremium.events.privacy.PrivacyEvent;
import de.gremium.platform.axon.StoppedProcessors;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * After an erasure, this process's search index is built again from the record, which now reads the erased values as
 * placeholders. The index is in this process's memory (every query-side process keeps its own), so every process
 * follows the erasures itself: this processor's token is in memory too and starts at the head of the record, since at
 * every start the index is built from the record anyway. The views in MongoDB, shared by all processes, are rebuilt
 * once by {@code ErasedViews}.
 *
 * <p>The search's processor is stopped, reset (its reset handler empties the index) and started again. The position of
 * the last erasure handled is kept, so that an erasure handed over again (a retried batch) does not reset it twice.
 */
@Component
@ProcessingGroup(ErasedSearchIndex.GROUP)
public class ErasedSearchIndex {

    public static final String GROUP = "erased-search";

    private static final Logger log = LoggerFactory.getLogger(ErasedSearchIndex.class);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private long handled = -1;

    ErasedSearchIndex(ObjectProvider<EventProcessingConfiguration> processing) {
        this.processing = processing;
    }

    @EventHandler
    void on(PrivacyEvent erasure, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("an erasure without a position: " + token));
        if (position <= handled) {
            return;
        }
        StreamingEventProcessor search = processing.getObject()
                .eventProcessor(SearchProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        // Not in this handler's unit of work: the search's in-memory token store keeps a token written inside a unit of
        // work until that unit commits, which is after the restart, so the restarted worker read the old token (the
        // head) and the emptied index was never filled again.
        CompletableFuture.runAsync(() -> {
            StoppedProcessors.stop(List.of(search));
            try {
                search.resetTokens();
            } finally {
                search.start();
            }
        }).join();
        handled = position;
        log.warn("Erasure {} (position {}): the search index of this process is built again from the record",
                erasure.erasureId(), position);
    }
}
