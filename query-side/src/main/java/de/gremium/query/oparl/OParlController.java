package de.gremium.query.oparl;

import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.security.GremiumSecurityAutoConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The OParl 1.1 interface, read-only (docs/oparl.md). Every signed-in role reads it; with
 * {@code gremium.oparl.anonymous=true} the platform's security lets anonymous callers in as well.
 */
@RestController
@RequestMapping(path = OParlPaths.ROOT, produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER') or hasAuthority('" + GremiumSecurityAutoConfiguration.ANONYMOUS_OPARL_READER + "')")
@Tag(name = "OParl 1.1", description = "The group's meetings, agenda items, papers, organizations and persons as OParl 1.1 "
        + "(https://oparl.org), read-only")
class OParlController {

    private static final String LIST = """
            An OParl external list, oldest first (by created, then id), paged: links.next on every page but the last; \
            the filters stay in every link. Deleted objects (deleted: true with id, type, created and modified) only \
            when modified_since is given.""";

    private final QueryGateway queries;
    private final OParlSettings settings;

    OParlController(QueryGateway queries, OParlSettings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    @GetMapping("/system")
    @Operation(summary = "The OParl system (the entry point)", description = "Names the list of bodies; 404 until the "
            + "group is constituted.")
    ResponseEntity<Map<String, Object>> system() {
        return json(object(OParlPaths.SYSTEM, false));
    }

    @GetMapping("/" + OParlPaths.BODIES)
    @Operation(summary = "The bodies (one: the city)", description = LIST)
    ResponseEntity<OParlListPage> bodies(@Parameter(description = "e.g. 2026-01-01T00:00:00+01:00", schema = @Schema(type = "string", format = "date-time")) @RequestParam(name = OParlFilter.CREATED_SINCE, required = false) String createdSince,
            @Parameter(schema = @Schema(type = "string", format = "date-time")) @RequestParam(name = OParlFilter.CREATED_UNTIL, required = false) String createdUntil,
            @Parameter(description = "also lists deleted objects", schema = @Schema(type = "string", format = "date-time")) @RequestParam(name = OParlFilter.MODIFIED_SINCE, required = false) String modifiedSince,
            @Parameter(schema = @Schema(type = "string", format = "date-time")) @RequestParam(name = OParlFilter.MODIFIED_UNTIL, required = false) String modifiedUntil,
            @Parameter(description = "true: leave out embedded lists") @RequestParam(name = OParlFilter.OMIT_INTERNAL, required = false) Boolean omitInternal,
            @Parameter(description = "from 1 to 1000000") @RequestParam(required = false) @Min(1) @Max(OParlSettings.MAX_PAGE) Integer page,
            @Parameter(description = "objects per page, 1 to 1000; default 100") @RequestParam(required = false) @Min(1) @Max(OParlSettings.MAX_LIMIT) Integer limit) {
        return json(list(OParlKind.BODY, OParlPaths.BODIES,
                OParlFilter.of(createdSince, createdUntil, modifiedSince, modifiedUntil, omitInternal), page, limit));
    }

    @GetMapping("/body/{body}/{list}")
    @Operation(summary = "One of the body's lists", description = LIST + """

            list: organization, person, membership, meeting, agendaitem, paper, consultation or legislativeterm. \
            Persons and memberships only as gremium.oparl.persons allows (else the list is empty).""")
    ResponseEntity<OParlListPage> bodyList(@PathVariable String body, @PathVariable String list,
            @Parameter(description = "e.g. 2026-01-01T00:00:00+01:00", schema = @Schema(type = "string", format = "date-time")) @RequestParam(name = OParlFilter.CREATED_SINCE, required = false) String createdSince,
            @Parameter(schema = @Schema(type = "string", format = "date-time")) @RequestParam(name = OParlFilter.CREATED_UNTIL, required = false) String createdUntil,
            @Parameter(description = "also lists deleted objects", schema = @Schema(type = "string", format = "date-time")) @RequestParam(name = OParlFilter.MODIFIED_SINCE, required = false) String modifiedSince,
            @Parameter(schema = @Schema(type = "string", format = "date-time")) @RequestParam(name = OParlFilter.MODIFIED_UNTIL, required = false) String modifiedUntil,
            @Parameter(description = "true: leave out embedded lists") @RequestParam(name = OParlFilter.OMIT_INTERNAL, required = false) Boolean omitInternal,
            @Parameter(description = "from 1 to 1000000") @RequestParam(required = false) @Min(1) @Max(OParlSettings.MAX_PAGE) Integer page,
            @Parameter(description = "objects per page, 1 to 1000; default 100") @RequestParam(required = false) @Min(1) @Max(OParlSettings.MAX_LIMIT) Integer limit) {
        // the parameters first, as everywhere: a bad filter is a 400 whatever the path names
        OParlFilter filter = OParlFilter.of(createdSince, createdUntil, modifiedSince, modifiedUntil, omitInternal);
        OParlKind kind = OParlKind.ofPath(list).filter(k -> body.equals(OParlPaths.BODY_KEY) && OParlPaths.LISTS.contains(k))
                .orElseThrow(() -> Refusal.notFound("OParl list " + body + "/" + list));
        return json(list(kind, OParlPaths.list(kind), filter, page, limit));
    }

    @GetMapping("/{type}/{key}")
    @Operation(summary = "One OParl object by its URL", description = """
            type: body, organization, person, membership, meeting, agendaitem, paper, consultation, legislativeterm, \
            file or location. A deleted object answers 200 with deleted: true.""")
    ResponseEntity<Map<String, Object>> object(@PathVariable String type, @PathVariable String key,
            @Parameter(description = "true: leave out embedded lists") @RequestParam(name = OParlFilter.OMIT_INTERNAL, required = false) Boolean omitInternal) {
        OParlKind kind = OParlKind.ofPath(type).filter(k -> k != OParlKind.SYSTEM)
                .orElseThrow(() -> Refusal.notFound("OParl object " + type + "/" + key));
        return json(object(kind.id(key), Boolean.TRUE.equals(omitInternal)));
    }

    @GetMapping(path = "/file/{key}/content", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "A file's content (the minutes of a meeting, as text)")
    ResponseEntity<String> fileContent(@PathVariable String key) {
        String path = OParlKind.FILE.id(key);
        return queries.query(new FetchOParlFileContent(path), ResponseTypes.optionalInstanceOf(String.class)).join()
                .map(text -> ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8)).body(text))
                .orElseThrow(() -> Refusal.notFound("OParl file " + key));
    }

    /** (OParl's CORS header is set for every answer under /oparl by {@code OParlConfiguration}.) */
    private static <T> ResponseEntity<T> json(T body) {
        return ResponseEntity.ok().body(body);
    }

    private Map<String, Object> object(String path, boolean omitInternal) {
        Optional<OParlJson> json = queries.query(new FetchOParlObject(path, omitInternal, base()),
                ResponseTypes.optionalInstanceOf(OParlJson.class)).join();
        return json.map(OParlJson::body).orElseThrow(() -> Refusal.notFound("OParl object " + path));
    }

    private OParlListPage list(OParlKind kind, String listPath, OParlFilter filter, Integer page, Integer limit) {
        return queries.query(new FetchOParlList(kind, listPath, filter, page == null ? 1 : page,
                limit == null ? OParlSettings.DEFAULT_LIMIT : limit, base()), ResponseTypes.instanceOf(OParlListPage.class)).join();
    }

    /** The configured public base URL, else the request's scheme, host, port and context path. */
    private String base() {
        return settings.baseUrl() != null ? settings.baseUrl()
                : ServletUriComponentsBuilder.fromCurrentContextPath().replacePath(null).replaceQuery(null).build().toUriString()
                        .replaceAll("/+$", "");
    }
}
