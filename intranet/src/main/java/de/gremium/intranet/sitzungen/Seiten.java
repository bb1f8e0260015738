package de.gremium.intranet.sitzungen;

import de.gremium.intranet.api.ApiRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the area's pages share: reading the views' JSON maps, and answering a refused form. */
final class Seiten {

    static final String GESPEICHERT_BALD = "Gespeichert. Die Änderung erscheint in Kürze.";

    private Seiten() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> view, String name) {
        Object value = view == null ? null : view.get(name);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> view, String name) {
        Object value = view == null ? null : view.get(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static String text(Map<String, Object> view, String name) {
        Object value = view == null ? null : view.get(name);
        return value == null ? null : value.toString();
    }

    /**
     * A refusal a form shows beside its fields: the page is rendered again with the typed values, answered with the
     * refusal's status (an unreachable API as 503). A lost sign-in or a thing that is gone is the error page's.
     */
    static void refusedForm(ApiRefusedException refused, Model model, HttpServletResponse response) {
        if (refused.status() == 401 || refused.status() == 404) {
            throw refused;
        }
        response.setStatus(refused.status() >= 500 ? 503 : refused.status());
        model.addAttribute("fehlerImFormular", true);
    }

    /** A form the page itself refused before anything was sent (a missing confirmation, a date it cannot read). */
    static void invalidForm(Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("fehlerImFormular", true);
    }

    /** After an accepted command: the page shows it, or says that it will shortly. */
    static void saved(boolean shown, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("hinweis", shown ? message : GESPEICHERT_BALD);
    }
}
