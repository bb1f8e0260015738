package de.gremium.events.group;

import java.time.LocalDate;

/** Who represented a unit on a given day (Europe/Berlin). */
public record FetchUnitRepresentation(String unit, LocalDate date) {
}
