package de.gremium.query.network;

import de.gremium.events.network.NetworkProjectId;
import de.gremium.platform.refusal.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/network-projects")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Network feed")
class NetworkProjectController {

    private final QueryGateway queries;

    NetworkProjectController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{projectId}")
    @Operation(summary = "One network project as it stands now", description = "With its feed entries oldest first "
            + "(history). The ETag is the project's version.")
    ResponseEntity<NetworkProjectDetail> project(@PathVariable String projectId) {
        return queries.query(new FetchNetworkProject(new NetworkProjectId(projectId)),
                        ResponseTypes.optionalInstanceOf(NetworkProjectDetail.class)).join()
                .map(d -> ResponseEntity.ok().eTag(Long.toString(d.project().version())).body(d))
                .orElseThrow(() -> Refusal.notFound("Network project " + projectId));
    }
}
