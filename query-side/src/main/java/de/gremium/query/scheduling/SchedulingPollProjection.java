package de.gremium.query.scheduling;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.scheduling.MeetingDateFixed;
import de.gremium.events.scheduling.SchedulingPollAnswered;
import de.gremium.events.scheduling.SchedulingPollOpened;
import de.gremium.query.scheduling.SchedulingPollView.Candidate;
import de.gremium.query.scheduling.SchedulingPollView.Choice;
import de.gremium.query.scheduling.SchedulingPollView.FixedDate;
import de.gremium.query.scheduling.SchedulingPollView.Member;
import de.gremium.query.scheduling.SchedulingPollView.MemberAnswer;
import de.gremium.query.scheduling.SchedulingPollView.PollStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds the scheduling polls. Opening is an upsert that sets fields on insert only; every later event
 * applies {@code where _id = pollId and version < sequence}, so a replayed or redelivered event changes
 * nothing. An answer replaces the member's earlier one as a whole, which needs the current answers:
 * the processor hands one poll's events to one thread in order, so nothing changes in between.
 *
 * <p>It also follows the group's appointments and withdrawals ({@link PollMemberView}), so that an opened poll
 * records the members it asks ({@code membersAtOpening}): the processor sees every event in the record's order,
 * so these are the members appointed and not withdrawn before the opening.
 */
@Component
@ProcessingGroup(SchedulingPollProjection.GROUP)
public class SchedulingPollProjection {

    public static final String GROUP = "scheduling-polls";

    private final MongoTemplate mongo;

    public SchedulingPollProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(SchedulingPollOpened event, @SequenceNumber long sequence) {
        mongo.upsert(query(where("_id").is(event.pollId().value())), new Update()
                .setOnInsert("meetingId", event.meetingId().value())
                .setOnInsert("candidates", event.candidates().stream().map(c -> new Candidate(c.candidateId(), c.start(),
                        c.end(), c.withinPreferredWindow(), c.conflicts())).toList())
                .setOnInsert("answers", List.of())
                .setOnInsert("status", PollStatus.OPEN)
                .setOnInsert("openedBy", event.openedBy())
                .setOnInsert("openedAt", event.openedAt())
                .setOnInsert("membersAtOpening", mongo.find(query(where("active").is(true)).with(Sort.by("_id")),
                        PollMemberView.class).stream().map(m -> new Member(m.id(), m.name())).toList())
                .setOnInsert("lastChangedAt", event.openedAt())
                .setOnInsert("version", sequence), SchedulingPollView.class);
    }

    @EventHandler
    void on(SchedulingPollAnswered event, @SequenceNumber long sequence) {
        SchedulingPollView poll = mongo.findById(event.pollId().value(), SchedulingPollView.class);
        if (poll == null || poll.version() >= sequence) {
            return;
        }
        String member = event.memberId().value();
        List<MemberAnswer> answers = new ArrayList<>(poll.answers().stream().filter(a -> !a.memberId().equals(member)).toList());
        answers.add(new MemberAnswer(member, event.answeredAt(), event.answers().entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Choice::candidateId)).toList()));
        applyIfNewer(event.pollId().value(), sequence, new Update().set("answers", answers)
                .set("lastChangedAt", event.answeredAt()));
    }

    @EventHandler
    void on(MeetingDateFixed event, @SequenceNumber long sequence) {
        applyIfNewer(event.pollId().value(), sequence, new Update()
                .set("status", PollStatus.CLOSED)
                .set("fixed", new FixedDate(event.candidateId(), event.start(), event.end(), event.fixedBy(), event.fixedAt()))
                .set("lastChangedAt", event.fixedAt()));
    }

    @EventHandler
    void on(MemberAppointed event, @SequenceNumber long sequence) {
        updateMember(event.memberId().value(), sequence, new Update().set("name", event.name()).set("active", true));
    }

    @EventHandler
    void on(MemberWithdrew event, @SequenceNumber long sequence) {
        updateMember(event.memberId().value(), sequence, new Update().set("active", false));
    }

    /** A replay starts from no polls and no members (emptied, not dropped, so that the indexes stay). */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), SchedulingPollView.class);
        mongo.remove(new Query(), PollMemberView.class);
    }

    /** Creates the member empty at version −1 once, then applies the group's event if it is newer. */
    private void updateMember(String memberId, long sequence, Update update) {
        mongo.upsert(query(where("_id").is(memberId)), new Update()
                .setOnInsert("active", false)
                .setOnInsert("version", -1L), PollMemberView.class);
        mongo.updateFirst(query(where("_id").is(memberId).and("version").lt(sequence)), update.set("version", sequence),
                PollMemberView.class);
    }

    private void applyIfNewer(String pollId, long sequence, Update update) {
        mongo.updateFirst(query(where("_id").is(pollId).and("version").lt(sequence)), update.set("version", sequence),
                SchedulingPollView.class);
    }
}
