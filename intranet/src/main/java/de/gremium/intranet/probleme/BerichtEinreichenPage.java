package de.gremium.intranet.probleme;

import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import de.gremium.intranet.signin.ParkedForm;
import de.gremium.intranet.web.FormRefusal;
import de.gremium.intranet.web.ReadAfterWrite;
import de.gremium.intranet.web.RefusalTexts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member submits a problem report ({@code POST /api/problem-reports}); the page waits until the board shows it and
 * then goes to it. A refusal shows the form again, each German error beside its field, nothing typed lost.
 */
@Controller
class BerichtEinreichenPage {

    static final String PATH = "/probleme/neu";

    private final Apis apis;
    private final ReadAfterWrite readAfterWrite;
    private final RefusalTexts texts;
    private final Verzeichnis verzeichnis;

    BerichtEinreichenPage(Apis apis, ReadAfterWrite readAfterWrite, RefusalTexts texts, Verzeichnis verzeichnis) {
        this.apis = apis;
        this.readAfterWrite = readAfterWrite;
        this.texts = texts;
        this.verzeichnis = verzeichnis;
    }

    @GetMapping(PATH)
    String form(HttpServletRequest request, Model model) {
        BerichtFormular form = new BerichtFormular();
        Map<String, List<String>> parked = ParkedForm.take(request, PATH);
        if (!parked.isEmpty()) {
            form.setTitle(orEmpty(ParkedForm.first(parked, "title")));
            form.setDescription(orEmpty(ParkedForm.first(parked, "description")));
            form.setUnit(orEmpty(ParkedForm.first(parked, "unit")));
            form.setPolicyFields(parked.getOrDefault("policyFields", List.of()));
            model.addAttribute("zurueckgeholt", true);
        }
        model.addAttribute("formular", form);
        return render(model);
    }

    @PostMapping(PATH)
    String submit(@ModelAttribute("formular") BerichtFormular form, BindingResult binding,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Apis.Accepted accepted;
        try {
            accepted = apis.post("/api/problem-reports", form.body(), idempotencyKey);
        } catch (ApiRefusedException refused) {
            if (refused.status() == 401) {
                throw refused;
            }
            FormRefusal.bind(refused.problem(), binding, BerichtFormular.LABELS, texts);
            response.setStatus(refused.status() == 409 || refused.status() == 403 ? refused.status() : 400);
            model.addAttribute("fehlerImFormular", true);
            return render(model);
        }
        String id = accepted.id();
        boolean shown = readAfterWrite.awaitView("/api/problem-reports/{id}", id);
        redirect.addFlashAttribute("erfolg", shown ? "Ihr Bericht ist eingereicht." : "Gespeichert. Die Änderung erscheint in Kürze.");
        return "redirect:/probleme/" + id;
    }

    private String render(Model model) {
        model.addAttribute("abteilungen", verzeichnis.abteilungen());
        model.addAttribute("politikfelder", Begriffe.POLITIKFELDER);
        return "probleme/neu";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
