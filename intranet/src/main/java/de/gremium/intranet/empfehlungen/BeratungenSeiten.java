package de.gremium.intranet.empfehlungen;

import static de.gremium.intranet.empfehlungen.EmpfehlungenSeiten.felder;
import static de.gremium.intranet.empfehlungen.EmpfehlungenSeiten.leer;
import static de.gremium.intranet.empfehlungen.EmpfehlungenSeiten.version;

import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import de.gremium.intranet.signin.SignedIn;
import de.gremium.intranet.signin.SignedInUser;
import de.gremium.intranet.web.ReadAfterWrite;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
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
 * The group's deliberations: the list, and one deliberation with its draft, objections (who, when, how they ended
 * and which amendment resolved them), amendments, guests' comments and outcome. Members present raise objections
 * and withdraw their own; the coordinator amends the draft, records guests' comments, consensus or no consensus
 * ({@code /api/deliberations/{id}/…} of the command side).
 */
@Controller
class BeratungenSeiten {

    private static final Map<String, String> EINWAND_FELDER = felder("reason", "Begründung des Einwands");
    private static final Map<String, String> AENDERUNG_FELDER = felder("text", "Neuer Wortlaut des Entwurfs",
            "resolves", "Ausgeräumte Einwände");
    private static final Map<String, String> GAST_FELDER = felder("guestId", "Gast", "comment", "Stellungnahme");
    private static final Map<String, String> KEIN_KONSENS_FELDER = felder("positions", "Die Positionen");
    private static final Map<String, String> OHNE_FELDER = Map.of();

    private final Apis apis;
    private final Personen personen;
    private final Ablehnungen ablehnungen;
    private final ReadAfterWrite readAfterWrite;
    private final MessageSource messages;
    private final SignedIn signedIn;

    BeratungenSeiten(Apis apis, Personen personen, Ablehnungen ablehnungen, ReadAfterWrite readAfterWrite,
            MessageSource messages, SignedIn signedIn) {
        this.apis = apis;
        this.personen = personen;
        this.ablehnungen = ablehnungen;
        this.readAfterWrite = readAfterWrite;
        this.messages = messages;
        this.signedIn = signedIn;
    }

    @GetMapping("/beratungen")
    String liste(@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") String seite,
            Model model) {
        String gewaehlt = "RUNNING".equals(status) || "CLOSED".equals(status) ? status : null;
        int page;
        try {
            page = Math.max(1, Math.min(Integer.parseInt(seite), 1_000_000));
        } catch (NumberFormatException notAPage) {
            page = 1;
        }
        Map<String, Object> liste = apis.view("/api/deliberations", Apis.parameters("status", gewaehlt, "page", page,
                "size", 20));
        List<Map<String, Object>> zeilen = Apis.items(liste);
        zeilen.forEach(b -> Felder.ergaenzt(b, "status", "outcome", "recommendationId", "draft", "putAt", "openObjections",
                "resolvedObjections"));
        model.addAttribute("zeilen", zeilen);
        model.addAttribute("seiten", Spur.map(liste.get("pagination")));
        model.addAttribute("status", gewaehlt);
        model.addAttribute("filterQuery", gewaehlt == null ? "" : "&status=" + gewaehlt);
        return "beratungen/liste";
    }

    @GetMapping("/beratungen/{id}")
    String beratung(@PathVariable String id, Model model) {
        return seite(id, model);
    }

    @PostMapping("/beratungen/{id}/einwaende")
    String einwenden(@PathVariable String id, @ModelAttribute("einwand") Einwandformular form, BindingResult fehler,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes weiter) {
        return senden(id, form.getVersion(), fehler, EINWAND_FELDER, model, response, weiter,
                "empfehlungen.gespeichert.einwand",
                () -> apis.post("/api/deliberations/{id}/objections", body("reason", form.getReason()), idempotencyKey, id));
    }

    @PostMapping("/beratungen/{id}/einwaende/{einwand}/rueckzug")
    String zurueckziehen(@PathVariable String id, @PathVariable String einwand,
            @ModelAttribute("rueckzug") Notizformular form, BindingResult fehler,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes weiter) {
        return senden(id, form.getVersion(), fehler, OHNE_FELDER, model, response, weiter,
                "empfehlungen.gespeichert.rueckzug",
                () -> apis.post("/api/deliberations/{id}/objections/{objection}/withdrawal",
                        body("note", leer(form.getNote()) ? null : form.getNote()), idempotencyKey, id, einwand));
    }

