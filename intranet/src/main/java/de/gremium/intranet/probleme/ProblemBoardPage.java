package de.gremium.intranet.probleme;

import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The problem board: the reports newest first, filtered by status, unit and policy field ({@code /api/problem-reports}),
 * or the reports matching words ({@code /api/search?kind=report}), a page at a time. A plain GET form; htmx only
 * swaps the result region and pushes the address.
 */
@Controller
class ProblemBoardPage {

    static final int SIZE = 20;
    private static final int MAX_PAGE = 1_000_000;
    /** Every tag but the search's {@code <mark>} is shown as text, whatever the API sends. */
    private static final Pattern NOT_MARK = Pattern.compile("<(?!/?mark>)");

    /** One report in the list; from the board all fields, from the search the title, policy fields and passage. */
    record Zeile(String id, String titel, String status, String einheit, List<String> politikfelder, Object eingereichtAm,
            String auszug) {
    }

    private final Apis apis;
    private final Verzeichnis verzeichnis;

    ProblemBoardPage(Apis apis, Verzeichnis verzeichnis) {
        this.apis = apis;
        this.verzeichnis = verzeichnis;
    }

    @GetMapping("/probleme")
    String board(@RequestParam(required = false) String status, @RequestParam(required = false) String einheit,
            @RequestParam(required = false) String politikfeld, @RequestParam(required = false) String suche,
            @RequestParam(defaultValue = "1") String seite, Model model) {
        String knownStatus = Begriffe.bekannt(status, Begriffe.STATUS);
        String knownField = Begriffe.bekannt(politikfeld, Begriffe.POLITIKFELDER);
        String unit = einheit == null || einheit.isBlank() ? null : einheit.strip();
        String words = suche == null || suche.isBlank() ? null : suche.strip();
        int page = page(seite);
        model.addAttribute("filter", Map.of("status", knownStatus == null ? "" : knownStatus, "einheit", unit == null ? "" : unit,
                "politikfeld", knownField == null ? "" : knownField, "suche", words == null ? "" : words));
        model.addAttribute("abteilungen", verzeichnis.abteilungen());
        model.addAttribute("politikfelder", Begriffe.POLITIKFELDER);
        model.addAttribute("statuswerte", Begriffe.STATUS);

        Map<String, Object> result;
        List<Zeile> rows = new ArrayList<>();
        if (words == null) {
            result = apis.view("/api/problem-reports", Apis.parameters("status", knownStatus, "unit", unit,
                    "policyField", knownField, "page", page, "size", SIZE));
            Apis.items(result).forEach(r -> rows.add(new Zeile(text(r.get("id")), text(r.get("title")), text(r.get("status")),
                    text(r.get("unit")), list(r.get("policyFields")), r.get("submittedAt"), null)));
        } else {
            model.addAttribute("sucheOhneStatus", knownStatus != null || unit != null);
            try {
                result = apis.view("/api/search", Apis.parameters("q", words, "kind", "report", "policyField", knownField,
                        "page", page, "size", SIZE));
            } catch (ApiRefusedException refused) {
                if (refused.status() != 503 && refused.status() != 400) {
                    throw refused;
                }
                model.addAttribute("sucheNichtMoeglich", refused.status() == 503 ? "bereit" : "eingabe");
                result = Map.of();
            }
            Apis.items(result).forEach(h -> rows.add(new Zeile(text(h.get("id")), text(h.get("title")), null, null,
                    list(h.get("policyFields")), null, snippet(h.get("snippet")))));
        }
        model.addAttribute("berichte", rows);
        Map<String, Object> pagination = result.get("pagination") instanceof Map<?, ?> p ? cast(p) : Map.of();
        long total = number(pagination.get("totalElements"), rows.size());
        int totalPages = (int) number(pagination.get("totalPages"), 1);
        model.addAttribute("gesamt", total);
        model.addAttribute("seite", page);
        model.addAttribute("seiten", totalPages);
        model.addAttribute("vorher", page > 1 ? link(knownStatus, unit, knownField, words, Math.min(page - 1, totalPages)) : null);
        model.addAttribute("weiter", page < totalPages ? link(knownStatus, unit, knownField, words, page + 1) : null);
        model.addAttribute("ansage", total == 1 ? "1 Bericht gefunden" : total + " Berichte gefunden");
        return "probleme/liste";
    }

    private static int page(String seite) {
        try {
            return Math.min(MAX_PAGE, Math.max(1, Integer.parseInt(seite.strip())));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    private static String link(String status, String unit, String field, String words, int page) {
        return UriComponentsBuilder.fromPath("/probleme").queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                .queryParamIfPresent("einheit", java.util.Optional.ofNullable(unit))
                .queryParamIfPresent("politikfeld", java.util.Optional.ofNullable(field))
                .queryParamIfPresent("suche", java.util.Optional.ofNullable(words))
                .queryParam("seite", page).encode().build().toUriString();
    }

    static String snippet(Object snippet) {
        return snippet == null ? null : NOT_MARK.matcher(snippet.toString()).replaceAll("&lt;");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static List<String> list(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static long number(Object value, long otherwise) {
        return value instanceof Number n ? n.longValue() : otherwise;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
