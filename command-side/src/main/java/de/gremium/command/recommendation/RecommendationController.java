package de.gremium.command.recommendation;

import de.gremium.command.values.TextKind;
import de.gremium.command.values.ValidText;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.events.recommendation.RecordMayorsDecision;
import de.gremium.events.recommendation.SubmitRecommendation;
import de.gremium.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/recommendations")
@Tag(name = "Recommendations", description = "Recommendations to the Lord Mayor: submission and the mayor's decision")
class RecommendationController {

    private final CommandDispatcher commands;
    private final Clock clock;

    RecommendationController(CommandDispatcher commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record SubmissionRequest(@ValidText(value = TextKind.TEXT, required = false) String note) {
    }

    record DecisionRequest(@NotNull MayorsDecision decision, @ValidText(TextKind.TEXT) String reasons,
            LocalDate reviewDate) {
    }

    @PostMapping("/{recommendationId}/submission")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Submit the recommendation to the Lord Mayor (coordinator)")
    ResponseEntity<Void> submit(@PathVariable String recommendationId, @Valid @RequestBody(required = false) SubmissionRequest request) {
        commands.send(new SubmitRecommendation(new RecommendationId(recommendationId), request == null ? null : request.note(),
                CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{recommendationId}/decision")
    @PreAuthorize("hasRole('MAYOR_OFFICE')")
    @Operation(summary = "Record the Lord Mayor's decision (mayor's office)", description = "ACCEPTED, "
            + "ACCEPTED_WITH_MODIFICATIONS, REJECTED or DEFERRED (needs a reviewDate), with reasons; a DEFERRED "
            + "recommendation can be decided again later.")
    ResponseEntity<Void> decide(@PathVariable String recommendationId, @Valid @RequestBody DecisionRequest request) {
        commands.send(new RecordMayorsDecision(new RecommendationId(recommendationId), request.decision(), request.reasons(),
                request.reviewDate(), CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }
}
