package de.gremium.command.monitoring;

import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The command side's own lookup of which measures aim at which indicator (Mongo {@code measure_indicators}),
 * kept by {@link MonitoringPolicies} on {@code MeasureAdopted}. A measure's targets never change, so the
 * entry is written once; writing it again (a redelivery) replaces it with the same.
 */
@Component
class MeasuresByIndicator {

    private final MongoTemplate mongo;

    MeasuresByIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void record(MeasureAdopted event) {
        List<String> indicators = event.targets().stream().map(MeasureTarget::indicatorId).map(IndicatorId::value)
                .distinct().toList();
        mongo.save(new MeasureIndicatorsEntry(event.measureId().value(), indicators));
    }

    /** The measures with a target on the indicator, by id. */
    List<MeasureId> aimingAt(IndicatorId indicatorId) {
        Query query = Query.query(Criteria.where("indicatorIds").is(indicatorId.value())).with(Sort.by("_id"));
        return mongo.find(query, MeasureIndicatorsEntry.class).stream().map(entry -> new MeasureId(entry.measureId())).toList();
    }
}
