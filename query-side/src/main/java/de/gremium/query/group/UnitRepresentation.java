package de.gremium.query.group;

import de.gremium.query.group.UnitView.UnitStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Who represented a unit at any time on a calendar day in Europe/Berlin, members who have withdrawn
 * since included, in the order of their appointment.
 */
public record UnitRepresentation(String unit, String key, String department, UnitStatus status, LocalDate date,
        List<Representative> representatives) {

    /** {@code until} is null while the member still represents the unit. */
    public record Representative(String memberId, String name, Instant from, Instant until) {
    }
}
