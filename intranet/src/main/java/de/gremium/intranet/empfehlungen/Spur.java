package de.gremium.intranet.empfehlungen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A recommendation's causal chain ({@code GET /api/recommendations/{id}/trace}, its {@code chain}, oldest first) as
 * the page reads it: per step what happened in German, the gist of it, who and when, and a link to the page of the
 * thing it happened to. The order is the API's; nothing is left out or added.
 */
@Component
class Spur {

    /** The details a reader wants first, in this order; the first one a step has is its gist. */
    private static final List<String> GIST = List.of("title", "topicTitle", "text", "reason", "proposal", "comment",
            "reasons", "positions", "note", "details", "resolution", "guest", "location", "basis");

    private final MessageSource messages;
    private final Anzeige anzeige;

    Spur(MessageSource messages, Anzeige anzeige) {
        this.messages = messages;
        this.anzeige = anzeige;
    }

    /**
     * @param kind     what the step happened to, as the API names it (problem-report, meeting …), for the styles
     * @param art      what the step happened to, in German (Problemmeldung, Sitzung …)
     * @param was      what happened, in German
     * @param inhalt   its gist (a title, a text, a reason), may be empty
     * @param wer      the user id of who did it
     * @param wann     when (ISO-8601, for {@link Anzeige})
     * @param link     the intranet page of the thing, or {@code null} for this recommendation itself
     * @param linkText the link's words, naming the thing
     */
    record Schritt(String kind, String art, String was, String inhalt, String wer, Object wann, String link, String linkText) {
    }

    List<Schritt> schritte(Map<String, Object> trace) {
        Map<String, String> titel = titel(trace);
        List<Schritt> schritte = new ArrayList<>();
        for (Map<String, Object> step : maps(trace.get("chain"))) {
            String kind = text(step.get("kind"));
            String id = text(step.get("aggregateId"));
            Map<String, Object> details = map(step.get("details"));
            String name = titel.get(id);
            schritte.add(new Schritt(kind, message("empfehlungen.spur.art." + kind, kind), was(step, details),
                    inhalt(details), text(step.get("by")), step.get("at"), link(kind, id),
                    linkText(kind, name)));
        }
        return schritte;
    }

    private String was(Map<String, Object> step, Map<String, Object> details) {
        String eventType = text(step.get("eventType"));
        String decision = text(details.get("decision"));
        String verdict = text(details.get("verdict"));
        Object argument = decision != null ? message("empfehlungen.entscheidung." + decision, decision)
                : verdict != null ? message("empfehlungen.bewertung." + verdict, verdict) : "";
        return messages.getMessage("empfehlungen.spur." + eventType, new Object[] {argument}, eventType, Locale.GERMANY);
    }

    private String inhalt(Map<String, Object> details) {
        String gist = GIST.stream().map(details::get).filter(Objects::nonNull).map(Object::toString)
                .filter(s -> !s.isBlank()).findFirst().map(s -> anzeige.kurz(s, 300)).orElse("");
        Object start = details.get("start");
        if (start != null) {
            gist = message("empfehlungen.spur.termin", "Termin:") + " " + anzeige.zeitpunkt(start)
                    + (details.get("location") == null ? "" : ", " + details.get("location"));
        }
        Object reviewDate = details.get("reviewDate");
        if (reviewDate != null) {
            gist = (gist.isEmpty() ? "" : gist + " – ") + messages.getMessage("empfehlungen.spur.wiedervorlage",
                    new Object[] {anzeige.datum(reviewDate)}, Locale.GERMANY);
        }
        return gist;
    }

    private static String link(String kind, String id) {
        if (id == null) {
            return null;
        }
        return switch (kind == null ? "" : kind) {
            case "problem-report" -> "/probleme/" + id;
            case "project-idea" -> "/ideen/" + id;
            case "meeting" -> "/sitzungen/" + id;
            case "deliberation" -> "/beratungen/" + id;
            case "measure" -> "/monitoring/massnahmen/" + id;
            default -> null; // the recommendation itself: this page
        };
    }

    private String linkText(String kind, String name) {
        String key = "empfehlungen.spur.link." + kind;
        return name == null ? message(key, kind)
                : messages.getMessage(key + ".benannt", new Object[] {name}, message(key, kind), Locale.GERMANY);
    }

    /** The titles the trace knows, by id: of its reports, ideas, meeting and measures. */
    static Map<String, String> titel(Map<String, Object> trace) {
        Map<String, String> titel = new HashMap<>();
        Stream.concat(maps(trace.get("problemReports")).stream(), maps(trace.get("projectIdeas")).stream())
                .forEach(s -> put(titel, s.get("id"), s.get("title")));
        Map<String, Object> meeting = map(trace.get("meeting"));
        put(titel, meeting.get("meetingId"), meeting.get("title"));
        maps(trace.get("measures")).forEach(m -> put(titel, m.get("measureId"), m.get("title")));
        return titel;
    }

    private static void put(Map<String, String> titel, Object id, Object title) {
        if (id != null && title != null && !title.toString().isBlank() && !"null".equals(title.toString())) {
            titel.put(id.toString(), title.toString());
        }
    }

    private String message(String key, String fallback) {
        return messages.getMessage(key, null, fallback, Locale.GERMANY);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList() : List.of();
    }
}
