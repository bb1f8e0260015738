package de.gremium.command.consensus;

import static de.gremium.platform.refusal.Refusal.invalid;

import de.gremium.command.idea.ProjectIdea;
import de.gremium.command.idempotency.RequestIds;
import de.gremium.command.meeting.Meeting;
import de.gremium.command.messaging.AggregateReader;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.command.problem.ProblemReport;
import de.gremium.events.PolicyField;
import de.gremium.events.consensus.AmendDraft;
import de.gremium.events.consensus.CommentAsGuest;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.consensus.ObjectionId;
import de.gremium.events.consensus.PutDraftRecommendation;
import de.gremium.events.consensus.RaiseObjection;
import de.gremium.events.consensus.RecordConsensus;
import de.gremium.events.consensus.RecordNoConsensus;
import de.gremium.events.consensus.WithdrawObjection;
import de.gremium.events.group.MemberId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingStatus;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.refusal.Refusal;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
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
    private final RequestIds ids;
    private final Repository<Meeting> meetings;
    private final Repository<ProjectIdea> ideas;
    private final Repository<ProblemReport> reports;
    private final Clock clock;
    private final String querySideUrl;

    DeliberationController(CommandDispatcher commands, RequestIds ids,
            @Qualifier("meetingRepository") Repository<Meeting> meetings,
            @Qualifier("projectIdeaRepository") Repository<ProjectIdea> ideas,
            @Qualifier("problemReportRepository") Repository<ProblemReport> reports, Clock clock,
            @Value("${gremium.query-side.base-url}") String querySideUrl) {
        this.commands = commands;
        this.ids = ids;
        this.meetings = meetings;
        this.ideas = ideas;
        this.reports = reports;
        this.clock = clock;
        this.querySideUrl = querySideUrl;
    }

    record DraftRequest(@NotBlank String meetingId, @NotBlank String agendaItemId,
            @NotBlank @Size(max = Deliberation.TEXT_MAX) String text, @NotEmpty Set<@NotNull PolicyField> policyFields,
            List<@NotBlank String> projectIdeas, List<@NotBlank String> problemReports) {
    }

    record ObjectionRequest(@NotBlank @Size(max = Deliberation.TEXT_MAX) String reason) {
    }

    record GuestCommentRequest(@NotBlank String guestId, @NotBlank @Size(max = Deliberation.TEXT_MAX) String comment) {
    }

    record AmendmentRequest(@NotBlank @Size(max = Deliberation.TEXT_MAX) String text, List<@NotBlank String> resolves) {
    }

    record ObjectionWithdrawalRequest(@Size(max = Deliberation.TEXT_MAX) String note) {
    }

    record NoConsensusRequest(@NotBlank @Size(max = Deliberation.TEXT_MAX) String positions) {
    }

    record Created(String id) {
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Put a draft recommendation to the group, for an agenda item of a held meeting",
            description = "Who may object is who the meeting records as present. The project idea or problem report "
                    + "of the agenda item is answered automatically; projectIdeas and problemReports add more.")
    ResponseEntity<Created> put(@Valid @RequestBody DraftRequest request) {
        Meeting.MeetingFacts meeting = AggregateReader.read(meetings, request.meetingId(), Meeting::facts)
                .orElseThrow(() -> invalid("meetingId", "no meeting '" + request.meetingId() + "'"));
        if (meeting.status() != MeetingStatus.HELD) {
            throw Refusal.conflict("meetingId", "Consensus is recorded for a held meeting; this one is " + meeting.status() + ".");
        }
        AgendaTopic topic = meeting.agenda().get(new AgendaItemId(request.agendaItemId()));
        if (topic == null) {
            throw invalid("agendaItemId", "no agenda item '" + request.agendaItemId() + "' in this meeting");
        }
        Set<String> answeredIdeas = new LinkedHashSet<>();
        Set<String> answeredReports = new LinkedHashSet<>();
        if (topic.kind() == AgendaTopicKind.PROJECT_IDEA) {
            answeredIdeas.add(topic.referenceId());
        } else if (topic.kind() == AgendaTopicKind.PROBLEM_REPORT) {
            answeredReports.add(topic.referenceId());
        }
        if (request.projectIdeas() != null) {
            answeredIdeas.addAll(request.projectIdeas());
        }
        if (request.problemReports() != null) {
            answeredReports.addAll(request.problemReports());
        }
        for (String idea : answeredIdeas) {
            if (!AggregateReader.read(ideas, idea, ProjectIdea::isOpen).orElse(false)) {
                throw invalid("projectIdeas", "no open project idea '" + idea + "'");
            }
        }
        for (String report : answeredReports) {
            if (!AggregateReader.read(reports, report, ProblemReport::isOpen).orElse(false)) {
                throw invalid("problemReports", "no open problem report '" + report + "'");
            }
        }
        DeliberationId id = new DeliberationId(ids.newId("deliberation").toString());
        commands.send(new PutDraftRecommendation(id, new MeetingId(request.meetingId()), new AgendaItemId(request.agendaItemId()),
                request.text(), request.policyFields(), answeredIdeas.stream().map(ProjectIdeaId::new).toList(),
                answeredReports.stream().map(ProblemReportId::new).toList(), meeting.attendees(), meeting.guestsPresent(),
                CurrentUser.id(),
                clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(id.value()));
    }

    @PostMapping("/{deliberationId}/objections")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Object to the draft (members who were present only), with a reason")
    ResponseEntity<Created> object(@PathVariable String deliberationId, @Valid @RequestBody ObjectionRequest request) {
        ObjectionId objection = new ObjectionId(ids.newId("objection").toString());
        commands.send(new RaiseObjection(new DeliberationId(deliberationId), objection, new MemberId(CurrentUser.id()),
                request.reason(), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(objection.value()));
    }

    @PostMapping("/{deliberationId}/objections/{objectionId}/withdrawal")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Withdraw your own objection")
    ResponseEntity<Void> withdraw(@PathVariable String deliberationId, @PathVariable String objectionId,
            @Valid @RequestBody(required = false) ObjectionWithdrawalRequest request) {
        commands.send(new WithdrawObjection(new DeliberationId(deliberationId), new ObjectionId(objectionId),
                new MemberId(CurrentUser.id()), request == null ? null : request.note(), clock.instant()));
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
