package de.gremium.command.group;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The departments and organisational units of the group as its rules of procedure list them: the
 * seed from which the group is constituted on the first start against an empty store. After that,
 * units change through commands, and {@link de.gremium.command.group.GroupDirectory} is the lookup.
 */
@ConfigurationProperties("gremium.constitution")
public record ConstitutionProperties(String name, List<Department> departments) {

    public ConstitutionProperties {
        name = name == null || name.isBlank() ? "Projektgruppe Integration" : name;
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    public record Department(String name, List<String> units) {
        public Department {
            units = units == null ? List.of() : List.copyOf(units);
        }
    }
}
