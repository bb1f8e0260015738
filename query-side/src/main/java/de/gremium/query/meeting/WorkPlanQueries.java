package de.gremium.query.meeting;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.idea.ProjectIdeaStatus;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.FetchMeeting;
import de.gremium.events.meeting.FetchMeetingCalendar;
import de.gremium.events.meeting.FetchWorkPlan;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingStatus;
import de.gremium.query.group.MemberView;
import de.gremium.query.idea.MeetingLookup;
import de.gremium.query.idea.ProjectIdeaView;
import de.gremium.query.meeting.MeetingView.AgendaItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Answers the work plan's queries from its meetings; reads the project ideas and the member directory
 * for what those views know better (whether an idea moved on, members' names).
 */
@Component
class WorkPlanQueries implements MeetingLookup {

    static final Comparator<MeetingView> PLAN_ORDER = Comparator
            .comparing(MeetingView::start, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(m -> m.kind() == MeetingKind.REGULAR ? 0 : 1)
            .thenComparing(MeetingView::id);

    /** The latest quarter first; in a quarter the latest start first, undated meetings (no start) after the dated. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("year"), Sort.Order.desc("quarter"),
            Sort.Order.desc("start"), Sort.Order.asc("_id"));

    private final MongoTemplate mongo;

    WorkPlanQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    WorkPlan handle(FetchWorkPlan query) {
        List<MeetingView> meetings = mongo.find(query(where("year").is(query.year())), MeetingView.class).stream()
                .sorted(Comparator.comparingInt(MeetingView::quarter).thenComparing(PLAN_ORDER)).toList();
        List<WorkPlan.Quarter> quarters = IntStream.rangeClosed(1, 4).mapToObj(q -> new WorkPlan.Quarter(q,
                meetings.stream().filter(m -> m.quarter() == q).map(WorkPlanQueries::summary).toList())).toList();
        return new WorkPlan(query.year(), quarters, carriedOver(meetings.stream()
                .filter(m -> m.status() == MeetingStatus.CANCELLED).toList()));
    }

    @QueryHandler
    Optional<MeetingDetail> handle(FetchMeeting query) {
        return Optional.ofNullable(mongo.findById(query.meetingId().value(), MeetingView.class)).map(this::detail);
    }

    @QueryHandler
    MeetingPage handle(FetchMeetings query) {
        Query filter = new Query();
        if (query.year() != null) {
            filter.addCriteria(where("year").is(query.year()));
        }
        if (query.status() != null) {
            filter.addCriteria(where("status").is(query.status()));
        }
        long total = mongo.count(filter, MeetingView.class);
        filter.with(NEWEST_FIRST).skip((long) query.page() * query.size()).limit(query.size());
        return new MeetingPage(mongo.find(filter, MeetingView.class).stream().map(MeetingRow::of).toList(), total);
    }

    /** One page of meetings and how many match in all. */
    record MeetingPage(List<MeetingRow> rows, long total) {
    }

    @QueryHandler
    MeetingCalendar handle(FetchMeetingCalendar query) {
        return new MeetingCalendar(mongo.find(query(where("firstScheduledAt").ne(null)), MeetingView.class).stream()
                .sorted(Comparator.comparing(MeetingView::start).thenComparing(MeetingView::id)).toList());
    }

    @Override
    public Map<String, MeetingFacts> meetings(Collection<String> meetingIds) {
        return mongo.find(query(where("_id").in(meetingIds)), MeetingView.class).stream().collect(Collectors.toMap(
                MeetingView::id, m -> new MeetingFacts(m.title(), m.kind(), m.status(), m.start(), m.end())));
    }

    /**
     * What the cancelled meetings of a year leave open, meeting by meeting in plan order, each in
     * agenda order:
     * <ul>
     * <li>a project idea, if the idea is still ON_AGENDA and its latest placement is this meeting
     * (placed again elsewhere, discussed, shelved or withdrawn: no longer open). Such an idea counts
     * even if its item was taken off the agenda before the cancellation; an idea the project ideas
     * view does not know yet counts;</li>
     * <li>a problem report, unless it was put on the agenda of a meeting that is not cancelled
     * after it was put on this one;</li>
     * <li>a free topic, always.</li>
     * </ul>
     */
    private List<WorkPlan.OpenItem> carriedOver(List<MeetingView> cancelled) {
        if (cancelled.isEmpty()) {
            return List.of();
        }
        Set<String> cancelledIds = cancelled.stream().map(MeetingView::id).collect(Collectors.toSet());
        Map<String, ProjectIdeaView> openIdeas = mongo.find(query(where("status").is(ProjectIdeaStatus.ON_AGENDA)
                .and("currentMeetingId").in(cancelledIds)), ProjectIdeaView.class).stream()
                .collect(Collectors.toMap(ProjectIdeaView::id, Function.identity()));
        Set<String> knownIdeas = mongo.find(query(where("_id").in(references(cancelled, AgendaTopicKind.PROJECT_IDEA))),
                ProjectIdeaView.class).stream().map(ProjectIdeaView::id).collect(Collectors.toSet());
        List<AgendaItem> problemsPlacedElsewhere = mongo.find(query(where("status").ne(MeetingStatus.CANCELLED)
                        .and("agenda.referenceId").in(references(cancelled, AgendaTopicKind.PROBLEM_REPORT))),
                MeetingView.class).stream().flatMap(m -> m.agenda().stream())
                .filter(i -> i.kind() == AgendaTopicKind.PROBLEM_REPORT).toList();

        List<WorkPlan.OpenItem> open = new ArrayList<>();
        Set<String> listedIdeas = new HashSet<>();
        for (MeetingView meeting : cancelled) {
            for (AgendaItem item : meeting.agenda()) {
                boolean stillOpen = switch (item.kind()) {
                    case PROJECT_IDEA -> item.referenceId() == null || !knownIdeas.contains(item.referenceId())
                            || (openIdeas.containsKey(item.referenceId())
                                    && meeting.id().equals(openIdeas.get(item.referenceId()).currentMeetingId()));
                    case PROBLEM_REPORT -> item.referenceId() == null || problemsPlacedElsewhere.stream().noneMatch(
                            later -> item.referenceId().equals(later.referenceId())
                                    && later.addedAt().isAfter(item.addedAt()));
                    case FREE -> true;
                };
                if (stillOpen) {
                    ProjectIdeaView idea = item.kind() == AgendaTopicKind.PROJECT_IDEA ? openIdeas.get(item.referenceId()) : null;
                    open.add(openItem(meeting, item.kind(), item.referenceId(), idea != null ? idea.title() : item.title(),
                            item.agendaItemId()));
                    if (idea != null) {
                        listedIdeas.add(idea.id());
                    }
                }
            }
            openIdeas.values().stream()
                    .filter(idea -> meeting.id().equals(idea.currentMeetingId()) && !listedIdeas.contains(idea.id()))
                    .sorted(Comparator.comparing(ProjectIdeaView::id))
                    .forEach(idea -> open.add(openItem(meeting, AgendaTopicKind.PROJECT_IDEA, idea.id(), idea.title(),
                            idea.agendaPlacements().get(idea.agendaPlacements().size() - 1).agendaItemId())));
        }
        return open;
    }

    private static Set<String> references(List<MeetingView> meetings, AgendaTopicKind kind) {
        return meetings.stream().flatMap(m -> m.agenda().stream()).filter(i -> i.kind() == kind && i.referenceId() != null)
                .map(AgendaItem::referenceId).collect(Collectors.toSet());
    }

    private static WorkPlan.OpenItem openItem(MeetingView meeting, AgendaTopicKind kind, String referenceId, String title,
            String agendaItemId) {
        return new WorkPlan.OpenItem(kind, referenceId, title, meeting.id(), agendaItemId,
                meeting.cancellation().cancelledAt(), meeting.cancellation().reason());
    }

    private static WorkPlan.Meeting summary(MeetingView m) {
        List<WorkPlan.Topic> agenda = IntStream.range(0, m.agenda().size()).mapToObj(i -> {
            AgendaItem item = m.agenda().get(i);
            return new WorkPlan.Topic(i + 1, item.agendaItemId(), item.kind(), item.referenceId(), item.title());
        }).toList();
        return new WorkPlan.Meeting(m.id(), m.kind(), m.title(), m.status(), m.start(), m.end(), m.location(),
                m.durationMinutes(), agenda);
    }

    private MeetingDetail detail(MeetingView meeting) {
        if (meeting.attendance() == null) {
            return new MeetingDetail(meeting, List.of(), List.of());
        }
        Map<String, String> names = mongo.find(query(where("_id").in(meeting.attendance().members())), MemberView.class)
                .stream().collect(Collectors.toMap(MemberView::id, MemberView::name));
        Map<String, MeetingView.Guest> guests = meeting.guests().stream()
                .collect(Collectors.toMap(MeetingView.Guest::guestId, Function.identity(), (a, b) -> a));
        return new MeetingDetail(meeting,
                meeting.attendance().members().stream().map(id -> new MeetingDetail.Attendee(id, names.get(id))).toList(),
                meeting.attendance().guests().stream()
                        .map(id -> guests.getOrDefault(id, new MeetingView.Guest(id, null, null, null, null))).toList());
    }
}
