package de.gremium.intranet.sitzungen;

import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import de.gremium.intranet.signin.SignedIn;
import de.gremium.intranet.web.ReadAfterWrite;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The work plan of a year ({@code GET /api/work-plan/{year}}): the four quarters with their meetings; the coordinator
 * plans a meeting here ({@code POST /api/meetings}).
 */
@Controller
class WorkPlanPage {

    static final Map<String, String> PLAN_LABELS = labels("quarter", "Quartal", "kind", "Art der Sitzung",
            "title", "Titel", "durationMinutes", "Dauer in Minuten");

    private final Apis apis;
    private final ReadAfterWrite readAfterWrite;
    private final SitzungenRefusal refusal;
    private final SignedIn signedIn;

    WorkPlanPage(Apis apis, ReadAfterWrite readAfterWrite, SitzungenRefusal refusal, SignedIn signedIn) {
        this.apis = apis;
        this.readAfterWrite = readAfterWrite;
        this.refusal = refusal;
        this.signedIn = signedIn;
    }

    @GetMapping("/arbeitsplan")
    String currentYear() {
        return "redirect:/arbeitsplan/" + Year.now(SitzungenZeit.ZONE).getValue();
    }

    @GetMapping("/arbeitsplan/{jahr}")
    String workPlan(@PathVariable int jahr, Model model) {
        return page(jahr, model);
    }

    @PostMapping("/arbeitsplan/{jahr}/sitzungen")
    String plan(@PathVariable int jahr, @ModelAttribute("planFormular") PlanForm form, BindingResult binding,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Integer quarter = number(form.getQuarter());
        Integer minutes = number(form.getDurationMinutes());
        if (minutes == null) {
            binding.rejectValue("durationMinutes", "zahl", refusal.text(blank(form.getDurationMinutes())
                    ? "ablehnung.leer" : "ablehnung.zahl", PLAN_LABELS.get("durationMinutes")));
        }
        if (quarter == null) {
            binding.rejectValue("quarter", "auswahl", refusal.text("ablehnung.auswahl", PLAN_LABELS.get("quarter")));
        }
        if (binding.hasErrors()) {
            Seiten.invalidForm(model, response);
            return page(jahr, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", jahr);
        body.put("quarter", quarter);
        body.put("kind", form.getKind());
        body.put("title", form.getTitle());
        body.put("durationMinutes", minutes);
        try {
            String id = apis.post("/api/meetings", body, form.getIdempotencyKey()).id();
            boolean shown = readAfterWrite.awaitView("/api/meetings/{id}", id);
            Seiten.saved(shown, "Die Sitzung ist in den Arbeitsplan aufgenommen.", redirect);
            return "redirect:/sitzungen/" + id;
        } catch (ApiRefusedException refused) {
            refusal.bind(refused.problem(), binding, PLAN_LABELS);
            Seiten.refusedForm(refused, model, response);
            return page(jahr, model);
        }
    }

    private String page(int jahr, Model model) {
        model.addAttribute("jahr", jahr);
        model.addAttribute("plan", apis.view("/api/work-plan/{year}", jahr));
        if (!model.containsAttribute("planFormular") && signedIn.current() != null && signedIn.current().isCoordinator()) {
            model.addAttribute("planFormular", new PlanForm());
        }
        return "sitzungen/arbeitsplan";
    }

    static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static Map<String, String> labels(String... namesAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndLabels.length; i += 2) {
            labels.put(namesAndLabels[i], namesAndLabels[i + 1]);
        }
        return labels;
    }
}
