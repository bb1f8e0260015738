package de.gremium.command.notification;

import de.gremium.events.group.GroupId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads the facts a letter needs from the record: an aggregate's stream (from its first event, never a snapshot),
 * through the record's decrypting serializer, so that an erased person's values read as placeholders.
 */
@Component
class RecordFacts {

    private final EventStore eventStore;

    RecordFacts(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The payloads of the aggregate's events, all of them. */
    List<Object> stream(String aggregateId) {
        return upTo(aggregateId, Long.MAX_VALUE);
    }

    /** The payloads of the aggregate's events up to and including {@code sequence}: the state an event left behind. */
    List<Object> upTo(String aggregateId, long sequence) {
        return eventStore.readEvents(aggregateId, 0L).asStream()
                .filter(e -> e.getSequenceNumber() <= sequence)
                .map(DomainEventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    GroupMembers group() {
        return GroupMembers.of(stream(GroupId.PROJEKTGRUPPE_INTEGRATION.value()));
    }
}
