package de.gremium.intranet.probleme;

import de.gremium.intranet.api.ApiProblem;
import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import de.gremium.intranet.signin.SignedIn;
import de.gremium.intranet.signin.SignedInUser;
import de.gremium.intranet.web.FormRefusal;
import de.gremium.intranet.web.ReadAfterWrite;
import de.gremium.intranet.web.RefusalTexts;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * One report with its history (submitted, details, proposals, acknowledgement, closure: who and when) and the
 * actions the person's roles allow: the author adds details, members propose solutions to open reports, the
 * coordinator acknowledges and closes (closing asks for a confirmation first). Each action is a form posting here;
 * the page sends the command with the version the person saw ({@code If-Match}), waits until the view shows the
 * change and goes back to the report.
 */
@Controller
class BerichtPage {

    private static final String VIEW = "/api/problem-reports/{id}";

    /** One step of the report's history. */
    record Eintrag(Object wann, String art, String wer, String text, String zusatz) {
    }

    private final Apis apis;
    private final ReadAfterWrite readAfterWrite;
    private final RefusalTexts texts;
    private final Verzeichnis verzeichnis;
    private final SignedIn signedIn;
    private final org.springframework.context.MessageSource messages;

    BerichtPage(Apis apis, ReadAfterWrite readAfterWrite, RefusalTexts texts, Verzeichnis verzeichnis, SignedIn signedIn,
            org.springframework.context.MessageSource messages) {
        this.apis = apis;
        this.readAfterWrite = readAfterWrite;
        this.texts = texts;
        this.verzeichnis = verzeichnis;
        this.signedIn = signedIn;
        this.messages = messages;
    }

    @GetMapping("/probleme/{id}")
    String report(@PathVariable String id, Model model) {
        try {
            return render(id, model);
        } catch (ApiRefusedException refused) {
            if (refused.status() != 404 || !model.containsAttribute("erfolg")) {
                throw refused;
            }
            // just submitted, and the board has not caught up within the wait: saved, shown shortly
            model.addAttribute("id", id);
            return "probleme/gleich";
        }
    }

