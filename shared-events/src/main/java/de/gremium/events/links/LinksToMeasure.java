package de.gremium.events.links;

import de.gremium.events.monitoring.MeasureId;

/** The event concerns one measure adopted after a recommendation. */
public interface LinksToMeasure {

    MeasureId measureId();
}
