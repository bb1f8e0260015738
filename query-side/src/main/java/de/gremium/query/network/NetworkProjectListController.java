package de.gremium.query.network;

import de.gremium.events.PolicyField;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.query.api.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Network feed")
class NetworkProjectListController {

    private final QueryGateway queries;

    NetworkProjectListController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/network-projects")
    @Operation(summary = "Network projects as they stand now, newest first", description = """
            One row per project, the latest announced first: working group, title, status, policy fields (joined \
            by ", "), start and end date, contact. Paged like OParl lists (data, pagination, links); pages count \
            from 1. Filters combine. One project with its history: /api/network-projects/{projectId}.""")
    PageView<NetworkProjectRow> projects(
            @RequestParam(required = false) NetworkWorkingGroup workingGroup,
            @RequestParam(required = false) NetworkProjectStatus status,
            @RequestParam(required = false) PolicyField policyField,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        NetworkFeedQueries.NetworkProjectPage result = queries.query(
                new FetchNetworkProjects(workingGroup, status, policyField, page - 1, size),
                ResponseTypes.instanceOf(NetworkFeedQueries.NetworkProjectPage.class)).join();
        return PageView.of(result.rows(), result.total(), page, size, ServletUriComponentsBuilder.fromCurrentRequest());
    }
}
