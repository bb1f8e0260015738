package de.gremium.events.meeting;

import java.util.List;

/**
 * A meeting dated into the blocked calendar on purpose: why, and the appointments it clashes with as the coordinator
 * was told them ("Stadtratssitzung 'Stadtrat' 14:00–17:00"). Absent (null) when the date clashes with nothing.
 */
public record CalendarOverride(String reason, List<String> clashes) {

    public CalendarOverride {
        clashes = clashes == null ? List.of() : List.copyOf(clashes);
    }
}
