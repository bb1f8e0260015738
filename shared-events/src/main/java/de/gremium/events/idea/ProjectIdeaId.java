package de.gremium.events.idea;
/** Identity of a project idea. */
public record ProjectIdeaId(String value) {

    public ProjectIdeaId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
