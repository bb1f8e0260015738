package de.gremium.command.messaging;

import de.gremium.platform.axon.MetadataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Sends a command because of an event: the user and correlation id of the event travel on, and the
 * event is named as the cause, so that a trace can walk from event to event.
 */
@Component
public class PolicyCommands {

    /**
     * The processing group of every policy (meetings, consensus, monitoring): subscribing, so a policy acts in the
     * causing command's thread and never replays (command-side.properties). Until 2026 it was called
     * {@code meeting-policies}; {@code V2__policies_processing_group.sql} renamed its rows in the record.
     */
    public static final String PROCESSING_GROUP = "policies";

    private final CommandGateway commands;

    public PolicyCommands(CommandGateway commands) {
        this.commands = commands;
    }

    public void send(Object command, EventMessage<?> cause) {
        MetaData metaData = MetaData.with(MetadataKeys.USER_ID, cause.getMetaData().get(MetadataKeys.USER_ID))
                .and(MetadataKeys.CORRELATION_ID, cause.getMetaData().get(MetadataKeys.CORRELATION_ID))
                .and(MetadataKeys.CAUSATION_ID, cause.getIdentifier());
        Object clientCorrelationId = cause.getMetaData().get(MetadataKeys.CLIENT_CORRELATION_ID);
        if (clientCorrelationId != null) {
            metaData = metaData.and(MetadataKeys.CLIENT_CORRELATION_ID, clientCorrelationId);
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
