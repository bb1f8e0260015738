package de.gremium.intranet.empfehlungen;

import de.gremium.intranet.api.Apis;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A project idea as the trace links to it ({@code GET /api/project-ideas/{id}}): what it proposes, where it stands,
 * the meetings that carried it, the recommendations that answer it and its history. Read only; the idea's forms
 * come later.
 */
@Controller
class IdeenSeite {

    private final Apis apis;
    private final Personen personen;

    IdeenSeite(Apis apis, Personen personen) {
        this.apis = apis;
        this.personen = personen;
    }

    @GetMapping("/ideen/{id}")
    String idee(@PathVariable String id, Model model) {
        Map<String, Object> idee = Felder.ergaenzt(apis.view("/api/project-ideas/{id}", id), "title", "description",
                "policyFields", "status", "proposedBy", "proposedAt", "recommendationIds", "closure", "history", "meetings");
        Felder.darin(idee, "closure", "status", "reason", "closedBy", "closedAt");
        Felder.jedes(idee, "history", "kind", "actor", "at", "meetingId", "note");
        Felder.jedes(idee, "meetings", "meetingId", "title", "start", "discussed");
        model.addAttribute("idee", idee);
        model.addAttribute("politikfelderDerIdee", EmpfehlungenSeiten.liste(idee.get("policyFields")));
        model.addAttribute("namen", personen.namen());
        return "ideen/idee";
    }
}
