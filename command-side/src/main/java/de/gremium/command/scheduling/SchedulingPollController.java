package de.gremium.command.scheduling;

import de.gremium.command.values.TextKind;
import de.gremium.command.values.ValidText;
import de.gremium.command.idempotency.RequestIds;
import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.scheduling.Availability;
import de.gremium.events.scheduling.CandidateSlot;
import de.gremium.events.scheduling.SchedulingPollId;
import de.gremium.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/scheduling-polls")
@Tag(name = "Joint scheduling", description = "Polls over candidate dates, checked against council and committee sessions")
class SchedulingPollController {

    private final SchedulingPolls polls;
    private final RequestIds ids;
    private final String pollsUrl;

    SchedulingPollController(SchedulingPolls polls, RequestIds ids, @Value("${gremium.query-side.base-url}") String querySideUrl) {
        this.polls = polls;
        this.ids = ids;
        this.pollsUrl = querySideUrl + "/api/scheduling-polls/";
    }

    record OpenRequest(@NotBlank String meetingId, Boolean preferredSlots, List<@NotNull OffsetDateTime> extraSlots,
            @Schema(description = "When the answers are due (optional): in the future and before the first candidate starts; "
                    + "members who have not answered are reminded a configured time before", example = "2027-01-12T12:00:00+01:00",
                    nullable = true)
            OffsetDateTime answersDueBy) {
    }

    record AnswerRequest(@NotEmpty Map<@NotBlank String, @NotNull Availability> answers) {
    }

    record FixRequest(@ValidText(TextKind.REFERENCE) String candidateId) {
    }

    record Opened(String pollId, List<CandidateSlot> candidates) {
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Open a poll for a planned meeting", description = "By default the candidates are the Wednesdays "
            + "of the meeting's quarter at 13:00 (Europe/Berlin), minus those that clash with the blocked calendar. "
            + "extraSlots are the coordinator's own, kept but flagged (outside the preferred window, conflicts). "
            + "Every member with an e-mail address is told; with answersDueBy, those who have not answered are reminded.")
    ResponseEntity<Opened> open(@Valid @RequestBody OpenRequest request) {
        SchedulingPollId pollId = new SchedulingPollId(ids.newId("scheduling-poll").toString());
        List<OffsetDateTime> extraSlots = request.extraSlots() == null ? List.of() : request.extraSlots();
        List<CandidateSlot> candidates = polls.open(pollId, new MeetingId(request.meetingId()),
                request.preferredSlots() == null || request.preferredSlots(),
                extraSlots.stream().map(OffsetDateTime::toInstant).toList(),
                request.answersDueBy() == null ? null : request.answersDueBy().toInstant(), CurrentUser.id());
        return ResponseEntity.created(URI.create(pollsUrl + pollId.value())).body(new Opened(pollId.value(), candidates));
    }

    @PostMapping("/{pollId}/answers")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Answer candidates with YES, IF_NEED_BE or NO (members; a later answer replaces an earlier one)")
    ResponseEntity<Void> answer(@PathVariable String pollId, @Valid @RequestBody AnswerRequest request) {
        polls.answer(new SchedulingPollId(pollId), new MemberId(CurrentUser.id()), request.answers());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{pollId}/fixed-date")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Fix the date on one candidate: closes the poll and schedules the meeting")
    ResponseEntity<Void> fix(@PathVariable String pollId, @Valid @RequestBody FixRequest request) {
        polls.fix(new SchedulingPollId(pollId), request.candidateId(), CurrentUser.id());
        return ResponseEntity.noContent().build();
    }
}