    @PostMapping("/probleme/{id}/ergaenzung")
    String addDetails(@PathVariable String id, @ModelAttribute("ergaenzung") Aktionsformulare.Details form,
            BindingResult binding, @RequestParam(required = false) String version,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, () -> apis.send(HttpMethod.POST, VIEW + "/details", form.body(), idempotencyKey, ifMatch(version), id),
                binding, Aktionsformulare.Details.LABELS, version, "Ihre Ergänzung ist gespeichert.", model, response, redirect);
    }

    @PostMapping("/probleme/{id}/vorschlag")
    String propose(@PathVariable String id, @ModelAttribute("vorschlag") Aktionsformulare.Vorschlag form,
            BindingResult binding, @RequestParam(required = false) String version,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, () -> apis.send(HttpMethod.POST, VIEW + "/solution-proposals", form.body(), idempotencyKey,
                ifMatch(version), id), binding, Aktionsformulare.Vorschlag.LABELS, version,
                "Ihr Lösungsvorschlag ist gespeichert.", model, response, redirect);
    }

    @PostMapping("/probleme/{id}/annahme")
    String acknowledge(@PathVariable String id, @ModelAttribute("annahme") Aktionsformulare.Annahme form,
            BindingResult binding, @RequestParam(required = false) String version,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, () -> apis.send(HttpMethod.POST, VIEW + "/acknowledgement", form.body(), idempotencyKey,
                ifMatch(version), id), binding, Aktionsformulare.Annahme.LABELS, version, "Der Bericht ist angenommen.",
                model, response, redirect);
    }

    @PostMapping("/probleme/{id}/abschluss")
    String close(@PathVariable String id, @ModelAttribute("abschluss") Aktionsformulare.Abschluss form,
            BindingResult binding, @RequestParam(required = false) String version,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!form.isBestaetigt()) {
            binding.rejectValue("bestaetigt", "bestaetigung", text("probleme.abschluss.bestaetigen"));
            response.setStatus(400);
            model.addAttribute("fehlerImFormular", true);
            return render(id, model);
        }
        return act(id, () -> apis.send(HttpMethod.POST, VIEW + "/closure", form.body(), idempotencyKey, ifMatch(version), id),
                binding, Aktionsformulare.Abschluss.LABELS, version, "Der Bericht ist abgeschlossen.", model, response,
                redirect);
    }

    private String act(String id, Supplier<Apis.Accepted> command, BindingResult binding, Map<String, String> labels,
            String version, String done, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            command.get();
        } catch (ApiRefusedException refused) {
            if (refused.status() == 401 || refused.status() == 404) {
                throw refused;
            }
            bind(refused.problem(), binding, labels);
            response.setStatus(refused.status() == 409 || refused.status() == 403 ? refused.status() : 400);
            model.addAttribute("fehlerImFormular", true);
            return render(id, model);
        }
        long seen = parse(version);
        boolean shown = readAfterWrite.awaitView(view -> number(view.get("version")) > seen, VIEW, id);
        redirect.addFlashAttribute("erfolg", shown ? done : "Gespeichert. Die Änderung erscheint in Kürze.");
        return "redirect:/probleme/" + UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A stale version is said in German here: the form keeps the text, the page shows the report as it is now. */
    private void bind(ApiProblem problem, BindingResult binding, Map<String, String> labels) {
        boolean stale = problem.status() == 409
                && problem.errors().stream().anyMatch(e -> "If-Match".equalsIgnoreCase(e.field()));
        if (stale) {
            binding.reject("geaendert", text("probleme.geaendert"));
            return;
        }
        FormRefusal.bind(problem, binding, labels, texts);
    }

    private String render(String id, Model model) {
        ResponseEntity<Map<String, Object>> answer = apis.viewWithHeaders(VIEW, id);
        Map<String, Object> report = answer.getBody() == null ? Map.of() : answer.getBody();
        SignedInUser me = signedIn.current();
        String status = String.valueOf(report.get("status"));
        boolean open = !"CLOSED".equals(status);
        Map<String, String> names = verzeichnis.namen();
        model.addAttribute("bericht", report);
        model.addAttribute("version", report.get("version"));
        model.addAttribute("verlauf", history(report, names));
        model.addAttribute("eingereichtVon", name(report.get("submittedBy"), names));
        model.addAttribute("darfErgaenzen", open && me != null && Objects.equals(me.userId(), report.get("submittedBy")));
        model.addAttribute("darfVorschlagen", open && me != null && me.isMember());
        model.addAttribute("darfAnnehmen", "SUBMITTED".equals(status) && me != null && me.isCoordinator());
        model.addAttribute("darfAbschliessen", open && me != null && me.isCoordinator());
        model.addAttribute("ergebnisse", Begriffe.ERGEBNISSE);
        addIfAbsent(model, "ergaenzung", new Aktionsformulare.Details());
        addIfAbsent(model, "vorschlag", new Aktionsformulare.Vorschlag());
        addIfAbsent(model, "annahme", new Aktionsformulare.Annahme());
        addIfAbsent(model, "abschluss", new Aktionsformulare.Abschluss());
        return "probleme/bericht";
    }

    @SuppressWarnings("unchecked")
    static List<Eintrag> history(Map<String, Object> report, Map<String, String> names) {
        List<Eintrag> steps = new ArrayList<>();
        steps.add(new Eintrag(report.get("submittedAt"), "eingereicht", name(report.get("submittedBy"), names), null, null));
        for (Object d : listOf(report.get("details"))) {
            Map<String, Object> detail = (Map<String, Object>) d;
            steps.add(new Eintrag(detail.get("addedAt"), "ergaenzt", name(detail.get("addedBy"), names),
                    (String) detail.get("details"), null));
        }
        for (Object p : listOf(report.get("solutionProposals"))) {
            Map<String, Object> proposal = (Map<String, Object>) p;
            steps.add(new Eintrag(proposal.get("proposedAt"), "vorschlag", name(proposal.get("proposedBy"), names),
                    (String) proposal.get("proposal"), null));
        }
        if (report.get("acknowledgement") instanceof Map<?, ?> a) {
            steps.add(new Eintrag(a.get("acknowledgedAt"), "angenommen", name(a.get("acknowledgedBy"), names),
                    (String) a.get("note"), null));
        }
        if (report.get("closure") instanceof Map<?, ?> c) {
            steps.add(new Eintrag(c.get("closedAt"), "abgeschlossen", name(c.get("closedBy"), names),
                    (String) c.get("resolution"), c.get("outcome") == null ? null : c.get("outcome").toString()));
        }
        steps.sort(Comparator.comparing(e -> {
            Instant at = Zeitangaben.instant(e.wann());
            return at == null ? Instant.MAX : at;
        }));
        return steps;
    }

    private static List<?> listOf(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    static String name(Object userId, Map<String, String> names) {
        if (userId == null) {
            return null;
        }
        return names.getOrDefault(userId.toString(), userId.toString());
    }

    private static void addIfAbsent(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }

    private static String ifMatch(String version) {
        return version == null || version.isBlank() ? null : "\"" + version.strip() + "\"";
    }

    private static long parse(String version) {
        try {
            return version == null ? -1 : Long.parseLong(version.strip());
        } catch (NumberFormatException notAVersion) {
            return -1;
        }
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }

    private String text(String key) {
        return messages.getMessage(key, null, java.util.Locale.GERMANY);
    }
}
