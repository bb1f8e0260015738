package de.gremium.intranet.empfehlungen;

import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import de.gremium.intranet.web.ReadAfterWrite;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The recommendations to the Lord Mayor: the list with its filters, one recommendation with its causal chain drawn
 * as steps, the coordinator's submission and the mayor's office's record of the decision. Reads
 * {@code /api/recommendations…} of the query side, sends to {@code /api/recommendations/{id}/submission|decision} of
 * the command side; the APIs decide who may.
 */
@Controller
class EmpfehlungenSeiten {

    static final List<String> STATUS = List.of("FORMULATED", "SUBMITTED", "DECIDED", "DEFERRED");
    static final List<String> POLITIKFELDER = List.of("OPENNESS", "LANGUAGE", "EMPLOYMENT", "NEIGHBOURHOODS",
            "CHILDREN_YOUTH", "WOMEN_GIRLS", "SOCIAL_CARE", "HEALTH", "CULTURE", "SPORT", "PARTICIPATION",
            "INTERCULTURAL_OPENING");
    static final List<String> ENTSCHEIDUNGEN = List.of("ACCEPTED", "ACCEPTED_WITH_MODIFICATIONS", "REJECTED", "DEFERRED");
    /** The decision form's fields by their API names, in the form's order. */
    private static final Map<String, String> ENTSCHEIDUNG_FELDER = felder("decision", "Entscheidung", "reasons",
            "Begründung", "reviewDate", "Wiedervorlage am");
    private static final Map<String, String> VORLAGE_FELDER = felder("note", "Anmerkung zur Vorlage");
    /** What the mayor's office may decide on: a submitted recommendation, or one deferred before. */
    private static final Set<String> ENTSCHEIDBAR = Set.of("SUBMITTED", "DEFERRED");
    private static final DateTimeFormatter DEUTSCH = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final Apis apis;
    private final Spur spur;
    private final Personen personen;
    private final Ablehnungen ablehnungen;
    private final ReadAfterWrite readAfterWrite;
    private final MessageSource messages;

    EmpfehlungenSeiten(Apis apis, Spur spur, Personen personen, Ablehnungen ablehnungen, ReadAfterWrite readAfterWrite,
            MessageSource messages) {
        this.apis = apis;
        this.spur = spur;
        this.personen = personen;
        this.ablehnungen = ablehnungen;
        this.readAfterWrite = readAfterWrite;
        this.messages = messages;
    }

    /** A row of the list, ready to read: the policy fields as a list of names. */
    record Zeile(String id, String status, String text, List<String> politikfelder, String entscheidung,
            Object entschiedenAm, Object wiedervorlage, Object beschlossenAm, Object vorgelegtAm) {
    }

    @GetMapping("/empfehlungen")
    String liste(@RequestParam(required = false) String status, @RequestParam(required = false) String politikfeld,
            @RequestParam(required = false) String jahr, @RequestParam(required = false) String faellig,
            @RequestParam(defaultValue = "1") String seite, Model model, HttpServletResponse response) {
        String gewaehlterStatus = status != null && STATUS.contains(status) ? status : null;
        String gewaehltesFeld = politikfeld != null && POLITIKFELDER.contains(politikfeld) ? politikfeld : null;
        Integer year = null;
        if (jahr != null && !jahr.isBlank()) {
            year = jahr(jahr.strip());
            if (year == null) {
                model.addAttribute("jahrFehler", messages.getMessage("empfehlungen.filter.jahr.fehler", null,
                        java.util.Locale.GERMANY));
                model.addAttribute("fehlerImFormular", true);
                response.setStatus(400);
            }
        }
        boolean nurFaellige = faellig != null && !faellig.isBlank();
        int page = seite(seite);
        Map<String, Object> liste = apis.view("/api/recommendations", Apis.parameters("status", gewaehlterStatus,
                "policyField", gewaehltesFeld, "year", year, "dueForReviewBy",
                nurFaellige ? LocalDate.now(Anzeige.BERLIN).toString() : null, "page", page, "size", 20));
        model.addAttribute("zeilen", Apis.items(liste).stream().map(EmpfehlungenSeiten::zeile).toList());
        model.addAttribute("seiten", Spur.map(liste.get("pagination")));
        model.addAttribute("filter", Apis.parameters("status", gewaehlterStatus, "politikfeld", gewaehltesFeld,
                "jahr", jahr == null ? "" : jahr, "faellig", nurFaellige));
        model.addAttribute("filterQuery", query(gewaehlterStatus, gewaehltesFeld, year, nurFaellige));
        model.addAttribute("statusWerte", STATUS);
        model.addAttribute("politikfelder", POLITIKFELDER);
        return "empfehlungen/liste";
    }

