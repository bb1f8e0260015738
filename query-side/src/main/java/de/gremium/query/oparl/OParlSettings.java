package de.gremium.query.oparl;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OParl interface's settings ({@code gremium.oparl.*}; who may read it, {@code gremium.oparl.anonymous}, is the
 * platform's security's business).
 *
 * @param persons how far persons are published: {@code names} (the default) shows members with their name and their
 *                memberships (role, unit, start and end), never contact data; {@code none} shows no person and no
 *                membership (the lists stay, empty, and references to persons are left out)
 * @param baseUrl the public base URL the objects' URLs start with, e.g. {@code https://gremium.magdeburg.de}; empty:
 *                the scheme, host and port of each request
 */
@ConfigurationProperties("gremium.oparl")
public record OParlSettings(Persons persons, String baseUrl) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** So that the objects skipped before a page (at most a billion) stay a number the view store takes. */
    static final int MAX_PAGE = 1_000_000;

    public enum Persons { NAMES, NONE }

    public OParlSettings {
        persons = persons == null ? Persons.NAMES : persons;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
    }

    boolean publishes(OParlKind kind) {
        return !kind.personal() || persons == Persons.NAMES;
    }
}
