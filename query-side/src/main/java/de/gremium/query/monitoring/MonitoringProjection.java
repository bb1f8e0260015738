package de.gremium.query.monitoring;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.monitoring.IndicatorDefined;
import de.gremium.events.monitoring.IndicatorRevised;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.monitoring.MeasureVerdictChanged;
import de.gremium.events.monitoring.Observation;
import de.gremium.events.monitoring.ObservationsRecorded;
import de.gremium.query.monitoring.IndicatorView.ChangeKind;
import de.gremium.query.monitoring.IndicatorView.DefinitionChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds the monitoring views: indicators, observations and measures. Creating events are upserts that
 * set fields on insert only; every later event applies {@code where _id = … and version < sequence} and
 * sets the version in the same update, so a replayed or redelivered event changes nothing.
 *
 * <p>An observation cell (indicator, period, breakdown) is first created empty at version -1, then
 * updated under the same guard: the recording with the higher sequence number wins, which is the later
 * import, whatever order the events arrive in. Within one event a cell named twice takes the last entry.
 */
@Component
@ProcessingGroup(MonitoringProjection.GROUP)
public class MonitoringProjection {

    public static final String GROUP = "monitoring";

    private final MongoTemplate mongo;

    public MonitoringProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(IndicatorDefined event, @SequenceNumber long sequence) {
        mongo.upsert(query(where("_id").is(event.indicatorId().value())), new Update()
                .setOnInsert("definition", event.definition())
                .setOnInsert("definedBy", event.definedBy())
                .setOnInsert("definedAt", event.definedAt())
                .setOnInsert("history", List.of(new DefinitionChange(ChangeKind.DEFINED, event.definition(),
                        event.definedBy(), event.definedAt())))
                .setOnInsert("lastChangedAt", event.definedAt())
                .setOnInsert("version", sequence), IndicatorView.class);
    }

    @EventHandler
    void on(IndicatorRevised event, @SequenceNumber long sequence) {
        mongo.updateFirst(query(where("_id").is(event.indicatorId().value()).and("version").lt(sequence)), new Update()
                .set("definition", event.definition())
                .push("history", new DefinitionChange(ChangeKind.REVISED, event.definition(), event.revisedBy(),
                        event.revisedAt()))
                .set("lastChangedAt", event.revisedAt())
                .set("version", sequence), IndicatorView.class);
    }

    @EventHandler
    void on(ObservationsRecorded event, @SequenceNumber long sequence) {
        String indicator = event.indicatorId().value();
        Map<String, Observation> cells = new LinkedHashMap<>();
        for (Observation o : event.observations()) {
            cells.put(ObservationView.id(indicator, o.period(), Breakdowns.key(o.breakdown())), o);
        }
        if (cells.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, ObservationView.class);
        cells.forEach((id, o) -> bulk.upsert(query(where("_id").is(id)), new Update()
                .setOnInsert("indicatorId", indicator)
                .setOnInsert("period", o.period())
                .setOnInsert("breakdown", o.breakdown())
                .setOnInsert("breakdownKey", Breakdowns.key(o.breakdown()))
                .setOnInsert("recordings", List.of())
                .setOnInsert("version", -1L)));
        cells.forEach((id, o) -> bulk.updateOne(query(where("_id").is(id).and("version").lt(sequence)), new Update()
                .set("value", o.value())
                .set("sourceRelease", o.sourceRelease())
                .set("importId", event.importId())
                .set("source", event.source())
                .set("recordedBy", event.recordedBy())
                .set("recordedAt", event.recordedAt())
                .push("recordings", new ObservationView.Recording(o.value(), o.sourceRelease(), event.importId(),
                        event.source(), event.recordedBy(), event.recordedAt()))
                .set("version", sequence)));
        bulk.execute();
    }

    @EventHandler
    void on(MeasureAdopted event, @SequenceNumber long sequence) {
        List<MeasureView.Target> targets = event.targets().stream().map(MonitoringProjection::target).toList();
        mongo.upsert(query(where("_id").is(event.measureId().value())), new Update()
                .setOnInsert("recommendationId", event.recommendationId().value())
                .setOnInsert("title", event.title())
                .setOnInsert("targets", targets)
                .setOnInsert("indicatorIds", targets.stream().map(MeasureView.Target::indicatorId).distinct().toList())
                .setOnInsert("verdict", MeasureVerdict.NOT_MEASURABLE_YET)
                .setOnInsert("verdictHistory", List.of())
                .setOnInsert("adoptedBy", event.adoptedBy())
                .setOnInsert("adoptedAt", event.adoptedAt())
                .setOnInsert("lastChangedAt", event.adoptedAt())
                .setOnInsert("version", sequence), MeasureView.class);
    }

    @EventHandler
    void on(MeasureVerdictChanged event, @SequenceNumber long sequence) {
        mongo.updateFirst(query(where("_id").is(event.measureId().value()).and("version").lt(sequence)), new Update()
                .set("verdict", event.verdict())
                .set("verdictSince", event.evaluatedAt())
                .push("verdictHistory", new MeasureView.VerdictChange(event.verdict(), event.previous(), event.basis(),
                        event.evaluatedBy(), event.evaluatedAt()))
                .set("lastChangedAt", event.evaluatedAt())
                .set("version", sequence), MeasureView.class);
    }

    /** A replay starts from empty views (emptied, not dropped, so that their indexes stay). */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), IndicatorView.class);
        mongo.remove(new Query(), ObservationView.class);
        mongo.remove(new Query(), MeasureView.class);
    }

    private static MeasureView.Target target(MeasureTarget t) {
        return new MeasureView.Target(t.indicatorId().value(), t.breakdown(), t.baseline(), t.baselinePeriod(), t.target(),
                t.targetDate(), t.direction());
    }
}
