package de.gremium.events.group;

import java.util.Objects;

/** Identity of the working group; there is one, {@link #PROJEKTGRUPPE_INTEGRATION}, but ids stay explicit. */
public record GroupId(String value) {

    public static final GroupId PROJEKTGRUPPE_INTEGRATION = new GroupId("projektgruppe-integration");

    public GroupId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
