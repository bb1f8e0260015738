package de.gremium.query.monitoring;

import de.gremium.events.monitoring.IndicatorDefinition;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One indicator with its current definition and every definition it had, oldest first. The id is the
 * indicator's code. {@code version} is the sequence number of the last definition event applied;
 * observations, although events of the same indicator, live in {@link ObservationView} and leave it be.
 */
@Document("monitoring_indicators")
@CompoundIndex(name = "policyField", def = "{'definition.policyField': 1}")
public record IndicatorView(
        @Id String id,
        IndicatorDefinition definition,
        String definedBy,
        Instant definedAt,
        List<DefinitionChange> history,
        Instant lastChangedAt,
        long version) {

    /** A definition as it was set, by whom and when. */
    public record DefinitionChange(ChangeKind kind, IndicatorDefinition definition, String by, Instant at) {
    }

    public enum ChangeKind {
        DEFINED,
        REVISED
    }
}
