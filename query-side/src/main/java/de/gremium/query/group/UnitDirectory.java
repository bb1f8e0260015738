package de.gremium.query.group;

import de.gremium.query.group.UnitView.UnitStatus;
import java.time.Instant;
import java.util.List;

/**
 * The departments in the order of the constitution (departments that came later follow), each with
 * its units. A department is ACTIVE while one of its units is.
 */
public record UnitDirectory(List<Department> departments) {

    public record Department(String name, UnitStatus status, List<Unit> units) {
    }

    public record Unit(String name, String key, UnitStatus status, Instant addedAt, Instant retiredAt,
            String retirementReason) {
    }
}
