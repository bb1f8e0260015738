package de.gremium.query.network;

import de.gremium.events.PolicyField;
import de.gremium.events.network.NetworkProjectId;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.platform.refusal.Refusal;
import de.gremium.query.api.PageView;
import de.gremium.query.export.CsvColumns;
import de.gremium.query.export.Export;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/network-projects")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Network feed")
class NetworkProjectController {

    static final CsvColumns<NetworkProjectRow> NETWORK_PROJECT_ROW = CsvColumns.of(NetworkProjectRow.class);

    private final QueryGateway queries;

    NetworkProjectController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{projectId}")
    @Operation(summary = "One network project as it stands now", description = "With its feed entries oldest first "
            + "(history). The ETag is the project's version (JSON only).\n\nCSV (?format=csv or csv-semicolon, or "
            + "Accept: text/csv): its history, one row per feed entry oldest first, with the feed's columns.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NetworkProjectDetail.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> project(@PathVariable String projectId,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        NetworkProjectDetail detail = queries.query(new FetchNetworkProject(new NetworkProjectId(projectId)),
                        ResponseTypes.optionalInstanceOf(NetworkProjectDetail.class)).join()
                .orElseThrow(() -> Refusal.notFound("Network project " + projectId));
        return export.eTag(detail.project().version()).view(detail, NetworkProjectDetail::history,
                NetworkFeedController.ENTRIES, "network-project-" + projectId);
    }

    @GetMapping
    @Operation(summary = "Network projects as they stand now, newest first", description = """
            One row per project, the latest announced first: working group, title, status, policy fields (joined \
            by ", "), start and end date, contact. Paged like OParl lists (data, pagination, links); pages count \
            from 1. Filters combine. One project with its history: /api/network-projects/{projectId}.

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per row of the page, the same \
            fields as columns; X-Total-Count and Link place the page in the list (docs/exports.md).""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PageView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> projects(
            @RequestParam(required = false) NetworkWorkingGroup workingGroup,
            @RequestParam(required = false) NetworkProjectStatus status,
            @RequestParam(required = false) PolicyField policyField,
            @Parameter(description = PageView.PAGE) @RequestParam(defaultValue = "1") @Min(1) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        NetworkFeedQueries.NetworkProjectPage result = queries.query(
                new FetchNetworkProjects(workingGroup, status, policyField, page - 1, size),
                ResponseTypes.instanceOf(NetworkFeedQueries.NetworkProjectPage.class)).join();
        return export.page(PageView.of(result.rows(), result.total(), page, size,
                ServletUriComponentsBuilder.fromCurrentRequest()),
                NETWORK_PROJECT_ROW, "network-projects");
    }
}
