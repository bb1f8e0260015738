package de.gremium.intranet.probleme;

import java.util.List;

/**
 * The closed vocabularies of problem reports as the APIs name them (the published language's enumerations, which
 * the intranet does not depend on in code); their German words are in {@code i18n/probleme.properties}
 * ({@code probleme.status.*}, {@code probleme.politikfeld.*}, {@code probleme.ergebnis.*}).
 */
public final class Begriffe {

    /** The twelve policy fields of the framework concept, in its order. */
    public static final List<String> POLITIKFELDER = List.of("OPENNESS", "LANGUAGE", "EMPLOYMENT", "NEIGHBOURHOODS",
            "CHILDREN_YOUTH", "WOMEN_GIRLS", "SOCIAL_CARE", "HEALTH", "CULTURE", "SPORT", "PARTICIPATION",
            "INTERCULTURAL_OPENING");

    /** Where a report stands. */
    public static final List<String> STATUS = List.of("SUBMITTED", "ACKNOWLEDGED", "ADDRESSED", "CLOSED");

    /** How the coordinator closes a report. */
    public static final List<String> ERGEBNISSE = List.of("SOLVED", "REFERRED", "NOT_ACTIONABLE", "DUPLICATE");

    private Begriffe() {
    }

    static String bekannt(String value, List<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }
}
