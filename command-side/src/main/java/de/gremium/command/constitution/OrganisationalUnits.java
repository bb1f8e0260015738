package de.gremium.command.constitution;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Command-side lookup of the group's organisational units (never asks the query side). */
@Component
@EnableConfigurationProperties(ConstitutionProperties.class)
public class OrganisationalUnits {

    private final Set<String> units = new LinkedHashSet<>();

    public OrganisationalUnits(ConstitutionProperties constitution) {
        constitution.departments().forEach(d -> units.addAll(d.units()));
        if (units.isEmpty()) {
            throw new IllegalStateException("gremium.constitution lists no organisational units");
        }
    }

    public boolean isKnown(String unit) {
        return units.contains(unit);
    }

    public Set<String> all() {
        return Set.copyOf(units);
    }
}
