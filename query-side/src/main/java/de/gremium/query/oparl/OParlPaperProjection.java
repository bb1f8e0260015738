package de.gremium.query.oparl;

import static de.gremium.query.oparl.OParlWrites.values;

import de.gremium.events.PolicyField;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaPlacedOnAgenda;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.idea.ProjectIdeaRecommended;
import de.gremium.events.idea.ProjectIdeaRevised;
import de.gremium.events.idea.ProjectIdeaWithdrawn;
import de.gremium.events.recommendation.RecommendationFormulated;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Papers: each recommendation to the Lord Mayor, consulted on the agenda item where the consensus was recorded, and
 * each project idea, consulted on the agenda items it was placed on. An idea its proposer withdrew is depublished
 * (a deleted object); a shelved one stays.
 */
@Component
@ProcessingGroup(OParlGroupProjection.GROUP)
public class OParlPaperProjection {

    static final String RECOMMENDATION = "Empfehlung an den Oberbürgermeister";
    static final String IDEA = "Projektidee";
    static final int NAME_LENGTH = 120;

    private final OParlWrites writes;

    public OParlPaperProjection(MongoTemplate mongo) {
        this.writes = new OParlWrites(mongo);
    }

    @EventHandler
    void on(RecommendationFormulated event, @Timestamp Instant at) {
        String paper = OParlPaths.recommendationPaper(event.recommendationId().value());
        String meeting = OParlPaths.meeting(event.meetingId().value());
        writes.put(paper, OParlKind.PAPER, null, at, values(
                "name", RECOMMENDATION + ": " + shortened(event.text()),
                "paperType", RECOMMENDATION,
                "date", OParlPaths.date(at),
                "keyword", keywords(event.policyFields())), values(
                "body", OParlPaths.BODY,
                "originatorOrganization", List.of(OParlPaths.GROUP),
                "relatedPaper", event.projectIdeas().stream().map(i -> OParlPaths.ideaPaper(i.value())).toList()));
        writes.put(OParlPaths.recommendationConsultation(event.recommendationId().value()), OParlKind.CONSULTATION, paper, at,
                values("authoritative", true, "role", "Empfehlung"), values(
                        "paper", paper,
                        "agendaItem", OParlPaths.agendaItem(event.agendaItemId().value()),
                        "meeting", meeting,
                        "organization", List.of(OParlPaths.GROUP)));
    }

    @EventHandler
    void on(ProjectIdeaProposed event, @Timestamp Instant at) {
        writes.put(OParlPaths.ideaPaper(event.ideaId().value()), OParlKind.PAPER, null, at, values(
                "name", event.title(),
                "paperType", IDEA,
                "date", OParlPaths.date(at),
                "keyword", keywords(event.policyFields())), values(
                "body", OParlPaths.BODY,
                "originatorOrganization", List.of(OParlPaths.GROUP)));
    }

    @EventHandler
    void on(ProjectIdeaRevised event, @Timestamp Instant at) {
        writes.change(OParlPaths.ideaPaper(event.ideaId().value()), at, new Update()
                .set("fields.name", event.title()).set("fields.keyword", keywords(event.policyFields())));
    }

    @EventHandler
    void on(ProjectIdeaWithdrawn event, @Timestamp Instant at) {
        writes.delete(OParlPaths.ideaPaper(event.ideaId().value()), at);
    }

    @EventHandler
    void on(ProjectIdeaPlacedOnAgenda event, @Timestamp Instant at) {
        String paper = OParlPaths.ideaPaper(event.ideaId().value());
        if (writes.find(paper) == null) {
            return;
        }
        String agendaItem = OParlPaths.agendaItem(event.agendaItemId().value());
        String consultation = OParlPaths.ideaConsultation(event.ideaId().value(), event.agendaItemId().value());
        writes.put(consultation, OParlKind.CONSULTATION, paper, at, values("authoritative", false, "role", "Beratung"),
                values("paper", paper, "agendaItem", agendaItem, "meeting", OParlPaths.meeting(event.meetingId().value()),
                        "organization", List.of(OParlPaths.GROUP)));
        writes.touch(paper, at);
        OParlObject item = writes.find(agendaItem);
        if (item != null && !item.refs().containsKey("consultation")) {
            writes.change(agendaItem, at, new Update().set("refs.consultation", consultation));
            writes.touch(item.parent(), at);
        }
    }

    @EventHandler
    void on(ProjectIdeaRecommended event, @Timestamp Instant at) {
        writes.change(paper(event.ideaId()), at, new Update().addToSet("refs.relatedPaper",
                OParlPaths.recommendationPaper(event.recommendationId().value())));
    }

    private static String paper(ProjectIdeaId idea) {
        return OParlPaths.ideaPaper(idea.value());
    }

    private static List<String> keywords(Set<PolicyField> fields) {
        return fields.stream().sorted().map(PolicyField::germanLabel).toList();
    }

    private static String shortened(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= NAME_LENGTH ? line : line.substring(0, NAME_LENGTH - 1).strip() + "…";
    }
}
