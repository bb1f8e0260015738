package de.gremium.command.meeting;

import de.gremium.command.values.EmailAddress;
import de.gremium.command.values.TextKind;
import de.gremium.command.values.ValidEmailAddress;
import de.gremium.command.values.ValidText;
import de.gremium.command.idempotency.RequestIds;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.events.Quarter;
import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.CancelMeeting;
import de.gremium.events.meeting.Guest;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.InviteGuest;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.PlanMeeting;
import de.gremium.events.meeting.RemoveAgendaItem;
import de.gremium.events.meeting.ReorderAgenda;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/meetings")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Meetings", description = "The work plan's meetings: planning, dates, agenda, guests, held or cancelled (coordinator)")
class MeetingController {

    private final CommandDispatcher commands;
    private final Meetings meetings;
    private final RequestIds ids;
    private final Clock clock;
    private final String querySideUrl;

    MeetingController(CommandDispatcher commands, Meetings meetings, RequestIds ids, Clock clock,
            @Value("${gremium.query-side.base-url}") String querySideUrl) {
        this.commands = commands;
        this.meetings = meetings;
        this.ids = ids;
        this.clock = clock;
        this.querySideUrl = querySideUrl;
    }

    record PlanRequest(@Min(2000) @Max(2100) int year, @Min(1) @Max(4) int quarter, @NotNull MeetingKind kind,
            @ValidText(TextKind.TITLE) String title, @NotNull Integer durationMinutes) {
    }

    /** Keeps a date that clashes with the blocked calendar; the reason is recorded with the clashes. */
    record OverrideRequest(@ValidText(TextKind.SHORT_TEXT) String reason) {
    }

    record ScheduleRequest(@NotNull OffsetDateTime start, @ValidText(value = TextKind.TITLE, required = false) String location,
            @Valid OverrideRequest override) {

        String overrideReason() {
            return override == null ? null : override.reason();
        }
    }

    record RescheduleRequest(@NotNull OffsetDateTime start, @ValidText(value = TextKind.TITLE, required = false) String location,
            @ValidText(TextKind.SHORT_TEXT) String reason, @Valid OverrideRequest override) {

        String overrideReason() {
            return override == null ? null : override.reason();
        }
    }

    record TopicRequest(@NotNull AgendaTopicKind kind, @ValidText(value = TextKind.TITLE, required = false) String referenceId,
            @ValidText(TextKind.TITLE) String title) {
    }

    record AgendaItemRequest(@NotNull @Valid TopicRequest topic, @Min(0) Integer position) {
    }

    record OrderRequest(@NotEmpty List<@NotBlank String> order) {
    }

    record GuestRequest(@ValidText(TextKind.TITLE) String name, @ValidText(TextKind.TITLE) String organisation,
            @ValidEmailAddress
            @Schema(description = "Where the meeting's invitation, agenda and minutes go; optional", example = "m.schulze@jobcenter.example", nullable = true)
            String email) {
    }

    record HeldRequest(@NotEmpty List<@NotBlank String> attendees, List<@NotBlank String> guestsPresent,
            @ValidText(TextKind.TEXT) String minutes) {
    }

    record CancellationRequest(@ValidText(TextKind.SHORT_TEXT) String reason) {
    }

    record Created(String id) {
    }

    @PostMapping
    @Operation(summary = "Put a meeting on the work plan", description = "One REGULAR meeting per quarter (a second one is "
            + "refused with 409); EXTRA meetings on demand. At most 60 minutes.")
    ResponseEntity<Created> plan(@Valid @RequestBody PlanRequest request) {
        MeetingId id = request.kind() == MeetingKind.REGULAR
                ? MeetingRules.regularMeetingId(new Quarter(request.year(), request.quarter()))
                : new MeetingId(ids.newId("meeting").toString());
        try {
            commands.send(new PlanMeeting(id, request.year(), request.quarter(), request.kind(), request.title(),
                    request.durationMinutes(), CurrentUser.id(), clock.instant()));
        } catch (ConcurrencyException | AggregateStreamCreationException exists) {
            if (request.kind() == MeetingKind.REGULAR) {
                throw Refusal.conflict("quarter", "There already is a regular meeting in "
                        + new Quarter(request.year(), request.quarter()) + "; plan an EXTRA meeting instead.");
            }
            if (!ids.isKeyed()) {
                throw exists;
            }
        }
        return ResponseEntity.created(URI.create(querySideUrl + "/api/meetings/" + id.value())).body(new Created(id.value()));
    }

