package de.gremium.intranet.probleme;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The forms of a report's page, one per action; property names are the command API's
 * ({@code ProblemReportRequests.AddDetails}, {@code Propose}, {@code Acknowledge}, {@code Close}).
 */
public final class Aktionsformulare {

    private Aktionsformulare() {
    }

    /** Details the author adds to their own report. */
    public static class Details {
        static final Map<String, String> LABELS = Map.of("details", "Ergänzung");
        private String details = "";

        public String getDetails() {
            return details;
        }

        public void setDetails(String details) {
            this.details = details;
        }

        Map<String, Object> body() {
            return Map.of("details", details == null ? "" : details);
        }
    }

    /** A member's solution proposal. */
    public static class Vorschlag {
        static final Map<String, String> LABELS = Map.of("proposal", "Lösungsvorschlag");
        private String proposal = "";

        public String getProposal() {
            return proposal;
        }

        public void setProposal(String proposal) {
            this.proposal = proposal;
        }

        Map<String, Object> body() {
            return Map.of("proposal", proposal == null ? "" : proposal);
        }
    }

    /** The coordinator acknowledges the report, with an optional note. */
    public static class Annahme {
        static final Map<String, String> LABELS = Map.of("note", "Anmerkung");
        private String note = "";

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (note != null && !note.isBlank()) {
                body.put("note", note);
            }
            return body;
        }
    }

    /** The coordinator closes the report: outcome, resolution, and the confirmation that it is final. */
    public static class Abschluss {
        static final Map<String, String> LABELS = labels();
        private String outcome = "";
        private String resolution = "";
        private boolean bestaetigt;

        private static Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("outcome", "Ergebnis");
            labels.put("resolution", "Begründung");
            labels.put("bestaetigt", "Bestätigung");
            return labels;
        }

        public String getOutcome() {
            return outcome;
        }

        public void setOutcome(String outcome) {
            this.outcome = outcome;
        }

        public String getResolution() {
            return resolution;
        }

        public void setResolution(String resolution) {
            this.resolution = resolution;
        }

        public boolean isBestaetigt() {
            return bestaetigt;
        }

        public void setBestaetigt(boolean bestaetigt) {
            this.bestaetigt = bestaetigt;
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("outcome", outcome == null || outcome.isBlank() ? null : outcome);
            body.put("resolution", resolution == null ? "" : resolution);
            return body;
        }
    }
}
