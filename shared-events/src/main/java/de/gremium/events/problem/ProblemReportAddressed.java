package de.gremium.events.problem;

import de.gremium.events.links.LinksToRecommendation;
import de.gremium.events.privacy.PersonalData;
import de.gremium.events.recommendation.RecommendationId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A recommendation to the Lord Mayor addresses this report. */
@Revision("2")
public record ProblemReportAddressed(ProblemReportId reportId, RecommendationId recommendationId, @PersonalData String recordedBy, Instant addressedAt) implements ProblemReportEvent, LinksToRecommendation {

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return addressedAt;
    }
}
