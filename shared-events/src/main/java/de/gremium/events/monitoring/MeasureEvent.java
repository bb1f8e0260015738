package de.gremium.events.monitoring;

import de.gremium.events.links.LinksToMeasure;
import java.time.Instant;

/** Everything that happens to a measure. */
public sealed interface MeasureEvent extends LinksToMeasure permits MeasureAdopted, MeasureVerdictChanged {

    /** The aggregate the event happened to. */
    @Override
    MeasureId measureId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
