package de.gremium.platform.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * An event that got a field whose absence (null) is the right reading of every older event: only the revision is
 * raised, the payload stays as it was stored.
 */
abstract class OptionalFieldAdded extends SingleEventUpcaster {

    private final SerializedType from;
    private final SerializedType to;

    OptionalFieldAdded(Class<?> event, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(event.getName(), fromRevision);
        this.to = new SimpleSerializedType(event.getName(), toRevision);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(to, JsonNode.class, payload -> payload);
    }
}
