package de.gremium.events.group;

import java.util.Objects;

/** A member is identified by the user id they sign in with. */
public record MemberId(String value) {

    public MemberId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
