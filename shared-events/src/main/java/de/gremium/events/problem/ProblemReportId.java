package de.gremium.events.problem;

import java.util.Objects;
import java.util.UUID;

/** Identity of a problem report; {@code toString} is the raw value because Axon routes by it. */
public record ProblemReportId(String value) {

    public ProblemReportId {
        Objects.requireNonNull(value, "value");
    }

    public static ProblemReportId of(UUID uuid) {
        return new ProblemReportId(uuid.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
