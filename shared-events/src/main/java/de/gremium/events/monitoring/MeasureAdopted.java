package de.gremium.events.monitoring;

import de.gremium.events.links.LinksToRecommendation;
import de.gremium.events.privacy.PersonalData;
import de.gremium.events.recommendation.RecommendationId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A project adopted after a recommendation became a measure with targets on indicators. */
@Revision("2")
public record MeasureAdopted(MeasureId measureId, RecommendationId recommendationId, String title, List<MeasureTarget> targets, @PersonalData String adoptedBy, Instant adoptedAt) implements MeasureEvent, LinksToRecommendation {

    public MeasureAdopted {
        targets = List.copyOf(targets);
    }

    @Override
    public String actor() {
        return adoptedBy;
    }

    @Override
    public Instant occurredAt() {
        return adoptedAt;
    }
}
