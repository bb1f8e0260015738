package de.gremium.query.network;

import de.gremium.events.PolicyField;
import de.gremium.events.network.FetchNetworkFeed;
import de.gremium.events.network.NetworkWorkingGroup;
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
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Network feed", description = "The running and planned projects of the integration network's working groups")
class NetworkFeedController {

    static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

    /** One row per feed entry; changes as "field: before -> after" joined by "; ". */
    static final CsvColumns<NetworkFeedEntry> ENTRIES = CsvColumns.of(NetworkFeedEntry.class, "changes")
            .and("changes", e -> e.changes() == null ? null : e.changes().stream()
                    .map(c -> c.field() + ": " + (c.before() == null ? "" : c.before()) + " -> "
                            + (c.after() == null ? "" : c.after())).toList());

    private final QueryGateway queries;
    private final NetworkAtomFeed atom;

    NetworkFeedController(QueryGateway queries, NetworkAtomFeed atom) {
        this.queries = queries;
        this.atom = atom;
    }

    @GetMapping("/api/network-feed")
    @Operation(summary = "The network-group feed, newest first", description = "One entry per event of a project "
            + "(kind ANNOUNCED, UPDATED, COMPLETED, DROPPED; German title \"AG Sprache: <title> – neu\", \"– aktualisiert\", "
            + "\"– abgeschlossen\", \"– eingestellt\"), with the project as it stood after that event. Paged like OParl "
            + "lists (data, pagination, links); pages count from 1. Filters combine and match the working group and "
            + "policy fields an entry had when it happened.\n\nCSV (?format=csv or csv-semicolon, or Accept: text/csv): "
            + "one row per entry of the page, the fields of the JSON, changes as \"field: before -> after\" joined by "
            + "\"; \"; X-Total-Count and Link place the page in the list.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PageView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> feed(
            @RequestParam(required = false) NetworkWorkingGroup workingGroup,
            @RequestParam(required = false) PolicyField policyField,
            @Parameter(description = PageView.PAGE) @RequestParam(defaultValue = "1") @Min(1) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        NetworkFeedQueries.NetworkFeedPage result = queries.query(new FetchNetworkFeed(workingGroup, policyField, page - 1, size),
                ResponseTypes.instanceOf(NetworkFeedQueries.NetworkFeedPage.class)).join();
        return export.page(PageView.of(result.entries(), result.total(), page, size,
                ServletUriComponentsBuilder.fromCurrentRequest()), ENTRIES, "network-feed");
    }

    @GetMapping("/api/network-feed.atom")
    @Operation(summary = "The network-group feed as an Atom feed", description = """
            RFC 4287, for intranet pages and feed readers (HTTP Basic works with feed readers). The newest \
            50 entries of the feed, newest first, with the same filters as the JSON feed. Feed id \
            "tag:gremium.magdeburg.de,2026:network-feed" (filters appended as "?workingGroup=…&policyField=…"), \
            title "Netzwerk für Integrations- und Ausländerarbeit – Projekte", updated the newest entry's time. \
            Each entry: id "tag:gremium.magdeburg.de,2026:network-feed/<projectId>/<sequence>", the same in every \
            filtered feed; German title "AG Sprache: <title> – neu"; updated and published the event's time; \
            author the recording user; summary and text content; categories for the working group, each policy \
            field and the status (schemes …:network-working-group, …:policy-field, …:network-project-status). \
            The ETag lets readers ask with If-None-Match.""")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string")))
    ResponseEntity<String> atom(
            @RequestParam(required = false) NetworkWorkingGroup workingGroup,
            @RequestParam(required = false) PolicyField policyField) {
        NetworkFeedQueries.NetworkFeedPage newest = queries.query(
                new FetchNetworkFeed(workingGroup, policyField, 0, NetworkAtomFeed.ENTRIES),
                ResponseTypes.instanceOf(NetworkFeedQueries.NetworkFeedPage.class)).join();
        String body = atom.render(newest.entries(), workingGroup, policyField,
                ServletUriComponentsBuilder.fromCurrentRequest().toUriString(),
                ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        String etag = "\"" + HexFormat.of().formatHex(DigestUtils.md5Digest(body.getBytes(StandardCharsets.UTF_8))) + "\"";
        // Spring answers If-None-Match with 304 for a ResponseEntity that carries an ETag
        return ResponseEntity.ok().contentType(ATOM).eTag(etag).body(body);
    }
}
