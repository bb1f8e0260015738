package de.gremium.events.network;
/** Identity of a project of the integration network. */
public record NetworkProjectId(String value) {

    public NetworkProjectId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
