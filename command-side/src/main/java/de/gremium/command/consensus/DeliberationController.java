package de.gremium.command.consensus;

import de.gremium.command.values.TextKind;
import de.gremium.command.values.ValidText;
import de.gremium.command.idempotency.RequestIds;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.events.PolicyField;
import de.gremium.events.consensus.AmendDraft;
import de.gremium.events.consensus.CommentAsGuest;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.consensus.ObjectionId;
import de.gremium.events.consensus.RecordConsensus;
import de.gremium.events.consensus.RecordNoConsensus;
import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/deliberations")
@Tag(name = "Consensus", description = "Draft recommendations in held meetings, objections, consensus or no consensus")
class DeliberationController {

    private final CommandDispatcher commands;
    private final Deliberations deliberations;
    private final RequestIds ids;
    private final Clock clock;
    private final String querySideUrl;

    DeliberationController(CommandDispatcher commands, Deliberations deliberations, RequestIds ids, Clock clock,
            @Value("${gremium.query-side.base-url}") String querySideUrl) {
        this.commands = commands;
        this.deliberations = deliberations;
        this.ids = ids;
        this.clock = clock;
        this.querySideUrl = querySideUrl;
    }

    record DraftRequest(@NotBlank String meetingId, @NotBlank String agendaItemId,
            @ValidText(TextKind.TEXT) String text, @NotEmpty Set<@NotNull PolicyField> policyFields,
            List<@NotBlank String> projectIdeas, List<@NotBlank String> problemReports) {
    }

    record ObjectionRequest(@ValidText(TextKind.TEXT) String reason) {
    }

    record GuestCommentRequest(@NotBlank String guestId, @ValidText(TextKind.TEXT) String comment) {
    }

    record AmendmentRequest(@ValidText(TextKind.TEXT) String text, List<@NotBlank String> resolves) {
    }

    record ObjectionWithdrawalRequest(@ValidText(value = TextKind.TEXT, required = false) String note) {
    }

    record NoConsensusRequest(@ValidText(TextKind.TEXT) String positions) {
    }

    record Created(String id) {
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Put a draft recommendation to the group, for an agenda item of a held meeting",
            description = "Who may object is who the meeting records as present. The project idea or problem report "
                    + "of the agenda item is answered automatically; projectIdeas and problemReports add more.")
    ResponseEntity<Created> put(@Valid @RequestBody DraftRequest request) {
        DeliberationId id = new DeliberationId(ids.newId("deliberation").toString());
        deliberations.putDraft(id, new MeetingId(request.meetingId()), new AgendaItemId(request.agendaItemId()), request.text(),
                request.policyFields(), request.projectIdeas() == null ? List.of() : request.projectIdeas(),
                request.problemReports() == null ? List.of() : request.problemReports(), CurrentUser.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(id.value()));
    }

    @PostMapping("/{deliberationId}/objections")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Object to the draft (members who were present only), with a reason")
    ResponseEntity<Created> object(@PathVariable String deliberationId, @Valid @RequestBody ObjectionRequest request) {
        ObjectionId objection = new ObjectionId(ids.newId("objection").toString());
        deliberations.object(new DeliberationId(deliberationId), objection, new MemberId(CurrentUser.id()), request.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(objection.value()));
    }

    @PostMapping("/{deliberationId}/objections/{objectionId}/withdrawal")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Withdraw your own objection")
    ResponseEntity<Void> withdraw(@PathVariable String deliberationId, @PathVariable String objectionId,
            @Valid @RequestBody(required = false) ObjectionWithdrawalRequest request) {
        deliberations.withdrawObjection(new DeliberationId(deliberationId), new ObjectionId(objectionId),
                new MemberId(CurrentUser.id()), request == null ? null : request.note());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{deliberationId}/guest-comments")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Record a guest's comment (guests comment; they cannot object)")
    ResponseEntity<Void> comment(@PathVariable String deliberationId, @Valid @RequestBody GuestCommentRequest request) {
        commands.send(new CommentAsGuest(new DeliberationId(deliberationId), new GuestId(request.guestId()), request.comment(),
                CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{deliberationId}/amendments")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Amend the draft; the objections it names are resolved by the amendment")
    ResponseEntity<Void> amend(@PathVariable String deliberationId, @Valid @RequestBody AmendmentRequest request) {
        List<ObjectionId> resolves = request.resolves() == null ? List.of() : request.resolves().stream().map(ObjectionId::new).toList();
        commands.send(new AmendDraft(new DeliberationId(deliberationId), request.text(), resolves, CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{deliberationId}/consensus")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Record consensus (no objection open): produces the recommendation to the Lord Mayor")
    ResponseEntity<Created> consensus(@PathVariable String deliberationId) {
        String recommendationId = ids.newId("recommendation").toString();
        commands.send(new RecordConsensus(new DeliberationId(deliberationId), new RecommendationId(recommendationId), CurrentUser.id(),
                clock.instant()));
        return ResponseEntity.created(URI.create(querySideUrl + "/api/recommendations/" + recommendationId + "/trace"))
                .body(new Created(recommendationId));
    }

    @PostMapping("/{deliberationId}/no-consensus")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Record that the group could not agree, with the positions")
    ResponseEntity<Void> noConsensus(@PathVariable String deliberationId, @Valid @RequestBody NoConsensusRequest request) {
        commands.send(new RecordNoConsensus(new DeliberationId(deliberationId), request.positions(), CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }
}
