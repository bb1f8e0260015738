package de.gremium.intranet.pruefung;

import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import de.gremium.intranet.signin.SignedIn;
import de.gremium.intranet.signin.SignedInUser;
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
import tools.jackson.databind.ObjectMapper;

/**
 * The audit for the coordinator: the stored events of one item or one person, oldest first, with who caused each;
 * and, when asked, the walk along the hash chain with its result in words. Other roles get the refusal page (the
 * API would refuse them too).
 */
@Controller
class AuditPage {

    static final String FORM = "abfrage";
    static final Map<String, String> LABELS = Map.of("kennung", "Kennung");

    private final Apis apis;
    private final MessageSource messages;
    private final RefusalTexts texts;
    private final ObjectMapper json;
    private final SignedIn signedIn;

    AuditPage(Apis apis, MessageSource messages, RefusalTexts texts, ObjectMapper json, SignedIn signedIn) {
        this.signedIn = signedIn;
        this.apis = apis;
        this.messages = messages;
        this.texts = texts;
        this.json = json;
    }

    @GetMapping("/pruefung")
    String audit(@ModelAttribute(FORM) AuditQuery query, BindingResult errors,
            @RequestParam(name = "seite", defaultValue = "1") int seite,
            @RequestParam(name = "kette", required = false) String kette,
            Model model, HttpServletResponse response) {
        SignedInUser ich = signedIn.current();
        if (ich == null || !ich.isCoordinator()) {
            response.setStatus(403);
            model.addAttribute("status", 403);
            model.addAttribute("meldung", messages.getMessage("pruefung.nurkoordination", null, Locale.GERMANY));
            return "fehler";
        }
        if (kette != null) {
            Map<String, Object> verification = apis.view("/api/audit/verification");
            model.addAttribute("pruefung", verification);
            Object reason = verification.get("reason");
            model.addAttribute("pruefungGrund", reason == null ? null
                    : messages.getMessage("pruefung.grund." + reason, null, reason.toString(), Locale.GERMANY));
        }
        if (query.getKennung() == null) {
            return "pruefung/pruefung";
        }
        if (query.getKennung().isEmpty()) {
            errors.rejectValue("kennung", "leer", messages.getMessage("pruefung.kennungfehlt", null, Locale.GERMANY));
        } else if (!query.getKennung().matches("[\\p{L}\\p{N}_.:@-]{1,200}") || query.getKennung().matches("\\.+")) {
            // ids and user ids are letters, digits and . _ : @ -; anything else (a path like "..") is no id
            errors.rejectValue("kennung", "ungueltig", messages.getMessage("pruefung.kennungungueltig", null, Locale.GERMANY));
        } else {
            int page = Math.max(1, Math.min(seite, 10_000));
            try {
                Map<String, Object> entries = query.isPerson()
                        ? apis.view("/api/audit/people/{userId}/events?page={page}&size=50", query.getKennung(), page)
                        : apis.view("/api/audit/aggregates/{aggregateId}/events?page={page}&size=50", query.getKennung(), page);
                List<Map<String, Object>> items = Apis.items(entries);
                model.addAttribute("eintraege", items.stream().map(this::entry).toList());
                model.addAttribute("seiten", entries.get("pagination"));
                model.addAttribute("seite", page);
            } catch (ApiRefusedException refused) {
                if (refused.status() != 400) {
                    throw refused;
                }
                FormRefusal.bind(refused.problem(), errors, LABELS, texts);
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("fehlerImFormular", true);
        }
        return "pruefung/pruefung";
    }

    private Entry entry(Map<String, Object> item) {
        Object payload = item.get("payload");
        return new Entry(item, payload == null ? "" : json.writerWithDefaultPrettyPrinter().writeValueAsString(payload));
    }

    /** An audit entry as the API gives it, and its payload as indented JSON. */
    record Entry(Map<String, Object> entry, String payload) {
    }
}
