package de.gremium.command.scheduling;

import de.gremium.command.calendar.CandidateSlotPlanner;
import de.gremium.command.group.GroupDirectory;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Joint scheduling's commands with the facts they need from other aggregates: the meeting a poll is for (still
 * without a date, its quarter and length), the candidates the blocked calendar leaves, and who is an appointed
 * member. The {@link SchedulingPoll} decides the rest.
 */
@Component
class SchedulingPolls {

    private final CommandDispatcher commands;
    private final CandidateSlotPlanner planner;
    private final GroupDirectory group;
    private final Repository<Meeting> meetings;
    private final Repository<SchedulingPoll> polls;
    private final Clock clock;

    SchedulingPolls(CommandDispatcher commands, CandidateSlotPlanner planner, GroupDirectory group,
            @Qualifier("meetingRepository") Repository<Meeting> meetings,
            @Qualifier("schedulingPollRepository") Repository<SchedulingPoll> polls, Clock clock) {
        this.commands = commands;
        this.planner = planner;
        this.group = group;
        this.meetings = meetings;
        this.polls = polls;
        this.clock = clock;
    }

    /**
     * Opens poll {@code pollId} for a meeting that has no date yet: the preferred slots of its quarter (unless
     * {@code preferredSlots} is false) and the coordinator's {@code extraSlots}, which must lie in that quarter;
     * {@code answersDueBy} (may be null) is when the answers are due.
     */
    List<CandidateSlot> open(SchedulingPollId pollId, MeetingId meetingId, boolean preferredSlots, List<Instant> extraSlots,
            Instant answersDueBy, String openedBy) {
        Meeting.MeetingFacts meeting = AggregateReader.read(meetings, meetingId.value(), Meeting::facts)
                .orElseThrow(() -> Refusal.invalid("meetingId", "no meeting '" + meetingId + "'"));
        if (meeting.status() != MeetingStatus.PLANNED) {
            throw Refusal.conflict("meetingId", "The meeting is " + meeting.status()
                    + "; a poll is for a meeting that has no date yet.");
        }
        List<CandidateSlot> candidates = new ArrayList<>();
        if (preferredSlots) {
            candidates.addAll(planner.preferredSlots(meeting.quarter(), meeting.durationMinutes()));
        }
        for (Instant slot : extraSlots) {
            MeetingRules.withinItsQuarter("extraSlots", slot, meeting.quarter());
            candidates.add(planner.check(slot, meeting.durationMinutes()));
        }
        commands.send(new OpenSchedulingPoll(pollId, meetingId, candidates, openedBy, clock.instant(), answersDueBy));
        return candidates;
    }

    /** A member's answers; only appointed members of the group answer. */
    void answer(SchedulingPollId pollId, MemberId member, Map<String, Availability> answers) {
        group.requireMember(member);
        commands.send(new AnswerSchedulingPoll(pollId, member, answers, clock.instant()));
    }

    /**
     * Fixes the date on one candidate. A policy then schedules the meeting after the poll closed, so what the meeting
     * would refuse there (it has a date already, or is held or cancelled) is refused here, before the poll closes.
     */
    void fix(SchedulingPollId pollId, String candidateId, String fixedBy) {
        MeetingId meetingId = AggregateReader.read(polls, pollId.value(), SchedulingPoll::meetingId)
                .orElseThrow(() -> Refusal.notFound("Scheduling poll " + pollId));
        MeetingStatus status = AggregateReader.read(meetings, meetingId.value(), m -> m.facts().status()).orElseThrow();
        if (status != MeetingStatus.PLANNED) {
            throw Refusal.conflict("candidateId", "The meeting is " + status
                    + "; reschedule it instead of fixing a date from this poll.");
        }
        commands.send(new FixMeetingDate(pollId, candidateId, fixedBy, clock.instant()));
    }
}
