package de.gremium.events.group;

import java.util.Objects;

/** A member is identified by the user id they sign in with. */
public record MemberId(String value) {

    /** The characters of a user id, as appointing a member checks them (a regular expression). */
    public static final String CHARACTERS = "[A-Za-z0-9._@-]+";
    /** A user id of at most 200 such characters, as the data-protection endpoints check it (a regular expression). */
    public static final String FORM = "[A-Za-z0-9._@-]{1,200}";

    public MemberId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
