package de.gremium.intranet.suche;

import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import de.gremium.intranet.web.FormRefusal;
import de.gremium.intranet.web.RefusalTexts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The full-text search ({@code /suche?q=&art=&feld=&jahr=}): the words, a kind and a policy field to narrow it, and
 * the hits best first, each with its matched passage ({@link Snippet}) and a link to its page in the intranet.
 */
@Controller
class SearchPage {

    static final String FORM = "suche";
    /** The API's kinds ({@code SearchKind}'s wire names) in the order the filter offers them. */
    static final List<String> KINDS = List.of("report", "idea", "recommendation", "draft", "minutes", "network-project");
    static final List<String> POLICY_FIELDS = List.of("OPENNESS", "LANGUAGE", "EMPLOYMENT", "NEIGHBOURHOODS",
            "CHILDREN_YOUTH", "WOMEN_GIRLS", "SOCIAL_CARE", "HEALTH", "CULTURE", "SPORT", "PARTICIPATION",
            "INTERCULTURAL_OPENING");
    private static final Map<String, String> PAGES = Map.of("report", "/probleme/", "idea", "/ideen/",
            "recommendation", "/empfehlungen/", "draft", "/beratungen/", "minutes", "/sitzungen/",
            "network-project", "/netzwerk/projekte/");

    private final Apis apis;
    private final RefusalTexts texts;
    private final MessageSource messages;

    SearchPage(Apis apis, RefusalTexts texts, MessageSource messages) {
        this.apis = apis;
        this.texts = texts;
        this.messages = messages;
    }

    @GetMapping("/suche")
    String search(@ModelAttribute(FORM) SearchQuery query, BindingResult errors,
            @RequestParam(name = "seite", defaultValue = "1") int seite, Model model, HttpServletResponse response) {
        model.addAttribute("arten", KINDS);
        model.addAttribute("felder", POLICY_FIELDS);
        if (query.getQ() == null || query.getQ().isBlank()) {
            return "suche/suche";
        }
        if (query.getQ().length() > 200) {
            errors.rejectValue("q", "lang", messages.getMessage("suche.zulang", null, Locale.GERMANY));
        }
        Integer year = year(query.getJahr());
        if (year != null && (year < 1900 || year > 2200)) {
            errors.rejectValue("jahr", "jahr", messages.getMessage("suche.jahr", null, Locale.GERMANY));
        }
        if (!errors.hasErrors()) {
            int page = Math.max(1, Math.min(seite, 10_000));
            try {
                Map<String, Object> result = apis.view("/api/search", Apis.parameters("q", query.getQ(),
                        "kind", offered(KINDS, query.getArt()),
                        "policyField", offered(POLICY_FIELDS, query.getFeld()),
                        "year", year, "page", page, "size", 20));
                model.addAttribute("treffer", Apis.items(result).stream().map(SearchPage::hit).toList());
                model.addAttribute("seiten", result.get("pagination"));
                model.addAttribute("seite", page);
            } catch (ApiRefusedException refused) {
                if (refused.status() == 503) {
                    model.addAttribute("nichtBereit", messages.getMessage("suche.nichtbereit", null, Locale.GERMANY));
                    response.setStatus(503);
                    return "suche/suche";
                }
                if (refused.status() != 400) {
                    throw refused;
                }
                FormRefusal.bind(refused.problem(), errors, Map.of("q", "Suchbegriff"), texts);
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("fehlerImFormular", true);
        }
        return "suche/suche";
    }

    /** The year typed, {@code null} when none, {@code -1} when it is no year (refused beside the field). */
    private static Integer year(String typed) {
        if (typed == null || typed.isEmpty()) {
            return null;
        }
        return typed.matches("\\d{4}") ? Integer.valueOf(typed) : -1;
    }

    /** The value if the filter offers it; anything else means no filter. */
    private static String offered(List<String> choices, String value) {
        return value != null && choices.contains(value) ? value : null;
    }

    static Hit hit(Map<String, Object> hit) {
        String kind = String.valueOf(hit.get("kind"));
        String prefix = PAGES.get(kind);
        Object policyFields = hit.get("policyFields");
        return new Hit(kind, String.valueOf(hit.get("title")), prefix == null ? null : prefix + hit.get("id"),
                Snippet.safe((String) hit.get("snippet")),
                policyFields instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(),
                hit.get("year"));
    }

    /** A hit as the page shows it: {@code snippet} is safe HTML, {@code page} the intranet's page of the item. */
    record Hit(String kind, String title, String page, String snippet, List<String> policyFields, Object year) {
    }
}
