package de.gremium.intranet.sitzungen;

import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import de.gremium.intranet.signin.SignedIn;
import de.gremium.intranet.signin.SignedInUser;
import de.gremium.intranet.web.ReadAfterWrite;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A scheduling poll ({@code GET /api/scheduling-polls/{id}}): the candidates, the ranked tally, who has not answered.
 * A member answers every candidate in one form ({@code POST …/answers}); the coordinator fixes the date
 * ({@code POST …/fixed-date}), after which the meeting's page shows it.
 */
@Controller
class PollPage {

    static final Map<String, String> ANSWER_LABELS = WorkPlanPage.labels("answers", "Ihre Antworten");
    static final Map<String, String> FIX_LABELS = WorkPlanPage.labels("candidateId", "Termin", "bestaetigt", "Bestätigung");

    private final Apis apis;
    private final ReadAfterWrite readAfterWrite;
    private final SitzungenRefusal refusal;
    private final SignedIn signedIn;

    PollPage(Apis apis, ReadAfterWrite readAfterWrite, SitzungenRefusal refusal, SignedIn signedIn) {
        this.apis = apis;
        this.readAfterWrite = readAfterWrite;
        this.refusal = refusal;
        this.signedIn = signedIn;
    }

    @GetMapping("/terminumfragen/{id}")
    String poll(@PathVariable String id, Model model) {
        return page(id, model);
    }

    @PostMapping("/terminumfragen/{id}/antworten")
    String answer(@PathVariable String id, @ModelAttribute("antwortFormular") AnswerForm form, BindingResult binding,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> chosen = form.chosen();
        try {
            apis.post("/api/scheduling-polls/{id}/answers", Map.of("answers", chosen), form.getIdempotencyKey(), id);
            String me = signedIn.current().userId();
            boolean shown = readAfterWrite.awaitView(poll -> Seiten.list(poll, "answers").stream()
                    .anyMatch(a -> me.equals(a.get("memberId")) && chosen.equals(Seiten.map(a, "choices"))),
                    "/api/scheduling-polls/{id}", id);
            Seiten.saved(shown, "Ihre Antworten sind gespeichert.", redirect);
            return "redirect:/terminumfragen/" + id;
        } catch (ApiRefusedException refused) {
            refusal.bind(refused.problem(), binding, ANSWER_LABELS);
            Seiten.refusedForm(refused, model, response);
            return page(id, model);
        }
    }

    @PostMapping("/terminumfragen/{id}/termin")
    String fix(@PathVariable String id, @ModelAttribute("festlegenFormular") FixForm form, BindingResult binding,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!form.isBestaetigt()) {
            binding.rejectValue("bestaetigt", "bestaetigen", refusal.text("sitzungen.eingabe.festlegen"));
            Seiten.invalidForm(model, response);
            return page(id, model);
        }
        Map<String, Object> poll = apis.view("/api/scheduling-polls/{id}", id);
        String meetingId = Seiten.text(poll, "meetingId");
        Optional<Instant> start = Seiten.list(poll, "candidates").stream()
                .filter(c -> Objects.equals(c.get("candidateId"), form.getCandidateId())).findFirst()
                .flatMap(c -> SitzungenZeit.instant(c.get("start")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("candidateId", form.getCandidateId());
        try {
            apis.post("/api/scheduling-polls/{id}/fixed-date", body, form.getIdempotencyKey(), id);
            boolean shown = readAfterWrite.awaitView(m -> "SCHEDULED".equals(m.get("status"))
                    && start.isPresent() && start.equals(SitzungenZeit.instant(m.get("start"))),
                    "/api/meetings/{id}", meetingId);
            Seiten.saved(shown, "Der Termin ist festgelegt; die Umfrage ist geschlossen.", redirect);
            return "redirect:/sitzungen/" + meetingId;
        } catch (ApiRefusedException refused) {
            refusal.bind(refused.problem(), binding, FIX_LABELS);
            Seiten.refusedForm(refused, model, response);
            return page(id, model);
        }
    }

    private String page(String id, Model model) {
        Map<String, Object> poll = apis.view("/api/scheduling-polls/{id}", id);
        model.addAttribute("umfrage", poll);
        model.addAttribute("sitzung", apis.optionalView("/api/meetings/{id}", Seiten.text(poll, "meetingId"))
                .orElse(Map.of()));
        SignedInUser ich = signedIn.current();
        boolean open = "OPEN".equals(poll.get("status"));
        if (ich != null && ich.isMember() && open && !model.containsAttribute("antwortFormular")) {
            AnswerForm form = new AnswerForm();
            Seiten.list(poll, "answers").stream().filter(a -> ich.userId().equals(a.get("memberId"))).findFirst()
                    .ifPresent(mine -> Seiten.map(mine, "choices")
                            .forEach((candidate, choice) -> form.getAnswers().put(candidate, Objects.toString(choice))));
            model.addAttribute("antwortFormular", form);
        }
        if (ich != null && ich.isCoordinator() && open && !model.containsAttribute("festlegenFormular")) {
            FixForm form = new FixForm();
            form.setCandidateId(Seiten.list(poll, "tally").stream().findFirst()
                    .map(best -> Seiten.text(best, "candidateId")).orElse(null));
            model.addAttribute("festlegenFormular", form);
        }
        return "sitzungen/umfrage";
    }
}
