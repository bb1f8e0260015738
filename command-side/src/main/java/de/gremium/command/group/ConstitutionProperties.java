package de.gremium.command.constitution;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The departments and organisational units of the group as its rules of procedure list them. Until
 * the constitution becomes event-sourced (issue 3) this is the command side's lookup for "is this a
 * unit of the group?".
 */
@ConfigurationProperties("gremium.constitution")
public record ConstitutionProperties(List<Department> departments) {

    public ConstitutionProperties {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    public record Department(String name, List<String> units) {
        public Department {
            units = units == null ? List.of() : List.copyOf(units);
        }
    }
}
