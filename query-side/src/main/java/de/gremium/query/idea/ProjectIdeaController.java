package de.gremium.query.idea;

import de.gremium.events.PolicyField;
import de.gremium.events.idea.FetchProjectIdea;
import de.gremium.events.idea.FetchProjectIdeas;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaStatus;
import de.gremium.platform.refusal.Refusal;
import de.gremium.query.api.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/project-ideas")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Project ideas", description = "The coordinator's project ideas on their way through the meetings")
class ProjectIdeaController {

    private final QueryGateway queries;

    ProjectIdeaController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Project ideas, newest first", description = "Paged like OParl lists (data, pagination, links); "
            + "pages count from 1. Filters combine.")
    PageView<ProjectIdeaView> ideas(
            @RequestParam(required = false) ProjectIdeaStatus status,
            @RequestParam(required = false) PolicyField policyField,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        ProjectIdeaQueries.ProjectIdeaPage result = queries.query(new FetchProjectIdeas(status, policyField, page - 1, size),
                ResponseTypes.instanceOf(ProjectIdeaQueries.ProjectIdeaPage.class)).join();
        return PageView.of(result.ideas(), result.total(), page, size, ServletUriComponentsBuilder.fromCurrentRequest());
    }

    @GetMapping("/{ideaId}")
    @Operation(summary = "One project idea", description = "With its history and, per agenda placement, the meeting as "
            + "the work plan knows it now. The ETag is the idea's version; send it as If-Match with a command.")
    ResponseEntity<ProjectIdeaDetail> idea(@PathVariable String ideaId) {
        return queries.query(new FetchProjectIdea(new ProjectIdeaId(ideaId)),
                        ResponseTypes.optionalInstanceOf(ProjectIdeaDetail.class)).join()
                .map(d -> ResponseEntity.ok().eTag(Long.toString(d.idea().version())).body(d))
                .orElseThrow(() -> Refusal.notFound("Project idea " + ideaId));
    }
}
