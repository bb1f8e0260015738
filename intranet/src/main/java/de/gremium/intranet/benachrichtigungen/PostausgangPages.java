package de.gremium.intranet.benachrichtigungen;

import de.gremium.intranet.api.Apis;
import de.gremium.intranet.signin.SignedIn;
import de.gremium.intranet.signin.SignedInUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinator's outbox: how many e-mails are in each state, the e-mails newest first (filtered by state, page
 * by page; {@code GET /api/notifications/outbox}), and one e-mail with its plain text while it is not yet sent
 * ({@code GET /api/notifications/outbox/{id}}). Without an SMTP server the e-mails stay here as "not sent", which is
 * how the embedded default shows what would have gone out. Other roles get the refusal page (the API refuses them too).
 */
@Controller
class PostausgangPages {

    static final String PATH = "/postausgang";
    static final int PAGE_SIZE = 25;

    /** The states of an e-mail in the order the page shows them, with the words used when the API gives none. */
    static final Map<String, String> STATUSES = statuses();

    /** How an e-mail is delivered, in words. */
    static final Map<String, String> DELIVERY_WORDS = Map.of("IMMEDIATELY", "sofort",
            "WEEKLY_DIGEST", "wöchentliche Zusammenfassung");

    /** The kinds of e-mail in words, should the API give no label. */
    static final Map<String, String> KIND_WORDS = Map.of("SCHEDULING_POLLS", "Terminumfragen",
            "MEETING_INVITATIONS", "Einladungen zu Sitzungen", "AGENDAS", "Tagesordnungen", "MINUTES", "Protokolle",
            "MY_REPORTS", "Meine Problemanzeigen", "DECISIONS", "Entscheidungen des Oberbürgermeisters",
            "REVIEW_DATES", "Wiedervorlagen", "DIGEST", "Wöchentliche Zusammenfassung");

    private static final Pattern ID = Pattern.compile("\\d{1,18}");
    private static final Pattern METHOD = Pattern.compile("(?m)^METHOD:([A-Z-]+)\\s*$");

    private final Apis apis;
    private final SignedIn signedIn;

    PostausgangPages(Apis apis, SignedIn signedIn) {
        this.apis = apis;
        this.signedIn = signedIn;
    }

    private static Map<String, String> statuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("PENDING", "wartet");
        statuses.put("SENDING", "wird gesendet");
        statuses.put("SENT", "gesendet");
        statuses.put("FAILED", "fehlgeschlagen");
        statuses.put("HELD", "nicht versandt (kein SMTP-Server)");
        statuses.put("DIGESTED", "in Zusammenfassung");
        return java.util.Collections.unmodifiableMap(statuses);
    }

    @GetMapping(PATH)
    String outbox(@RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "seite", defaultValue = "1") String seite, Model model, HttpServletResponse response) {
        if (!coordinator()) {
            return onlyTheCoordinator(model, response);
        }
        String filter = status != null && STATUSES.containsKey(status) ? status : null;
        int page = page(seite);
        Map<String, Object> outbox = apis.view("/api/notifications/outbox",
                Apis.parameters("status", filter, "page", page, "size", PAGE_SIZE));
        model.addAttribute("filterStatus", filter);
        model.addAttribute("zustellungWorte", DELIVERY_WORDS);
        model.addAttribute("artWorte", KIND_WORDS);
        model.addAttribute("statusWerte", STATUSES);
        model.addAttribute("anzahlen", counts(outbox));
        model.addAttribute("briefe", letters(outbox));
        model.addAttribute("seiten", outbox.get("pagination") instanceof Map<?, ?> pagination ? pagination
                : Map.of("currentPage", page, "totalPages", 1, "totalElements", letters(outbox).size()));
        model.addAttribute("filterQuery", filter == null ? "" : "&status=" + filter);
        return "postausgang/liste";
    }

    @GetMapping(PATH + "/{id}")
    String letter(@PathVariable String id, Model model, HttpServletResponse response) {
        if (!coordinator()) {
            return onlyTheCoordinator(model, response);
        }
        Optional<Map<String, Object>> letter = ID.matcher(id).matches()
                ? apis.optionalView("/api/notifications/outbox/{id}", id) : Optional.empty();
        if (letter.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("status", 404);
            model.addAttribute("meldung", "Diese E-Mail gibt es im Postausgang nicht (mehr).");
            return "fehler";
        }
        model.addAttribute("brief", letter.get());
        model.addAttribute("statusWort", statusLabel(letter.get()));
        model.addAttribute("zustellungWorte", DELIVERY_WORDS);
        model.addAttribute("artWorte", KIND_WORDS);
        model.addAttribute("kalenderArt", calendarMethod(letter.get().get("calendar")));
        return "postausgang/brief";
    }

    /** The German word for an e-mail's state: the API's label, else the page's own. */
    static String statusLabel(Map<String, Object> letter) {
        Object label = letter.get("statusLabel");
        if (label != null && !label.toString().isBlank()) {
            return label.toString();
        }
        Object status = letter.get("status");
        return status == null ? "–" : STATUSES.getOrDefault(status.toString(), status.toString());
    }

    /** What a calendar part does: a new or changed appointment, or its cancellation; null without one. */
    static String calendarMethod(Object calendar) {
        if (calendar == null) {
            return null;
        }
        Matcher method = METHOD.matcher(calendar.toString());
        if (!method.find()) {
            return "Kalendereintrag";
        }
        return switch (method.group(1)) {
            case "REQUEST" -> "Einladung (neuer oder geänderter Termin)";
            case "CANCEL" -> "Absage des Termins";
            default -> "Kalendereintrag (" + method.group(1) + ")";
        };
    }

    /** The counts by state in the page's order; a state the API does not name counts 0. */
    static Map<String, Object> counts(Map<String, Object> outbox) {
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<?, ?> given = outbox.get("counts") instanceof Map<?, ?> map ? map : Map.of();
        STATUSES.keySet().forEach(status -> {
            Object count = given.get(status);
            counts.put(status, count == null ? 0 : count);
        });
        return counts;
    }

    /** The e-mails of the page: {@code items} (or {@code data}, as the other lists call them). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> letters(Map<String, Object> outbox) {
        Object items = outbox.containsKey("items") ? outbox.get("items") : outbox.get("data");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static int page(String seite) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(seite.strip()), 1_000_000));
        } catch (NumberFormatException notAPage) {
            return 1;
        }
    }

    private boolean coordinator() {
        SignedInUser ich = signedIn.current();
        return ich != null && ich.isCoordinator();
    }

    private static String onlyTheCoordinator(Model model, HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("meldung", "Den Postausgang sieht nur die Koordination der Projektgruppe.");
        return "fehler";
    }
}
