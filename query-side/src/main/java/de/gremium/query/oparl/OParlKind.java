package de.gremium.query.oparl;

import java.util.Arrays;
import java.util.Optional;

/** The OParl 1.1 object types Gremium publishes, with the path segment of their URLs. */
public enum OParlKind {
    SYSTEM("System", "system"),
    BODY("Body", "body"),
    LEGISLATIVE_TERM("LegislativeTerm", "legislativeterm"),
    ORGANIZATION("Organization", "organization"),
    PERSON("Person", "person"),
    MEMBERSHIP("Membership", "membership"),
    MEETING("Meeting", "meeting"),
    AGENDA_ITEM("AgendaItem", "agendaitem"),
    PAPER("Paper", "paper"),
    CONSULTATION("Consultation", "consultation"),
    FILE("File", "file"),
    LOCATION("Location", "location");

    public static final String SCHEMA = "https://schema.oparl.org/1.1/";

    private final String typeName;
    private final String path;

    OParlKind(String typeName, String path) {
        this.typeName = typeName;
        this.path = path;
    }

    /** The value of {@code type}, e.g. {@code https://schema.oparl.org/1.1/Meeting}. */
    public String typeUrl() {
        return SCHEMA + typeName;
    }

    public String path() {
        return path;
    }

    /** The object's path below the interface's root: {@code meeting/<key>}. */
    public String id(String key) {
        return path + "/" + key;
    }

    /** Persons and their memberships: published only as far as {@code gremium.oparl.persons} allows. */
    public boolean personal() {
        return this == PERSON || this == MEMBERSHIP;
    }

    public static Optional<OParlKind> ofPath(String segment) {
        return Arrays.stream(values()).filter(k -> k.path.equals(segment)).findFirst();
    }

    /** The kind an object path such as {@code person/anna} names. */
    public static Optional<OParlKind> ofId(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? Optional.empty() : ofPath(id.substring(0, slash));
    }
}
