package de.gremium.intranet.benachrichtigungen;

import de.gremium.intranet.api.ApiProblem;
import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import de.gremium.intranet.web.FormRefusal;
import de.gremium.intranet.web.ReadAfterWrite;
import de.gremium.intranet.web.RefusalTexts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every signed-in person's notification settings ({@code GET /api/me/notification-settings}): their own e-mail
 * address with a form to change it ({@code PUT /api/members/{memberId}/email}) and, per notification kind, how they
 * want to hear of it ({@code PUT /api/members/{memberId}/notification-settings}). After a change the page waits until
 * the view shows it and comes back with a German confirmation; a refusal shows the form again with the error beside
 * the field. A withdrawn member, or a person without membership, is told why there is nothing to choose.
 */
@Controller
class BenachrichtigungenPage {

    static final String PATH = "/benachrichtigungen";
    static final String SETTINGS = "/api/me/notification-settings";
    static final String MEMBER_EMAIL = "/api/members/{memberId}/email";
    static final String MEMBER_SETTINGS = "/api/members/{memberId}/notification-settings";
    static final String ADRESSE = "adresse";
    static final String EINSTELLUNGEN = "einstellungen";

    /** The deliveries in the order offered, should the view not name them. */
    static final List<Map<String, Object>> DELIVERIES = List.of(
            Map.of("value", "IMMEDIATELY", "label", "sofort"),
            Map.of("value", "WEEKLY_DIGEST", "label", "in der wöchentlichen Zusammenfassung"),
            Map.of("value", "NEVER", "label", "gar nicht"));

    /** An API field naming one kind's delivery: {@code deliveries.AGENDAS}, {@code deliveries[AGENDAS]}, {@code deliveries['AGENDAS']}. */
    private static final Pattern KIND_FIELD = Pattern.compile("deliveries(?:\\.|\\[['\"]?)([A-Za-z_]+)['\"]?]?");

    private final Apis apis;
    private final ReadAfterWrite readAfterWrite;
    private final RefusalTexts texts;

    BenachrichtigungenPage(Apis apis, ReadAfterWrite readAfterWrite, RefusalTexts texts) {
        this.apis = apis;
        this.readAfterWrite = readAfterWrite;
        this.texts = texts;
    }

    @GetMapping(PATH)
    String page(Model model) {
        Optional<Map<String, Object>> view = settings();
        model.addAttribute(ADRESSE, addressForm(view));
        model.addAttribute(EINSTELLUNGEN, settingsForm(view));
        return render(view, model);
    }

