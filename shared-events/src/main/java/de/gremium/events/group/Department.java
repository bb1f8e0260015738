package de.gremium.events.group;

import java.util.List;

/** A department (Dezernat, or the mayor's office) and the organisational units it sends. */
public record Department(String name, List<String> units) {

    public Department {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
