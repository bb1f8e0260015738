package de.gremium.command.notification;

import de.gremium.events.group.MemberId;
import de.gremium.events.group.NotificationKind;
import de.gremium.events.meeting.GuestInvited;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.meeting.MeetingStatus;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportAddressed;
import de.gremium.events.problem.ProblemReportClosed;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.SolutionProposed;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.scheduling.SchedulingPollOpened;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Turns events into letters in the outbox and timers for what is due later (docs/notifications.md, "What people
 * get"). Runs in the tracking processor {@value #PROCESSING_GROUP} ({@link NotifierConfiguration}): each event's letters
 * and timers are written in the transaction that moves its token, under keys that make a second handling (a restart, a
 * reset) add nothing. The facts come from the record, read as the event left them; events older than
 * {@code gremium.notifications.max-event-age} tell no one anything.
 */
@Component
@ProcessingGroup(Notifier.PROCESSING_GROUP)
class Notifier {

    static final String PROCESSING_GROUP = "notifications";

    private final RecordFacts facts;
    private final Mailing mailing;
    private final Letters letters;
    private final Invitations invitations;
    private final NotificationTimers timers;
    private final NotificationProperties settings;
    private final Clock clock;

    Notifier(RecordFacts facts, Mailing mailing, Letters letters, Invitations invitations, NotificationTimers timers,
            NotificationProperties settings, Clock clock) {
        this.facts = facts;
        this.mailing = mailing;
        this.letters = letters;
        this.invitations = invitations;
        this.timers = timers;
        this.settings = settings;
        this.clock = clock;
    }

    @EventHandler
    void on(SchedulingPollOpened event, EventMessage<?> message, @SequenceNumber long sequence) {
        if (tooOld(message)) {
            return;
        }
        PollFacts poll = PollFacts.of(facts.upTo(event.pollId().value(), sequence));
        MeetingFacts meeting = meeting(event.meetingId());
        NotificationKind kind = NotificationKind.SCHEDULING_POLLS;
        mailing.post(key(message, kind), kind, mailing.members(facts.group(), kind), letters.pollOpened(poll, meeting),
                message.getIdentifier());
        if (event.answersDueBy() != null) {
            Instant due = event.answersDueBy().minus(settings.pollReminderBefore());
            // a deadline too near for a reminder: the opening letter states it
            if (due.isAfter(message.getTimestamp())) {
                timers.set(NotificationTimers.Kind.POLL_REMINDER, event.pollId().value(), event.answersDueBy(), due);
            }
        }
    }

    @EventHandler
    void on(MeetingScheduled event, EventMessage<?> message, @SequenceNumber long sequence) {
        invite(event.meetingId(), message, sequence);
    }

    @EventHandler
    void on(MeetingRescheduled event, EventMessage<?> message, @SequenceNumber long sequence) {
        invite(event.meetingId(), message, sequence);
    }

    @EventHandler
    void on(MeetingCancelled event, EventMessage<?> message, @SequenceNumber long sequence) {
        if (tooOld(message)) {
            return;
        }
        MeetingFacts meeting = MeetingFacts.of(facts.upTo(event.meetingId().value(), sequence));
        if (!meeting.everScheduled) {
            return; // never in anyone's calendar, and no one was invited
        }
        NotificationKind kind = NotificationKind.MEETING_INVITATIONS;
        mailing.post(key(message, kind), kind, meetingPeople(meeting, kind), letters.cancelled(meeting),
                r -> invitations.cancel(meeting, r, message.getTimestamp()), message.getIdentifier());
    }

    /** A guest invited to a meeting that already has its date gets the invitation the members got. */
    @EventHandler
    void on(GuestInvited event, EventMessage<?> message, @SequenceNumber long sequence) {
        if (tooOld(message)) {
            return;
        }
        MeetingFacts meeting = MeetingFacts.of(facts.upTo(event.meetingId().value(), sequence));
        if (meeting.status != MeetingStatus.SCHEDULED) {
            return;
        }
        NotificationKind kind = NotificationKind.MEETING_INVITATIONS;
        mailing.post(key(message, kind), kind, mailing.guest(meeting, event.guest()).stream().toList(),
                letters.scheduled(meeting), r -> invitations.request(meeting, r, message.getTimestamp()), message.getIdentifier());
    }

    @EventHandler
    void on(MeetingHeld event, EventMessage<?> message, @SequenceNumber long sequence) {
        if (tooOld(message)) {
            return;
        }
        MeetingFacts meeting = MeetingFacts.of(facts.upTo(event.meetingId().value(), sequence));
        NotificationKind kind = NotificationKind.MINUTES;
        mailing.post(key(message, kind), kind, meetingPeople(meeting, kind), letters.minutes(meeting), message.getIdentifier());
    }

    @EventHandler
    void on(ProblemReportAcknowledged event, EventMessage<?> message) {
        toAuthor(event.reportId(), event.acknowledgedBy(), message, report -> letters.reportAcknowledged(report, event.note()));
    }

    @EventHandler
    void on(SolutionProposed event, EventMessage<?> message) {
        toAuthor(event.reportId(), event.proposedBy(), message, report -> letters.solutionProposed(report, event.proposal()));
    }

    @EventHandler
    void on(ProblemReportAddressed event, EventMessage<?> message) {
        toAuthor(event.reportId(), event.recordedBy(), message, report -> letters.reportAddressed(report,
                RecommendationFacts.of(facts.stream(event.recommendationId().value()))));
    }

    @EventHandler
    void on(ProblemReportClosed event, EventMessage<?> message) {
        toAuthor(event.reportId(), event.closedBy(), message, report -> letters.reportClosed(report, event));
    }

    @EventHandler
    void on(MayorsDecisionRecorded event, EventMessage<?> message, @SequenceNumber long sequence) {
        if (tooOld(message)) {
            return;
        }
        RecommendationFacts recommendation = RecommendationFacts.of(facts.upTo(event.recommendationId().value(), sequence));
        NotificationKind kind = NotificationKind.DECISIONS;
        mailing.post(key(message, kind), kind, mailing.members(facts.group(), kind), letters.decision(recommendation),
                message.getIdentifier());
        if (event.decision() == MayorsDecision.DEFERRED && event.reviewDate() != null) {
            Instant due = event.reviewDate().atTime(settings.reviewReminderTime()).atZone(settings.zone()).toInstant();
            timers.set(NotificationTimers.Kind.REVIEW_DATE, event.recommendationId().value(), due, due);
        }
    }

    private void invite(MeetingId meetingId, EventMessage<?> message, long sequence) {
        if (tooOld(message)) {
            return;
        }
        MeetingFacts meeting = MeetingFacts.of(facts.upTo(meetingId.value(), sequence));
        NotificationKind kind = NotificationKind.MEETING_INVITATIONS;
        Letter letter = meeting.sequence == 0 ? letters.scheduled(meeting) : letters.rescheduled(meeting);
        mailing.post(key(message, kind), kind, meetingPeople(meeting, kind), letter,
                r -> invitations.request(meeting, r, message.getTimestamp()), message.getIdentifier());
        if (meeting.start.isAfter(message.getTimestamp())) {
            Instant due = meeting.start.minus(settings.agendaBefore());
            Instant now = message.getTimestamp();
            timers.set(NotificationTimers.Kind.AGENDA, meetingId.value(), meeting.start, due.isBefore(now) ? now : due);
        }
    }

    private void toAuthor(ProblemReportId reportId, String actor, EventMessage<?> message, Function<ReportFacts, Letter> letter) {
        if (tooOld(message)) {
            return;
        }
        ReportFacts report = ReportFacts.of(facts.stream(reportId.value()));
        if (!report.exists() || report.author() == null || report.author().equals(actor)) {
            return; // one is not told of what one did oneself
        }
        NotificationKind kind = NotificationKind.MY_REPORTS;
        mailing.post(key(message, kind), kind,
                mailing.member(facts.group(), new MemberId(report.author()), kind).stream().toList(), letter.apply(report),
                message.getIdentifier());
    }

    /** The active members (as they chose for the kind) and the meeting's guests with an address. */
    private List<Recipient> meetingPeople(MeetingFacts meeting, NotificationKind kind) {
        List<Recipient> people = new ArrayList<>(mailing.members(facts.group(), kind));
        people.addAll(mailing.guests(meeting));
        return people;
    }

    private MeetingFacts meeting(MeetingId meetingId) {
        return MeetingFacts.of(meetingId == null ? List.of() : facts.stream(meetingId.value()));
    }

    private boolean tooOld(EventMessage<?> message) {
        return message.getTimestamp().isBefore(clock.instant().minus(settings.maxEventAge()));
    }

    private static String key(EventMessage<?> message, NotificationKind kind) {
        return message.getIdentifier() + "/" + kind + "/";
    }
}
