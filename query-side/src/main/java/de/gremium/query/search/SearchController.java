package de.gremium.query.search;

import de.gremium.events.PolicyField;
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
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Search", description = "Full-text search across reports, ideas, recommendations and drafts, minutes and "
        + "network projects")
class SearchController {

    static final CsvColumns<SearchHit> HIT = CsvColumns.of(SearchHit.class);

    private final QueryGateway queries;

    SearchController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/search")
    @Operation(summary = "Search, best match first", description = """
            German full text: umlauts and ß match as typed ("Buero", "Büro", "buro"; "Strasse", "Straße"), words \
            match their inflected forms ("Sprachkurse" finds "Sprachkurs"). Every word must match; "quoted words" \
            must match as a phrase; no other character is an operator. Hits come in score order (title words weigh \
            double), each with the link to its view and the matched passage (`snippet`: HTML-escaped, matches in \
            `<mark>`). Only hits of kinds the caller's role may read. Paged like OParl lists; pages count from 1. \
            503 with Retry-After while the index is being built after a start or a rebuild (docs/search.md).

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per hit of the page, the same \
            fields as columns; X-Total-Count and Link place the page in the list (docs/exports.md).""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PageView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> search(
            @Parameter(description = "The words to find, at most 200 characters") @RequestParam(required = false) String q,
            @Parameter(description = "report, idea, recommendation, draft, minutes or network-project; repeat for several; "
                    + "none for all") @RequestParam(required = false) List<String> kind,
            @RequestParam(required = false) PolicyField policyField,
            @Parameter(description = "The year an item belongs to: a report's submission, an idea's proposal, a draft's "
                    + "putting, a recommendation's consensus, a meeting's date, a network project's announcement "
                    + "(Europe/Berlin)") @RequestParam(required = false) @Min(1900) @Max(2200) Integer year,
            @Parameter(description = PageView.PAGE) @RequestParam(defaultValue = "1") @Min(1) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        SearchText text = new SearchText(q);
        Set<SearchKind> kinds = kind == null ? Set.of() : kind.stream().map(SearchKind::of).collect(Collectors.toSet());
        SearchQueries.SearchResult result = queries.query(
                new FetchSearchHits(text, kinds, policyField, year, callerRoles(), page - 1, size),
                ResponseTypes.instanceOf(SearchQueries.SearchResult.class)).join();
        if (!result.complete()) {
            throw Refusal.notReady("The search index is still being built from the record; retry in a moment.");
        }
        return export.page(PageView.of(result.hits(), result.total(), page, size,
                ServletUriComponentsBuilder.fromCurrentRequest()), HIT, "search");
    }

    private static Set<String> callerRoles() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null ? Set.of() : caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).collect(Collectors.toSet());
    }
}