    @PostMapping(PATH + "/adresse")
    String changeAddress(@ModelAttribute(ADRESSE) AdressFormular form, BindingResult binding,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Optional<Map<String, Object>> view = settings();
        model.addAttribute(EINSTELLUNGEN, settingsForm(view));
        if (view.isEmpty()) {
            return noMembership(model, response, view);
        }
        try {
            apis.send(HttpMethod.PUT, MEMBER_EMAIL, form.body(), idempotencyKey, null, memberId(view.get()));
        } catch (ApiRefusedException refused) {
            return refused(refused, refused.problem(), binding, AdressFormular.LABELS, model, response, view);
        }
        boolean shown = readAfterWrite.awaitView(v -> sameAddress(v.get("email"), form.address()), SETTINGS);
        redirect.addFlashAttribute("erfolg", !shown ? "Gespeichert. Die Änderung erscheint in Kürze."
                : form.address() == null ? "Ihre E-Mail-Adresse ist entfernt. Sie erhalten keine E-Mails mehr."
                : "Ihre E-Mail-Adresse ist gespeichert.");
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/einstellungen")
    String chooseSettings(@ModelAttribute(EINSTELLUNGEN) EinstellungsFormular form, BindingResult binding,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Optional<Map<String, Object>> view = settings();
        model.addAttribute(ADRESSE, addressForm(view));
        if (view.isEmpty()) {
            return noMembership(model, response, view);
        }
        try {
            apis.send(HttpMethod.PUT, MEMBER_SETTINGS, form.body(), idempotencyKey, null, memberId(view.get()));
        } catch (ApiRefusedException refused) {
            return refused(refused, byKind(refused.problem()), binding, kindLabels(view.get()), model, response, view);
        }
        boolean shown = readAfterWrite.awaitView(v -> shows(v, form.getDeliveries()), SETTINGS);
        redirect.addFlashAttribute("erfolg", shown ? "Ihre Einstellungen sind gespeichert."
                : "Gespeichert. Die Änderung erscheint in Kürze.");
        return "redirect:" + PATH;
    }

    /**
     * The person's settings, or empty when they have no membership (the API answers 404, or 403 to a role without one,
     * or a view naming no member).
     */
    private Optional<Map<String, Object>> settings() {
        try {
            return Optional.of(apis.view(SETTINGS)).filter(view -> view.get("memberId") != null);
        } catch (ApiRefusedException refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    private String render(Optional<Map<String, Object>> view, Model model) {
        model.addAttribute("ansicht", view.orElse(null));
        model.addAttribute("ausgeschieden", view.map(v -> Boolean.TRUE.equals(v.get("withdrawn"))).orElse(false));
        model.addAttribute("arten", view.map(BenachrichtigungenPage::kinds).orElse(List.of()));
        model.addAttribute("zustellungen", view.map(BenachrichtigungenPage::deliveries).orElse(DELIVERIES));
        return "benachrichtigungen/einstellungen";
    }

    private String refused(ApiRefusedException refused, ApiProblem problem, BindingResult binding,
            Map<String, String> labels, Model model, HttpServletResponse response, Optional<Map<String, Object>> view) {
        if (refused.status() == 401) {
            throw refused;
        }
        FormRefusal.bind(problem, binding, labels, texts);
        response.setStatus(refused.status() == 409 || refused.status() == 403 ? refused.status() : 400);
        model.addAttribute("fehlerImFormular", true);
        return render(view, model);
    }

    /** A person without membership has nothing to set; the page says why (as it does on reading). */
    private String noMembership(Model model, HttpServletResponse response, Optional<Map<String, Object>> view) {
        response.setStatus(403);
        return render(view, model);
    }

    private static String memberId(Map<String, Object> view) {
        return view.get("memberId").toString();
    }

    private static AdressFormular addressForm(Optional<Map<String, Object>> view) {
        AdressFormular form = new AdressFormular();
        view.map(v -> v.get("email")).ifPresent(email -> form.setEmail(email.toString()));
        return form;
    }

    private static EinstellungsFormular settingsForm(Optional<Map<String, Object>> view) {
        EinstellungsFormular form = new EinstellungsFormular();
        Map<String, String> deliveries = new LinkedHashMap<>();
        view.map(BenachrichtigungenPage::kinds).orElse(List.of())
                .forEach(kind -> deliveries.put(String.valueOf(kind.get("kind")), String.valueOf(kind.get("delivery"))));
        form.setDeliveries(deliveries);
        return form;
    }

    /** Each kind's radio group by its binding name, with the kind's German label, in the page's order. */
    private static Map<String, String> kindLabels(Map<String, Object> view) {
        Map<String, String> labels = new LinkedHashMap<>();
        kinds(view).forEach(kind -> labels.put(EinstellungsFormular.field(String.valueOf(kind.get("kind"))),
                String.valueOf(kind.getOrDefault("label", kind.get("kind")))));
        return labels;
    }

    /** The refusal with each kind's field named as the form binds it ({@code deliveries[AGENDAS]}). */
    static ApiProblem byKind(ApiProblem problem) {
        List<ApiProblem.FieldError> errors = problem.errors().stream().map(error -> {
            if (error.field() == null) {
                return error;
            }
            if (error.field().equals("deliveries")) {
                return new ApiProblem.FieldError("Benachrichtigungen", error.reason());
            }
            Matcher kind = KIND_FIELD.matcher(error.field());
            return kind.matches() ? new ApiProblem.FieldError(EinstellungsFormular.field(kind.group(1).toUpperCase(Locale.ROOT)),
                    error.reason()) : error;
        }).toList();
        return new ApiProblem(problem.type(), problem.title(), problem.status(), problem.detail(), errors);
    }

    private static boolean sameAddress(Object shown, String sent) {
        if (sent == null) {
            return shown == null || shown.toString().isBlank();
        }
        return shown != null && shown.toString().equalsIgnoreCase(sent);
    }

    private static boolean shows(Map<String, Object> view, Map<String, String> chosen) {
        Map<String, String> shown = new LinkedHashMap<>();
        kinds(view).forEach(kind -> shown.put(String.valueOf(kind.get("kind")), String.valueOf(kind.get("delivery"))));
        return chosen.entrySet().stream().allMatch(e -> Objects.equals(shown.get(e.getKey()), e.getValue()));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> kinds(Map<String, Object> view) {
        return view.get("settings") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> deliveries(Map<String, Object> view) {
        return view.get("deliveries") instanceof List<?> list && !list.isEmpty() ? (List<Map<String, Object>>) list
                : DELIVERIES;
    }
}
