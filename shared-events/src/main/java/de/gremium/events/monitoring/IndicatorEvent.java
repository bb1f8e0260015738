package de.gremium.events.monitoring;

import java.time.Instant;

/** Everything that happens to an indicator. */
public sealed interface IndicatorEvent permits IndicatorDefined, IndicatorRevised, ObservationsRecorded {

    IndicatorId indicatorId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
