package de.gremium.command.messaging;

import de.gremium.platform.axon.MetadataKeys;
import de.gremium.platform.security.CurrentUser;
import de.gremium.platform.web.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of the authenticated caller: the user id, the request's correlation id (the server's
 * own) and the caller's {@code X-Correlation-Id} (as {@code clientCorrelationId}, if sent) travel as metadata, and the correlation data provider copies them onto every resulting event.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway gateway;
    private final HttpServletRequest request;

    public CommandDispatcher(CommandGateway gateway, HttpServletRequest request) {
        this.gateway = gateway;
        this.request = request;
    }

    public <R> R send(Object command) {
        MetaData metaData = MetaData.with(MetadataKeys.USER_ID, CurrentUser.id())
                .and(MetadataKeys.CORRELATION_ID, CorrelationIdFilter.of(request));
        Optional<String> clients = CorrelationIdFilter.clientsOf(request);
        if (clients.isPresent()) {
            metaData = metaData.and(MetadataKeys.CLIENT_CORRELATION_ID, clients.get());
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
