package de.gremium.query.idea;

import de.gremium.events.PolicyField;
import de.gremium.events.idea.FetchProjectIdea;
import de.gremium.events.idea.FetchProjectIdeas;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaStatus;
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
@RequestMapping("/api/project-ideas")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Project ideas", description = "The coordinator's project ideas on their way through the meetings")
class ProjectIdeaController {

    /** One row per idea; the agenda placements, discussions and history are left to the idea's own CSV. */
    static final CsvColumns<ProjectIdeaView> COLUMNS = CsvColumns.of(ProjectIdeaView.class, "agendaPlacements",
            "discussions", "history");
    /** One row per step of an idea's history, the idea's id and title first. */
    static final CsvColumns<HistoryRow> HISTORY = CsvColumns.<HistoryRow>column("ideaId", r -> r.idea().id())
            .and("title", r -> r.idea().title())
            .and("status", r -> r.idea().status())
            .and("kind", r -> r.step().kind())
            .and("actor", r -> r.step().actor())
            .and("at", r -> r.step().at())
            .and("meetingId", r -> r.step().meetingId())
            .and("note", r -> r.step().note());

    private final QueryGateway queries;

    ProjectIdeaController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Project ideas, newest first", description = "Paged like OParl lists (data, pagination, links); "
            + "pages count from 1. Filters combine.\n\nCSV (?format=csv or csv-semicolon, or Accept: text/csv): one row "
            + "per idea of the page, the fields of the JSON without agendaPlacements, discussions and history "
            + "(closure as closure.status, closure.reason …); X-Total-Count and Link place the page in the list.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PageView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> ideas(
            @RequestParam(required = false) ProjectIdeaStatus status,
            @RequestParam(required = false) PolicyField policyField,
            @Parameter(description = PageView.PAGE) @RequestParam(defaultValue = "1") @Min(1) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        ProjectIdeaQueries.ProjectIdeaPage result = queries.query(new FetchProjectIdeas(status, policyField, page - 1, size),
                ResponseTypes.instanceOf(ProjectIdeaQueries.ProjectIdeaPage.class)).join();
        return export.page(PageView.of(result.ideas(), result.total(), page, size,
                ServletUriComponentsBuilder.fromCurrentRequest()), COLUMNS, "project-ideas");
    }

    @GetMapping("/{ideaId}")
    @Operation(summary = "One project idea", description = "With its history and, per agenda placement, the meeting as "
            + "the work plan knows it now. The ETag is the idea's version; send it as If-Match with a command (JSON "
            + "only).\n\nCSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per step of the history, "
            + "oldest first; columns ideaId, title, status, kind, actor, at, meetingId, note.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProjectIdeaDetail.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> idea(@PathVariable String ideaId,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        ProjectIdeaDetail detail = queries.query(new FetchProjectIdea(new ProjectIdeaId(ideaId)),
                        ResponseTypes.optionalInstanceOf(ProjectIdeaDetail.class)).join()
                .orElseThrow(() -> Refusal.notFound("Project idea " + ideaId));
        return export.eTag(detail.idea().version()).view(detail, d -> d.idea().history() == null ? List.<HistoryRow>of()
                : d.idea().history().stream().map(step -> new HistoryRow(d.idea(), step)).toList(), HISTORY,
                "project-idea-" + ideaId);
    }

    /** A row of an idea's CSV: the idea, and one step of its history. */
    record HistoryRow(ProjectIdeaView idea, ProjectIdeaView.Step step) {
    }
}
