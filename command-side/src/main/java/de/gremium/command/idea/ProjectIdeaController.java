package de.gremium.command.idea;

import de.gremium.command.values.TextKind;
import de.gremium.command.values.ValidText;
import de.gremium.command.idempotency.RequestIds;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.command.messaging.IfMatch;
import de.gremium.events.PolicyField;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ShelveProjectIdea;
import de.gremium.platform.security.CurrentUser;
import de.gremium.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/project-ideas")
@Tag(name = "Project ideas", description = "Ideas towards the policy goals: the topics of the meetings")
class ProjectIdeaController {

    private final CommandDispatcher commands;
    private final ProjectIdeas ideas;
    private final RequestIds ids;
    private final Clock clock;
    private final String querySideUrl;

    ProjectIdeaController(CommandDispatcher commands, ProjectIdeas ideas, RequestIds ids, Clock clock,
            @Value("${gremium.query-side.base-url}") String querySideUrl) {
        this.commands = commands;
        this.ideas = ideas;
        this.ids = ids;
        this.clock = clock;
        this.querySideUrl = querySideUrl;
    }

    record IdeaRequest(@ValidText(TextKind.TITLE) String title,
            @ValidText(TextKind.TEXT) String description,
            @NotEmpty Set<@NotNull PolicyField> policyFields) {
    }

    record IdeaReasonRequest(@ValidText(TextKind.TEXT) String reason) {
    }

    record Created(String id) {
    }

    @PostMapping
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Propose a project idea (usually the coordinator; any member may)")
    ResponseEntity<Created> propose(@Valid @RequestBody IdeaRequest request) {
        ProjectIdeaId id = new ProjectIdeaId(ids.newId("project-idea").toString());
        try {
            ideas.propose(id, request.title(), request.description(), request.policyFields(), CurrentUser.id(),
                    CurrentUser.hasRole(Roles.COORDINATOR));
        } catch (ConcurrencyException | AggregateStreamCreationException alreadyStored) {
            if (!ids.isKeyed()) {
                throw alreadyStored;
            }
        }
        return ResponseEntity.created(URI.create(querySideUrl + "/api/project-ideas/" + id.value())).body(new Created(id.value()));
    }

    @PostMapping("/{ideaId}/revision")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Revise an idea (its proposer, or the coordinator)")
    ResponseEntity<Void> revise(@PathVariable String ideaId, @Valid @RequestBody IdeaRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expectedVersion = IfMatch.version(ifMatch);
        ideas.revise(new ProjectIdeaId(ideaId), request.title(), request.description(), request.policyFields(),
                CurrentUser.id(), CurrentUser.hasRole(Roles.COORDINATOR), expectedVersion);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{ideaId}/withdrawal")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Withdraw an idea (its proposer, or the coordinator)")
    ResponseEntity<Void> withdraw(@PathVariable String ideaId, @Valid @RequestBody IdeaReasonRequest request) {
        ideas.withdraw(new ProjectIdeaId(ideaId), request.reason(), CurrentUser.id(), CurrentUser.hasRole(Roles.COORDINATOR));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{ideaId}/shelving")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Shelve a proposed or discussed idea (coordinator)")
    ResponseEntity<Void> shelve(@PathVariable String ideaId, @Valid @RequestBody IdeaReasonRequest request) {
        commands.send(new ShelveProjectIdea(new ProjectIdeaId(ideaId), request.reason(), CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }
}
