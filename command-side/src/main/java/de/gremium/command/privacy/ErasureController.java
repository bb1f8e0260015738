package de.gremium.command.privacy;

import de.gremium.command.idempotency.RequestIds;
import de.gremium.command.values.TextKind;
import de.gremium.command.values.ValidText;
import de.gremium.events.group.MemberId;
import de.gremium.events.privacy.ErasureId;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Data protection", description = "Erasure under GDPR Article 17 by crypto-shredding, and the retention rule "
        + "for problem reports' free text (docs/security.md)")
class ErasureController {

    private static final java.util.regex.Pattern USER_ID = java.util.regex.Pattern.compile(MemberId.FORM);

    private final Erasures erasures;
    private final RequestIds ids;

    ErasureController(Erasures erasures, RequestIds ids) {
        this.erasures = erasures;
        this.ids = ids;
    }

    record TextErasureRequest(@ValidText(TextKind.SHORT_TEXT) String reason) {
    }

    /** What an erasure answers: its id (the id of its event, which names no one). */
    record Erased(String erasureId) {
    }

    @PostMapping("/api/people/{userId}/erasure")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Erase everything stored about a person",
            description = "Deletes the person's keys: their user id, name and the text they wrote read as "
                    + "'gelöschte Person' / 'gelöschter Text' everywhere from then on. 409 while they are a member of the "
                    + "group (withdraw them first), 404 when nothing is stored about them.")
    ResponseEntity<Erased> erasePerson(@PathVariable String userId) {
        if (!USER_ID.matcher(userId).matches()) {
            throw Refusal.invalid("userId", "must be a user id (letters, digits, . _ @ -)");
        }
        ErasureId erasureId = new ErasureId(ids.newId("erasure").toString());
        erasures.erasePerson(erasureId, userId, CurrentUser.id());
        return ResponseEntity.ok(new Erased(erasureId.value()));
    }

    @PostMapping("/api/problem-reports/{reportId}/text-erasure")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Erase one problem report's free text (retention rule)",
            description = "On the data-protection officer's request: the report's title, description, details, notes, "
                    + "proposals and resolution read as 'gelöschter Text' from then on; its ids, dates and status stay. "
                    + "The reason is kept with the erasure's event. 409 when the text was erased already.")
    ResponseEntity<Erased> eraseReportText(@PathVariable String reportId, @Valid @RequestBody TextErasureRequest request) {
        ErasureId erasureId = new ErasureId(ids.newId("text-erasure").toString());
        erasures.eraseReportText(erasureId, new ProblemReportId(reportId), request.reason(), CurrentUser.id());
        return ResponseEntity.ok(new Erased(erasureId.value()));
    }
}
