package de.gremium.command.scheduling;

import de.gremium.command.calendar.CandidateSlotPlanner;
import de.gremium.command.group.GroupDirectory;
import de.gremium.command.idempotency.RequestIds;
import de.gremium.command.meeting.Meeting;
import de.gremium.command.meeting.MeetingRules;
import de.gremium.command.messaging.AggregateReader;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingStatus;
import de.gremium.events.scheduling.AnswerSchedulingPoll;
import de.gremium.events.scheduling.Availability;
import de.gremium.events.scheduling.CandidateSlot;
import de.gremium.events.scheduling.FixMeetingDate;
import de.gremium.events.scheduling.OpenSchedulingPoll;
import de.gremium.events.scheduling.SchedulingPollId;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
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

    private final CommandDispatcher commands;
    private final RequestIds ids;
    private final CandidateSlotPlanner planner;
    private final GroupDirectory group;
    private final Repository<Meeting> meetings;
    private final Repository<SchedulingPoll> polls;
    private final Clock clock;
    private final String pollsUrl;

    SchedulingPollController(CommandDispatcher commands, RequestIds ids, CandidateSlotPlanner planner, GroupDirectory group,
            @Qualifier("meetingRepository") Repository<Meeting> meetings,
            @Qualifier("schedulingPollRepository") Repository<SchedulingPoll> polls, Clock clock,
            @Value("${gremium.query-side.base-url}") String querySideUrl) {
        this.commands = commands;
        this.ids = ids;
        this.planner = planner;
        this.group = group;
        this.meetings = meetings;
        this.polls = polls;
        this.clock = clock;
        this.pollsUrl = querySideUrl + "/api/scheduling-polls/";
    }

    record OpenRequest(@NotBlank String meetingId, Boolean preferredSlots, List<@NotNull OffsetDateTime> extraSlots) {
    }

    record AnswerRequest(@NotEmpty Map<@NotBlank String, @NotNull Availability> answers) {
    }

    record FixRequest(@NotBlank @Size(max = 100) String candidateId) {
    }

    record Opened(String pollId, List<CandidateSlot> candidates) {
    }

    @PostMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Open a poll for a planned meeting", description = "By default the candidates are the Wednesdays "
            + "of the meeting's quarter at 13:00 (Europe/Berlin), minus those that clash with the blocked calendar. "
            + "extraSlots are the coordinator's own, kept but flagged (outside the preferred window, conflicts).")
    ResponseEntity<Opened> open(@Valid @RequestBody OpenRequest request) {
        Meeting.MeetingFacts meeting = AggregateReader.read(meetings, request.meetingId(), Meeting::facts)
                .orElseThrow(() -> Refusal.invalid("meetingId", "no meeting '" + request.meetingId() + "'"));
        if (meeting.status() != MeetingStatus.PLANNED) {
            throw Refusal.conflict("meetingId", "The meeting is " + meeting.status()
                    + "; a poll is for a meeting that has no date yet.");
        }
        List<CandidateSlot> candidates = new ArrayList<>();
        if (request.preferredSlots() == null || request.preferredSlots()) {
            candidates.addAll(planner.preferredSlots(meeting.year(), meeting.quarter(), meeting.durationMinutes()));
        }
        if (request.extraSlots() != null) {
            for (OffsetDateTime slot : request.extraSlots()) {
                java.time.ZonedDateTime local = slot.atZoneSameInstant(MeetingRules.ZONE);
                if (local.getYear() != meeting.year() || (local.getMonthValue() - 1) / 3 + 1 != meeting.quarter()) {
                    throw Refusal.invalid("extraSlots", slot + " lies outside the meeting's quarter " + meeting.year() + " Q"
                            + meeting.quarter());
                }
                candidates.add(planner.check(slot.toInstant(), meeting.durationMinutes()));
            }
        }
        SchedulingPollId pollId = new SchedulingPollId(ids.newId("scheduling-poll").toString());
        commands.send(new OpenSchedulingPoll(pollId, new MeetingId(request.meetingId()), candidates, CurrentUser.id(),
                clock.instant()));
        return ResponseEntity.created(URI.create(pollsUrl + pollId.value())).body(new Opened(pollId.value(), candidates));
    }

    @PostMapping("/{pollId}/answers")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Answer candidates with YES, IF_NEED_BE or NO (members; a later answer replaces an earlier one)")
    ResponseEntity<Void> answer(@PathVariable String pollId, @Valid @RequestBody AnswerRequest request) {
        MemberId member = new MemberId(CurrentUser.id());
        if (!group.require().isMember(member)) {
            throw Refusal.forbidden(CurrentUser.id() + " is not an appointed member of the group.");
        }
        commands.send(new AnswerSchedulingPoll(new SchedulingPollId(pollId), member, request.answers(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{pollId}/fixed-date")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Fix the date on one candidate: closes the poll and schedules the meeting")
    ResponseEntity<Void> fix(@PathVariable String pollId, @Valid @RequestBody FixRequest request) {
        // the date is applied to the meeting by a policy after the poll closed: refuse here what it would refuse there
        MeetingId meetingId = AggregateReader.read(polls, pollId, SchedulingPoll::meetingId)
                .orElseThrow(() -> Refusal.notFound("Scheduling poll " + pollId));
        MeetingStatus status = AggregateReader.read(meetings, meetingId.value(), m -> m.facts().status()).orElseThrow();
        if (status != MeetingStatus.PLANNED) {
            throw Refusal.conflict("candidateId", "The meeting is " + status
                    + "; reschedule it instead of fixing a date from this poll.");
        }
        commands.send(new FixMeetingDate(new SchedulingPollId(pollId), request.candidateId(), CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }
}
