package de.gremium.query.scheduling;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import de.gremium.events.scheduling.Availability;
import de.gremium.events.scheduling.FetchSchedulingPoll;
import de.gremium.query.scheduling.SchedulingPollDetail.TallyEntry;
import de.gremium.query.scheduling.SchedulingPollView.Candidate;
import de.gremium.query.scheduling.SchedulingPollView.Member;
import de.gremium.query.scheduling.SchedulingPollView.MemberAnswer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Answers the scheduling polls' query from their view collection, ranking the candidates. */
@Component
class SchedulingPollQueries {

    /**
     * Fewest NO first (a date someone cannot make is the worst), then most YES, then most IF_NEED_BE,
     * then the earlier date; the candidate id settles what is left.
     */
    static final Comparator<TallyEntry> RANKING = Comparator.comparingInt(TallyEntry::no)
            .thenComparing(Comparator.comparingInt(TallyEntry::yes).reversed())
            .thenComparing(Comparator.comparingInt(TallyEntry::ifNeedBe).reversed())
            .thenComparing(TallyEntry::start)
            .thenComparing(TallyEntry::candidateId);

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("openedAt"), Sort.Order.asc("_id"));

    private final MongoTemplate mongo;

    SchedulingPollQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    Optional<SchedulingPollDetail> handle(FetchSchedulingPoll query) {
        return Optional.ofNullable(mongo.findById(query.pollId().value(), SchedulingPollView.class)).map(poll -> {
            List<SchedulingPollDetail.Answer> answers = poll.answers().stream().map(a -> {
                Map<String, Availability> choices = new LinkedHashMap<>();
                a.choices().forEach(c -> choices.put(c.candidateId(), c.availability()));
                return new SchedulingPollDetail.Answer(a.memberId(), a.answeredAt(), choices);
            }).toList();
            return new SchedulingPollDetail(poll.id(), poll.meetingId(), poll.status(), poll.openedBy(), poll.openedAt(),
                    poll.candidates(), answers, tally(poll), notAnswered(poll), poll.fixed(), poll.lastChangedAt(),
                    poll.version());
        });
    }

    @QueryHandler
    SchedulingPollPage handle(FetchSchedulingPolls query) {
        Query filter = new Query();
        if (query.status() != null) {
            filter.addCriteria(where("status").is(query.status()));
        }
        if (query.meetingId() != null) {
            filter.addCriteria(where("meetingId").is(query.meetingId()));
        }
        long total = mongo.count(filter, SchedulingPollView.class);
        filter.with(NEWEST_FIRST).skip((long) query.page() * query.size()).limit(query.size());
        return new SchedulingPollPage(mongo.find(filter, SchedulingPollView.class).stream()
                .map(poll -> SchedulingPollRow.of(poll, tally(poll), notAnswered(poll))).toList(), total);
    }

    /** The members of the group at the poll's opening who gave no answer, by member id. */
    static List<Member> notAnswered(SchedulingPollView poll) {
        Set<String> answered = poll.answers().stream().map(MemberAnswer::memberId).collect(Collectors.toSet());
        return Optional.ofNullable(poll.membersAtOpening()).orElse(List.of()).stream()
                .filter(m -> !answered.contains(m.memberId())).toList();
    }

    /** One page of polls and how many match in all. */
    record SchedulingPollPage(List<SchedulingPollRow> rows, long total) {
    }

    static List<TallyEntry> tally(SchedulingPollView poll) {
        List<TallyEntry> counted = new ArrayList<>();
        for (Candidate candidate : poll.candidates()) {
            int yes = count(poll.answers(), candidate, Availability.YES);
            int ifNeedBe = count(poll.answers(), candidate, Availability.IF_NEED_BE);
            int no = count(poll.answers(), candidate, Availability.NO);
            boolean fixed = poll.fixed() != null && poll.fixed().candidateId().equals(candidate.candidateId());
            counted.add(new TallyEntry(0, candidate.candidateId(), candidate.start(), candidate.end(),
                    candidate.withinPreferredWindow(), candidate.conflicts(), yes, ifNeedBe, no,
                    poll.answers().size() - yes - ifNeedBe - no, fixed));
        }
        List<TallyEntry> ranked = counted.stream().sorted(RANKING).toList();
        return IntStream.range(0, ranked.size()).mapToObj(i -> {
            TallyEntry t = ranked.get(i);
            return new TallyEntry(i + 1, t.candidateId(), t.start(), t.end(), t.withinPreferredWindow(), t.conflicts(),
                    t.yes(), t.ifNeedBe(), t.no(), t.unanswered(), t.fixed());
        }).toList();
    }

    private static int count(List<MemberAnswer> answers, Candidate candidate, Availability availability) {
        return (int) answers.stream().flatMap(a -> a.choices().stream())
                .filter(c -> c.candidateId().equals(candidate.candidateId()) && c.availability() == availability).count();
    }
}