    @GetMapping("/empfehlungen/{id}")
    String empfehlung(@PathVariable String id, Model model) {
        return seite(id, model);
    }

    @PostMapping("/empfehlungen/{id}/vorlage")
    String vorlegen(@PathVariable String id, @ModelAttribute("vorlage") Notizformular form, BindingResult fehler,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes weiter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("note", leer(form.getNote()) ? null : form.getNote());
        try {
            apis.post("/api/recommendations/{id}/submission", body, idempotencyKey, id);
        } catch (ApiRefusedException refused) {
            ablehnungen.bind(refused.problem(), fehler, VORLAGE_FELDER);
            return nochmal(id, model, response, refused.status());
        }
        return nachher(id, form.getVersion(), "empfehlungen.gespeichert.vorlage", weiter);
    }

    @PostMapping("/empfehlungen/{id}/entscheidung")
    String entscheiden(@PathVariable String id, @ModelAttribute("entscheidung") Entscheidungsformular form,
            BindingResult fehler, @RequestParam(required = false) String idempotencyKey, Model model,
            HttpServletResponse response, RedirectAttributes weiter) {
        LocalDate reviewDate = null;
        if (!leer(form.getReviewDate())) {
            reviewDate = datum(form.getReviewDate().strip());
            if (reviewDate == null) {
                fehler.rejectValue("reviewDate", "datum", messages.getMessage("ablehnung.datum",
                        new Object[] {"Wiedervorlage am"}, java.util.Locale.GERMANY));
            }
        }
        if (!form.isBestaetigt()) {
            fehler.rejectValue("bestaetigt", "bestaetigen", messages.getMessage("empfehlungen.entscheidung.bestaetigen",
                    null, java.util.Locale.GERMANY));
        }
        if (fehler.hasErrors()) {
            return nochmal(id, model, response, 400);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", leer(form.getDecision()) ? null : form.getDecision());
        body.put("reasons", form.getReasons());
        body.put("reviewDate", reviewDate == null ? null : reviewDate.toString());
        try {
            apis.post("/api/recommendations/{id}/decision", body, idempotencyKey, id);
        } catch (ApiRefusedException refused) {
            ablehnungen.bind(refused.problem(), fehler, ENTSCHEIDUNG_FELDER);
            return nochmal(id, model, response, refused.status());
        }
        return nachher(id, form.getVersion(), "empfehlungen.gespeichert.entscheidung", weiter);
    }

    private String seite(String id, Model model) {
        Map<String, Object> empfehlung = Felder.ergaenzt(apis.view("/api/recommendations/{id}", id), "text",
                "policyFields", "status", "deliberationId", "meetingId", "projectIdeas", "problemReports", "formulatedAt",
                "submission", "decision", "reviewDate", "version");
        Felder.darin(empfehlung, "submission", "note", "submittedBy", "submittedAt");
        Felder.darin(empfehlung, "decision", "decision", "reasons", "reviewDate", "recordedBy", "recordedAt");
        model.addAttribute("empfehlung", empfehlung);
        model.addAttribute("politikfelderDerEmpfehlung", liste(empfehlung.get("policyFields")));
        Map<String, Object> trace = apis.optionalView("/api/recommendations/{id}/trace", id).orElse(Map.of());
        model.addAttribute("spur", trace.isEmpty() ? List.of() : spur.schritte(trace));
        model.addAttribute("spurTitel", Spur.titel(trace)); // "titel" is the layout's parameter
        model.addAttribute("namen", personen.namen());
        model.addAttribute("entscheidungen", ENTSCHEIDUNGEN);
        String status = String.valueOf(empfehlung.get("status"));
        model.addAttribute("vorlegbar", "FORMULATED".equals(status));
        model.addAttribute("entscheidbar", ENTSCHEIDBAR.contains(status));
        if (!model.containsAttribute("entscheidung")) {
            Entscheidungsformular form = new Entscheidungsformular();
            form.setVersion(version(empfehlung));
            model.addAttribute("entscheidung", form);
        }
        if (!model.containsAttribute("vorlage")) {
            Notizformular form = new Notizformular();
            form.setVersion(version(empfehlung));
            model.addAttribute("vorlage", form);
        }
        return "empfehlungen/empfehlung";
    }

    private String nochmal(String id, Model model, HttpServletResponse response, int status) {
        response.setStatus(status == 409 || status == 403 ? status : 400);
        model.addAttribute("fehlerImFormular", true);
        return seite(id, model);
    }

    /** Post/redirect/get once the view shows the change (a newer version), or with the note that it will. */
    private String nachher(String id, long gesehen, String erfolg, RedirectAttributes weiter) {
        boolean sichtbar = readAfterWrite.awaitView(v -> version(v) > gesehen, "/api/recommendations/{id}", id);
        weiter.addFlashAttribute("meldung", messages.getMessage(sichtbar ? erfolg : "empfehlungen.gespeichert.spaeter",
                null, java.util.Locale.GERMANY));
        return "redirect:/empfehlungen/" + org.springframework.web.util.UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    static long version(Map<String, Object> view) {
        return view.get("version") instanceof Number n ? n.longValue() : -1;
    }

    private static Zeile zeile(Map<String, Object> r) {
        return new Zeile(String.valueOf(r.get("id")), (String) r.get("status"), (String) r.get("text"),
                liste(r.get("policyFields")), (String) r.get("decision"), r.get("decidedAt"), r.get("reviewDate"),
                r.get("formulatedAt"), r.get("submittedAt"));
    }

    /** Policy fields as the views give them: a list, or joined by ", " in a list's row. */
    static List<String> liste(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).sorted().toList();
        }
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.toString().split(",\\s*")).filter(s -> !s.isBlank()).toList();
    }

    private static Integer jahr(String jahr) {
        try {
            int year = Integer.parseInt(jahr);
            return year >= 1900 && year <= 2200 ? year : null;
        } catch (NumberFormatException notAYear) {
            return null;
        }
    }

    private static int seite(String seite) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(seite), 1_000_000));
        } catch (NumberFormatException notAPage) {
            return 1;
        }
    }

    /** The list's filters as a query string for the paging links (without the page). */
    private static String query(String status, String politikfeld, Integer jahr, boolean faellig) {
        StringBuilder q = new StringBuilder();
        if (status != null) {
            q.append("&status=").append(status);
        }
        if (politikfeld != null) {
            q.append("&politikfeld=").append(politikfeld);
        }
        if (jahr != null) {
            q.append("&jahr=").append(jahr);
        }
        if (faellig) {
            q.append("&faellig=ja");
        }
        return q.toString();
    }

    /** A date typed as TT.MM.JJJJ (also T.M.JJJJ) or as JJJJ-MM-TT, or {@code null}. */
    static LocalDate datum(String text) {
        try {
            return text.contains(".") ? LocalDate.parse(text, DEUTSCH) : LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    static boolean leer(String text) {
        return text == null || text.isBlank();
    }

    static Map<String, String> felder(String... namenUndLabels) {
        Map<String, String> felder = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namenUndLabels.length; i += 2) {
            felder.put(namenUndLabels[i], namenUndLabels[i + 1]);
        }
        return felder;
    }
}
