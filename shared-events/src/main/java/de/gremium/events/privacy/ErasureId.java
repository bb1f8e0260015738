package de.gremium.events.privacy;

import java.util.Objects;

/** Identifies one erasure: of a person's personal data, or of one problem report's free text. Random, names no one. */
public record ErasureId(String value) {

    public ErasureId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