    @PostMapping("/beratungen/{id}/aenderungen")
    String aendern(@PathVariable String id, @ModelAttribute("aenderung") Aenderungsformular form, BindingResult fehler,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes weiter) {
        Map<String, Object> body = body("text", form.getText());
        body.put("resolves", form.getResolves() == null ? List.of() : form.getResolves());
        return senden(id, form.getVersion(), fehler, AENDERUNG_FELDER, model, response, weiter,
                "empfehlungen.gespeichert.aenderung",
                () -> apis.post("/api/deliberations/{id}/amendments", body, idempotencyKey, id));
    }

    @PostMapping("/beratungen/{id}/gastbeitraege")
    String gastbeitrag(@PathVariable String id, @ModelAttribute("gastbeitrag") Gastbeitragsformular form,
            BindingResult fehler, @RequestParam(required = false) String idempotencyKey, Model model,
            HttpServletResponse response, RedirectAttributes weiter) {
        Map<String, Object> body = body("guestId", form.getGuestId());
        body.put("comment", form.getComment());
        return senden(id, form.getVersion(), fehler, GAST_FELDER, model, response, weiter,
                "empfehlungen.gespeichert.gastbeitrag",
                () -> apis.post("/api/deliberations/{id}/guest-comments", body, idempotencyKey, id));
    }

    @PostMapping("/beratungen/{id}/kein-konsens")
    String keinKonsens(@PathVariable String id, @ModelAttribute("keinKonsens") KeinKonsensformular form,
            BindingResult fehler, @RequestParam(required = false) String idempotencyKey, Model model,
            HttpServletResponse response, RedirectAttributes weiter) {
        return senden(id, form.getVersion(), fehler, KEIN_KONSENS_FELDER, model, response, weiter,
                "empfehlungen.gespeichert.keinKonsens",
                () -> apis.post("/api/deliberations/{id}/no-consensus", body("positions", form.getPositions()),
                        idempotencyKey, id));
    }

