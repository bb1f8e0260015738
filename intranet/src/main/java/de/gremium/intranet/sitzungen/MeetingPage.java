package de.gremium.intranet.sitzungen;

import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import de.gremium.intranet.signin.SignedIn;
import de.gremium.intranet.signin.SignedInUser;
import de.gremium.intranet.web.ReadAfterWrite;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * One meeting ({@code GET /api/meetings/{id}}) with its scheduling polls ({@code GET /api/scheduling-polls?meetingId=});
 * the coordinator's forms: open a poll, date or move the meeting, add an agenda item, record it held, cancel it.
 */
@Controller
class MeetingPage {

    static final Map<String, String> POLL_LABELS = WorkPlanPage.labels("preferredSlots", "Mittwochstermine des Quartals",
            "extraSlots", "Weitere Termine");
    static final Map<String, String> DATE_LABELS = WorkPlanPage.labels("start", "Beginn", "location", "Ort",
            "reason", "Grund der Verlegung", "override.reason", "Grund, den Termin trotzdem zu behalten");
    static final Map<String, String> AGENDA_LABELS = WorkPlanPage.labels("topic.kind", "Art des Themas",
            "topic.referenceId", "Kennung", "topic.title", "Titel", "position", "Position");
    static final Map<String, String> HELD_LABELS = WorkPlanPage.labels("attendees", "Anwesende Mitglieder",
            "guestsPresent", "Anwesende Gäste", "minutes", "Protokoll");
    static final Map<String, String> CANCEL_LABELS = WorkPlanPage.labels("reason", "Grund der Absage",
            "bestaetigt", "Bestätigung");

    private final Apis apis;
    private final ReadAfterWrite readAfterWrite;
    private final SitzungenRefusal refusal;
    private final SignedIn signedIn;
    private final SitzungenZeit zeit;

    MeetingPage(Apis apis, ReadAfterWrite readAfterWrite, SitzungenRefusal refusal, SignedIn signedIn, SitzungenZeit zeit) {
        this.apis = apis;
        this.readAfterWrite = readAfterWrite;
        this.refusal = refusal;
        this.signedIn = signedIn;
        this.zeit = zeit;
    }

    @GetMapping("/sitzungen/{id}")
    String meeting(@PathVariable String id, Model model) {
        return page(id, model);
    }