    @PostMapping("/{meetingId}/schedule")
    @Operation(summary = "Give the meeting its date (within its quarter) and place", description = "A date that clashes "
            + "with the blocked calendar (a council, committee or service meeting, or closer to one than the minimum gap) "
            + "is refused with 409 naming each appointment, unless override.reason says why it is kept; the event then "
            + "records the reason and the clashes.")
    ResponseEntity<Void> schedule(@PathVariable String meetingId, @Valid @RequestBody ScheduleRequest request) {
        meetings.schedule(new MeetingId(meetingId), request.start().toInstant(), request.location(), request.overrideReason(),
                CurrentUser.id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{meetingId}/reschedule")
    @Operation(summary = "Move the meeting to another date or place, with a reason", description = "A date that clashes "
            + "with the blocked calendar is refused with 409 naming each appointment, unless override.reason says why it "
            + "is kept.")
    ResponseEntity<Void> reschedule(@PathVariable String meetingId, @Valid @RequestBody RescheduleRequest request) {
        meetings.reschedule(new MeetingId(meetingId), request.start().toInstant(), request.location(), request.reason(),
                request.overrideReason(), CurrentUser.id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{meetingId}/agenda-items")
    @Operation(summary = "Put a project idea, a problem report or a free topic on the agenda",
            description = "position counts from 0; without it the item is appended. A PROJECT_IDEA or PROBLEM_REPORT "
                    + "must exist (referenceId); the idea then shows as on the agenda.")
    ResponseEntity<Created> addAgendaItem(@PathVariable String meetingId, @Valid @RequestBody AgendaItemRequest request) {
        TopicRequest topic = request.topic();
        AgendaItemId itemId = new AgendaItemId(ids.newId("agenda-item").toString());
        meetings.addAgendaItem(new MeetingId(meetingId), itemId,
                new AgendaTopic(topic.kind(), topic.kind() == AgendaTopicKind.FREE ? null : topic.referenceId(), topic.title()),
                request.position(), CurrentUser.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(itemId.value()));
    }

    @DeleteMapping("/{meetingId}/agenda-items/{agendaItemId}")
    @Operation(summary = "Take an item off the agenda")
    ResponseEntity<Void> removeAgendaItem(@PathVariable String meetingId, @PathVariable String agendaItemId) {
        commands.send(new RemoveAgendaItem(new MeetingId(meetingId), new AgendaItemId(agendaItemId), CurrentUser.id(),
                clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{meetingId}/agenda-order")
    @Operation(summary = "Reorder the agenda (every item id exactly once)")
    ResponseEntity<Void> reorder(@PathVariable String meetingId, @Valid @RequestBody OrderRequest request) {
        commands.send(new ReorderAgenda(new MeetingId(meetingId), request.order().stream().map(AgendaItemId::new).toList(),
                CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{meetingId}/guests")
    @Operation(summary = "Invite an external expert to this meeting (a guest, not a member)",
            description = "With an e-mail address, the guest gets the meeting's invitation, agenda and minutes.")
    ResponseEntity<Created> invite(@PathVariable String meetingId, @Valid @RequestBody GuestRequest request) {
        GuestId guestId = new GuestId(ids.newId("guest").toString());
        commands.send(new InviteGuest(new MeetingId(meetingId), new Guest(guestId, request.name(), request.organisation(),
                EmailAddress.normalise(request.email())),
                CurrentUser.id(), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(guestId.value()));
    }

    @PostMapping("/{meetingId}/held")
    @Operation(summary = "Record that the meeting took place: attendance (members, invited guests) and minutes")
    ResponseEntity<Void> held(@PathVariable String meetingId, @Valid @RequestBody HeldRequest request) {
        List<String> guests = request.guestsPresent() == null ? List.of() : request.guestsPresent();
        meetings.recordHeld(new MeetingId(meetingId), request.attendees().stream().map(MemberId::new).toList(),
                guests.stream().map(GuestId::new).toList(), request.minutes(), CurrentUser.id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{meetingId}/cancellation")
    @Operation(summary = "Cancel the meeting, with a reason")
    ResponseEntity<Void> cancel(@PathVariable String meetingId, @Valid @RequestBody CancellationRequest request) {
        commands.send(new CancelMeeting(new MeetingId(meetingId), request.reason(), CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }
}
