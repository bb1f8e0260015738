package de.gremium.platform.axon;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Copies the acting user, the correlation id and the client's reference (if any) from the message being handled onto every message it
 * produces, and names the cause. A message that arrives without a correlation id (the first one of a
 * chain) starts its own chain.
 *
 * <p>The cause is the handled message, except for a command that a policy sent because of an event:
 * commands are not stored, so its events name that event as their cause, and a trace can walk from
 * event to event.
 */
public class GremiumCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Object userId = message.getMetaData().get(MetadataKeys.USER_ID);
        if (userId != null) {
            data.put(MetadataKeys.USER_ID, userId);
        }
        Object correlationId = message.getMetaData().get(MetadataKeys.CORRELATION_ID);
        data.put(MetadataKeys.CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        Object clientCorrelationId = message.getMetaData().get(MetadataKeys.CLIENT_CORRELATION_ID);
        if (clientCorrelationId != null) {
            data.put(MetadataKeys.CLIENT_CORRELATION_ID, clientCorrelationId);
        }
        Object causedBy = message.getMetaData().get(MetadataKeys.CAUSATION_ID);
        boolean commandFromPolicy = message instanceof CommandMessage && causedBy != null;
        data.put(MetadataKeys.CAUSATION_ID, commandFromPolicy ? causedBy : message.getIdentifier());
        return data;
    }
}
