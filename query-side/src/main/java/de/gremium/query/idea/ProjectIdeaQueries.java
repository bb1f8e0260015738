package de.gremium.query.idea;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import de.gremium.events.idea.FetchProjectIdea;
import de.gremium.events.idea.FetchProjectIdeas;
import de.gremium.query.idea.MeetingLookup.MeetingFacts;
import de.gremium.query.idea.ProjectIdeaView.Discussion;
import de.gremium.query.idea.ProjectIdeaView.Placement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Answers the project ideas' queries from their view collection. */
@Component
class ProjectIdeaQueries {

    private final MongoTemplate mongo;
    private final MeetingLookup meetings;

    ProjectIdeaQueries(MongoTemplate mongo, MeetingLookup meetings) {
        this.mongo = mongo;
        this.meetings = meetings;
    }

    @QueryHandler
    ProjectIdeaPage handle(FetchProjectIdeas query) {
        Query filter = new Query();
        if (query.status() != null) {
            filter.addCriteria(where("status").is(query.status()));
        }
        if (query.policyField() != null) {
            filter.addCriteria(where("policyFields").is(query.policyField()));
        }
        long total = mongo.count(filter, ProjectIdeaView.class);
        filter.with(Sort.by(Sort.Order.desc("proposedAt"), Sort.Order.asc("_id")))
                .skip((long) query.page() * query.size())
                .limit(query.size());
        return new ProjectIdeaPage(mongo.find(filter, ProjectIdeaView.class), total);
    }

    @QueryHandler
    Optional<ProjectIdeaDetail> handle(FetchProjectIdea query) {
        return Optional.ofNullable(mongo.findById(query.ideaId().value(), ProjectIdeaView.class)).map(this::detail);
    }

    private ProjectIdeaDetail detail(ProjectIdeaView idea) {
        Map<String, MeetingFacts> facts = meetings.meetings(
                idea.agendaPlacements().stream().map(Placement::meetingId).distinct().toList());
        List<ProjectIdeaDetail.MeetingOfIdea> path = idea.agendaPlacements().stream().map(p -> {
            MeetingFacts m = facts.get(p.meetingId());
            boolean discussed = idea.discussions().stream().map(Discussion::meetingId).anyMatch(p.meetingId()::equals);
            return m == null
                    ? new ProjectIdeaDetail.MeetingOfIdea(p.meetingId(), p.agendaItemId(), p.placedAt(), null, null, null,
                            null, null, discussed)
                    : new ProjectIdeaDetail.MeetingOfIdea(p.meetingId(), p.agendaItemId(), p.placedAt(), m.title(),
                            m.kind(), m.status(), m.start(), m.end(), discussed);
        }).toList();
        return new ProjectIdeaDetail(idea, path);
    }

    /** One page of ideas and how many match in all. */
    record ProjectIdeaPage(List<ProjectIdeaView> ideas, long total) {
    }
}
