package de.gremium.events.monitoring;

import java.time.Instant;

/** Everything that happens to a measure. */
public sealed interface MeasureEvent permits MeasureAdopted, MeasureVerdictChanged {

    MeasureId measureId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
