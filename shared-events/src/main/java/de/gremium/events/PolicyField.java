package de.gremium.events;

/**
 * The twelve political fields of action of the city's framework concept on integration
 * (Rahmenkonzept, 04.05.2006). A closed enumeration: the concept fixes them, so a new one is a
 * change of the published language, not of data.
 */
public enum PolicyField {
    OPENNESS("Internationalität, Weltoffenheit gegen Extremismus und Fremdenfeindlichkeit"),
    LANGUAGE("Spracherwerb"),
    EMPLOYMENT("Berufsausbildung, nichtselbständige und selbständige Erwerbsarbeit"),
    NEIGHBOURHOODS("Integration in den Stadtteilen (Wohnen, Zusammenleben)"),
    CHILDREN_YOUTH("Kinder und Jugendliche mit Migrationshintergrund"),
    WOMEN_GIRLS("Frauen und Mädchen mit Migrationshintergrund"),
    SOCIAL_CARE("soziale Betreuung"),
    HEALTH("Gesundheitsförderung"),
    CULTURE("kulturelle Integration"),
    SPORT("sportliche Betätigung"),
    PARTICIPATION("Selbstorganisation und politische Partizipation"),
    INTERCULTURAL_OPENING("interkulturelle Öffnung der Regelangebote und interkulturelles Personalmanagement");

    private final String germanLabel;

    PolicyField(String germanLabel) {
        this.germanLabel = germanLabel;
    }

    public String germanLabel() {
        return germanLabel;
    }
}
