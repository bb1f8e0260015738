package de.gremium.command.network;

import de.gremium.command.idempotency.RequestIds;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.events.network.AnnounceNetworkProject;
import de.gremium.events.network.CompleteNetworkProject;
import de.gremium.events.network.DropNetworkProject;
import de.gremium.events.network.NetworkProjectId;
import de.gremium.events.network.UpdateNetworkProject;
import de.gremium.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/network-projects")
@Tag(name = "Network projects", description = "The coordinator records the running and planned projects of the "
        + "integration network's working groups; everyone reads them in the network feed on the query side")
class NetworkProjectController {

    private final CommandDispatcher commands;
    private final RequestIds ids;
    private final Clock clock;
    private final String querySideUrl;

    NetworkProjectController(CommandDispatcher commands, RequestIds ids, Clock clock,
            @Value("${gremium.query-side.base-url}") String querySideUrl) {
        this.commands = commands;
        this.ids = ids;
        this.clock = clock;
        this.querySideUrl = querySideUrl;
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Record a planned or running project of a network working group (coordinator)",
            description = "201 with the new id; the project appears in the query side's network feed within a second. "
                    + "Send an Idempotency-Key to retry safely.")
    ResponseEntity<NetworkProjectRequests.Created> announce(@Valid @RequestBody NetworkProjectRequests.Announce request) {
        NetworkProjectId id = new NetworkProjectId(ids.newId("network-project").toString());
        try {
            commands.send(new AnnounceNetworkProject(id, request.workingGroup(), request.title(), request.description(),
                    request.policyFields(), request.status(), request.startDate(), request.endDate(), request.contact(),
                    CurrentUser.id(), clock.instant()));
        } catch (ConcurrencyException | AggregateStreamCreationException alreadyStored) {
            if (!ids.isKeyed()) {
                throw alreadyStored;
            }
            // a retry of a keyed request whose first attempt stored the project: same answer as then
        }
        return ResponseEntity.created(URI.create(querySideUrl + "/api/network-projects/" + id.value()))
                .body(new NetworkProjectRequests.Created(id.value()));
    }

    @PostMapping("/{projectId}/update")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Update status, dates, contact, description or policy fields (coordinator)",
            description = "The body is the project as it stands now. An update that changes nothing records nothing. "
                    + "A completed or dropped project cannot change (409).")
    ResponseEntity<Void> update(@PathVariable String projectId, @Valid @RequestBody NetworkProjectRequests.Update request) {
        commands.send(new UpdateNetworkProject(new NetworkProjectId(projectId), request.title(), request.description(),
                request.policyFields(), request.status(), request.startDate(), request.endDate(), request.contact(),
                CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{projectId}/completion")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Record that the project was completed, with a summary (coordinator; once)")
    ResponseEntity<Void> complete(@PathVariable String projectId, @Valid @RequestBody NetworkProjectRequests.Complete request) {
        commands.send(new CompleteNetworkProject(new NetworkProjectId(projectId), request.summary(), request.completedOn(),
                CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{projectId}/dropping")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Record that the project was dropped, with a reason (coordinator; once)")
    ResponseEntity<Void> drop(@PathVariable String projectId, @Valid @RequestBody NetworkProjectRequests.Drop request) {
        commands.send(new DropNetworkProject(new NetworkProjectId(projectId), request.reason(), CurrentUser.id(),
                clock.instant()));
        return ResponseEntity.noContent().build();
    }
}
