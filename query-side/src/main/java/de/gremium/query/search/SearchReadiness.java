package de.gremium.query.search;

import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether the search index holds the whole record: its processor runs, holds its segment, is not failing, and has
 * caught up with the record's head since it started (Axon's {@link EventTrackerStatus#isCaughtUp()}, false again
 * after a reset and a start). Until then a search would answer from part of the record, so it is refused (503).
 *
 * <p>Not {@link EventTrackerStatus#isReplaying()}: after a reset Axon counts the processor as replaying until the
 * first event stored after the reset, however long ago the replay reached the head.
 */
@Component
class SearchReadiness {

    private final ObjectProvider<EventProcessingConfiguration> processing;

    SearchReadiness(ObjectProvider<EventProcessingConfiguration> processing) {
        this.processing = processing;
    }

    boolean complete() {
        StreamingEventProcessor processor = processing.getObject()
                .eventProcessor(SearchProjection.GROUP, StreamingEventProcessor.class).orElse(null);
        if (processor == null || !processor.isRunning() || processor.isError()) {
            return false;
        }
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        return !segments.isEmpty() && segments.values().stream()
                .allMatch(s -> s.isCaughtUp() && !s.isErrorState());
    }
}
