package de.gremium.events.problem;

import java.util.Objects;

/** Identity of one solution proposal within a problem report. */
public record SolutionProposalId(String value) {

    public SolutionProposalId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