    @PostMapping("/sitzungen/{id}/terminumfrage")
    String openPoll(@PathVariable String id, @ModelAttribute("umfrageFormular") OpenPollForm form, BindingResult binding,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < form.getExtraSlots().size(); i++) {
            String typed = form.getExtraSlots().get(i);
            if (WorkPlanPage.blank(typed)) {
                continue;
            }
            Optional<OffsetDateTime> slot = SitzungenZeit.typed(typed);
            if (slot.isEmpty()) {
                binding.rejectValue("extraSlots", "datum", refusal.text("sitzungen.eingabe.zeitpunkt", "Termin " + (i + 1)));
            } else {
                slots.add(slot.get().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
        }
        if (binding.hasErrors()) {
            Seiten.invalidForm(model, response);
            return page(id, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingId", id);
        body.put("preferredSlots", form.isPreferredSlots());
        body.put("extraSlots", slots);
        try {
            String pollId = Objects.toString(apis.post("/api/scheduling-polls", body, form.getIdempotencyKey())
                    .body().get("pollId"), null);
            boolean shown = pollId != null && readAfterWrite.awaitView("/api/scheduling-polls/{id}", pollId);
            Seiten.saved(shown, "Die Terminumfrage ist eröffnet.", redirect);
            return pollId == null ? "redirect:/sitzungen/" + id : "redirect:/terminumfragen/" + pollId;
        } catch (ApiRefusedException refused) {
            refusal.bind(refused.problem(), binding, POLL_LABELS);
            Seiten.refusedForm(refused, model, response);
            return page(id, model);
        }
    }

    @PostMapping("/sitzungen/{id}/termin")
    String date(@PathVariable String id, @ModelAttribute("terminFormular") DateForm form, BindingResult binding,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<OffsetDateTime> start = SitzungenZeit.typed(form.getStart());
        if (start.isEmpty()) {
            binding.rejectValue("start", "datum", WorkPlanPage.blank(form.getStart())
                    ? refusal.text("ablehnung.leer", DATE_LABELS.get("start"))
                    : refusal.text("sitzungen.eingabe.zeitpunkt", DATE_LABELS.get("start")));
            Seiten.invalidForm(model, response);
            return page(id, model);
        }
        boolean dated = "SCHEDULED".equals(Seiten.text(apis.view("/api/meetings/{id}", id), "status"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", start.get().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        body.put("location", WorkPlanPage.blank(form.getLocation()) ? null : form.getLocation());
        if (dated) {
            body.put("reason", form.getReason());
        }
        if (!WorkPlanPage.blank(form.getOverride().getReason())) {
            body.put("override", Map.of("reason", form.getOverride().getReason()));
        }
        try {
            apis.post(dated ? "/api/meetings/{id}/reschedule" : "/api/meetings/{id}/schedule", body,
                    form.getIdempotencyKey(), id);
            Instant when = start.get().toInstant();
            boolean shown = readAfterWrite.awaitView(m -> SitzungenZeit.instant(m.get("start")).filter(when::equals)
                    .isPresent(), "/api/meetings/{id}", id);
            Seiten.saved(shown, dated ? "Die Sitzung ist verlegt." : "Die Sitzung ist terminiert.", redirect);
            return "redirect:/sitzungen/" + id;
        } catch (ApiRefusedException refused) {
            refusal.bind(refused.problem(), binding, DATE_LABELS);
            model.addAttribute("kollision", SitzungenRefusal.isClash(refused.problem()));
            Seiten.refusedForm(refused, model, response);
            return page(id, model);
        }
    }

    @PostMapping("/sitzungen/{id}/tagesordnung")
    String addAgendaItem(@PathVariable String id, @ModelAttribute("punktFormular") AgendaItemForm form,
            BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Integer position = WorkPlanPage.number(form.getPosition());
        if (!WorkPlanPage.blank(form.getPosition()) && position == null) {
            binding.rejectValue("position", "zahl", refusal.text("ablehnung.zahl", AGENDA_LABELS.get("position")));
            Seiten.invalidForm(model, response);
            return page(id, model);
        }
        AgendaItemForm.Topic topic = form.getTopic();
        Map<String, Object> topicBody = new LinkedHashMap<>();
        topicBody.put("kind", topic.getKind());
        topicBody.put("referenceId", "FREE".equals(topic.getKind()) || WorkPlanPage.blank(topic.getReferenceId())
                ? null : topic.getReferenceId());
        topicBody.put("title", topic.getTitle());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", topicBody);
        body.put("position", position == null ? null : position - 1); // the page counts from 1, the API from 0
        try {
            String itemId = apis.post("/api/meetings/{id}/agenda-items", body, form.getIdempotencyKey(), id).id();
            boolean shown = readAfterWrite.awaitView(m -> Seiten.list(m, "agenda").stream()
                    .anyMatch(item -> Objects.equals(item.get("agendaItemId"), itemId)), "/api/meetings/{id}", id);
            Seiten.saved(shown, "Der Punkt steht auf der Tagesordnung.", redirect);
            return "redirect:/sitzungen/" + id;
        } catch (ApiRefusedException refused) {
            refusal.bind(refused.problem(), binding, AGENDA_LABELS);
            Seiten.refusedForm(refused, model, response);
            return page(id, model);
        }
    }

    @PostMapping("/sitzungen/{id}/durchgefuehrt")
    String held(@PathVariable String id, @ModelAttribute("durchgefuehrtFormular") HeldForm form, BindingResult binding,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("attendees", form.getAttendees());
        body.put("guestsPresent", form.getGuestsPresent());
        body.put("minutes", form.getMinutes());
        return command(id, "/api/meetings/{id}/held", body, form.getIdempotencyKey(), "HELD",
                "Die Sitzung ist als durchgeführt erfasst.", binding, HELD_LABELS, model, response, redirect);
    }

    @PostMapping("/sitzungen/{id}/absage")
    String cancel(@PathVariable String id, @ModelAttribute("absageFormular") CancelForm form, BindingResult binding,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!form.isBestaetigt()) {
            binding.rejectValue("bestaetigt", "bestaetigen", refusal.text("sitzungen.eingabe.bestaetigen"));
            Seiten.invalidForm(model, response);
            return page(id, model);
        }
        return command(id, "/api/meetings/{id}/cancellation", Map.of("reason", Objects.toString(form.getReason(), "")),
                form.getIdempotencyKey(), "CANCELLED", "Die Sitzung ist abgesagt.", binding, CANCEL_LABELS, model,
                response, redirect);
    }

    /** A command after which the meeting has {@code status}. */
    private String command(String id, String uri, Map<String, Object> body, String key, String status, String message,
            BindingResult binding, Map<String, String> labels, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            apis.post(uri, body, key, id);
            boolean shown = readAfterWrite.awaitView(m -> status.equals(m.get("status")), "/api/meetings/{id}", id);
            Seiten.saved(shown, message, redirect);
            return "redirect:/sitzungen/" + id;
        } catch (ApiRefusedException refused) {
            refusal.bind(refused.problem(), binding, labels);
            Seiten.refusedForm(refused, model, response);
            return page(id, model);
        }
    }

    private String page(String id, Model model) {
        Map<String, Object> meeting = apis.view("/api/meetings/{id}", id);
        model.addAttribute("sitzung", meeting);
        model.addAttribute("umfragen", Apis.items(apis.view("/api/scheduling-polls",
                Apis.parameters("meetingId", id, "size", 100))));
        SignedInUser ich = signedIn.current();
        String status = Seiten.text(meeting, "status");
        boolean open = "PLANNED".equals(status) || "SCHEDULED".equals(status);
        if (ich == null || !ich.isCoordinator() || !open) {
            return "sitzungen/sitzung";
        }
        if ("PLANNED".equals(status) && !model.containsAttribute("umfrageFormular")) {
            model.addAttribute("umfrageFormular", new OpenPollForm());
        }
        if (!model.containsAttribute("terminFormular")) {
            DateForm date = new DateForm();
            date.setStart(zeit.eingabe(meeting.get("start")));
            date.setLocation(Seiten.text(meeting, "location"));
            model.addAttribute("terminFormular", date);
        }
        if (!model.containsAttribute("punktFormular")) {
            model.addAttribute("punktFormular", new AgendaItemForm());
        }
        if ("SCHEDULED".equals(status)) {
            if (!model.containsAttribute("durchgefuehrtFormular")) {
                model.addAttribute("durchgefuehrtFormular", new HeldForm());
            }
            model.addAttribute("mitglieder", Seiten.list(apis.view("/api/members"), "members"));
        }
        if (!model.containsAttribute("absageFormular")) {
            model.addAttribute("absageFormular", new CancelForm());
        }
        return "sitzungen/sitzung";
    }
}