    @PostMapping("/beratungen/{id}/konsens")
    String konsens(@PathVariable String id, @ModelAttribute("konsens") Konsensformular form, BindingResult fehler,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes weiter) {
        if (!form.isBestaetigt()) {
            fehler.rejectValue("bestaetigt", "bestaetigen", text("empfehlungen.konsens.bestaetigen"));
            return nochmal(id, model, response, 400);
        }
        Apis.Accepted angenommen;
        try {
            angenommen = apis.post("/api/deliberations/{id}/consensus", null, idempotencyKey, id);
        } catch (ApiRefusedException refused) {
            ablehnungen.bind(refused.problem(), fehler, OHNE_FELDER);
            return nochmal(id, model, response, refused.status());
        }
        String empfehlung = angenommen.id();
        if (empfehlung != null && readAfterWrite.awaitView("/api/recommendations/{id}", empfehlung)) {
            weiter.addFlashAttribute("meldung", text("empfehlungen.gespeichert.konsens"));
            return "redirect:/empfehlungen/" + org.springframework.web.util.UriUtils.encodePathSegment(String.valueOf(empfehlung), java.nio.charset.StandardCharsets.UTF_8);
        }
        weiter.addFlashAttribute("meldung", text("empfehlungen.gespeichert.spaeter"));
        return "redirect:/beratungen/" + org.springframework.web.util.UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String senden(String id, long gesehen, BindingResult fehler, Map<String, String> felder, Model model,
            HttpServletResponse response, RedirectAttributes weiter, String erfolg, Supplier<Apis.Accepted> befehl) {
        try {
            befehl.get();
        } catch (ApiRefusedException refused) {
            ablehnungen.bind(refused.problem(), fehler, felder);
            return nochmal(id, model, response, refused.status());
        }
        boolean sichtbar = readAfterWrite.awaitView(v -> version(v) > gesehen, "/api/deliberations/{id}", id);
        weiter.addFlashAttribute("meldung", text(sichtbar ? erfolg : "empfehlungen.gespeichert.spaeter"));
        return "redirect:/beratungen/" + org.springframework.web.util.UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String seite(String id, Model model) {
        Map<String, Object> beratung = Felder.ergaenzt(apis.view("/api/deliberations/{id}", id), "meetingId", "status",
                "originalDraft", "draft", "policyFields", "projectIdeas", "problemReports", "membersPresent",
                "guestsPresent", "putBy", "putAt", "amendments", "objections", "guestComments", "outcome", "version");
        Felder.jedes(beratung, "objections", "objectionId", "memberId", "reason", "raisedAt", "state", "endedBy",
                "endedAt", "note");
        Felder.jedes(beratung, "amendments", "text", "resolves", "amendedBy", "amendedAt");
        Felder.jedes(beratung, "guestComments", "guestId", "comment", "recordedBy", "commentedAt");
        Felder.darin(beratung, "outcome", "kind", "recommendationId", "positions", "openObjections", "recordedBy",
                "recordedAt");
        model.addAttribute("beratung", beratung);
        model.addAttribute("politikfelderDerBeratung", EmpfehlungenSeiten.liste(beratung.get("policyFields")));
        Map<String, String> namen = personen.namen();
        model.addAttribute("namen", namen);
        model.addAttribute("gaeste", gaeste(beratung));
        List<Map<String, Object>> aenderungen = Spur.maps(beratung.get("amendments"));
        model.addAttribute("ausgeraeumtDurch", ausgeraeumtDurch(aenderungen));
        List<Map<String, Object>> einwaende = Spur.maps(beratung.get("objections"));
        Map<String, String> einwandVon = new LinkedHashMap<>();
        einwaende.forEach(o -> einwandVon.put(String.valueOf(o.get("objectionId")),
                namen.getOrDefault(String.valueOf(o.get("memberId")), String.valueOf(o.get("memberId")))));
        model.addAttribute("einwandVon", einwandVon);
        model.addAttribute("offeneEinwaende", einwaende.stream().filter(o -> "OPEN".equals(o.get("state"))).toList());
        SignedInUser ich = signedIn.current();
        boolean laufend = "RUNNING".equals(beratung.get("status"));
        model.addAttribute("laufend", laufend);
        model.addAttribute("anwesend", ich != null && EmpfehlungenSeiten.liste(beratung.get("membersPresent"))
                .contains(ich.userId()));
        long version = version(beratung);
        vorbelegen(model, "einwand", new Einwandformular(), version);
        vorbelegen(model, "rueckzug", new Notizformular(), version);
        Aenderungsformular aenderung = new Aenderungsformular();
        aenderung.setText((String) beratung.get("draft"));
        vorbelegen(model, "aenderung", aenderung, version);
        vorbelegen(model, "gastbeitrag", new Gastbeitragsformular(), version);
        vorbelegen(model, "keinKonsens", new KeinKonsensformular(), version);
        vorbelegen(model, "konsens", new Konsensformular(), version);
        return "beratungen/beratung";
    }

    private static void vorbelegen(Model model, String name, Formular form, long version) {
        if (!model.containsAttribute(name)) {
            form.setVersion(version);
            model.addAttribute(name, form);
        }
    }

    /** Which amendment (numbered from 1, as the page shows them) resolved each objection. */
    private static Map<String, Integer> ausgeraeumtDurch(List<Map<String, Object>> aenderungen) {
        Map<String, Integer> durch = new LinkedHashMap<>();
        for (int i = 0; i < aenderungen.size(); i++) {
            for (String einwand : EmpfehlungenSeiten.liste(aenderungen.get(i).get("resolves"))) {
                durch.putIfAbsent(einwand, i + 1);
            }
        }
        return durch;
    }

    /** The guests of the deliberation's meeting by id, as "Name (Organisation)"; ids stay ids if it cannot be read. */
    private Map<String, String> gaeste(Map<String, Object> beratung) {
        Map<String, String> gaeste = new LinkedHashMap<>();
        Object meetingId = beratung.get("meetingId");
        if (meetingId == null) {
            return gaeste;
        }
        try {
            apis.optionalView("/api/meetings/{id}", meetingId).ifPresent(meeting -> {
                for (Map<String, Object> guest : Spur.maps(meeting.get("guests"))) {
                    Object organisation = guest.get("organisation");
                    gaeste.put(String.valueOf(guest.get("guestId")), guest.get("name")
                            + (organisation == null || organisation.toString().isBlank() ? "" : " (" + organisation + ")"));
                }
            });
        } catch (ApiRefusedException meetingUnreadable) {
            // the page reads with guest ids
        }
        return gaeste;
    }

    private String nochmal(String id, Model model, HttpServletResponse response, int status) {
        response.setStatus(status == 409 || status == 403 ? status : 400);
        model.addAttribute("fehlerImFormular", true);
        return seite(id, model);
    }

    private static Map<String, Object> body(String name, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, value);
        return body;
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.GERMANY);
    }
}
