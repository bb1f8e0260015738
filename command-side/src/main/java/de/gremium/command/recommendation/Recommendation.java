package de.gremium.command.recommendation;

import static de.gremium.platform.refusal.Refusal.conflict;
import static de.gremium.platform.refusal.Refusal.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.gremium.command.values.TextKind;
import de.gremium.events.recommendation.FormulateRecommendation;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.events.recommendation.RecommendationStatus;
import de.gremium.events.recommendation.RecommendationSubmitted;
import de.gremium.events.recommendation.RecordMayorsDecision;
import de.gremium.events.recommendation.SubmitRecommendation;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A recommendation of the group to the Lord Mayor: decision preparation, not a decision. The group's
 * consultation is non-authoritative; the mayor's decision, recorded by the mayor's office, is.
 */
@Aggregate(cache = "aggregateCache")
public class Recommendation {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @AggregateIdentifier
    private RecommendationId recommendationId;
    private RecommendationStatus status;

    protected Recommendation() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Recommendation(FormulateRecommendation command) {
        TextKind.TEXT.require("text", command.text());
        apply(new RecommendationFormulated(command.recommendationId(), command.deliberationId(), command.meetingId(),
                command.agendaItemId(), command.text(), command.policyFields(), command.projectIdeas(), command.problemReports(),
                command.formulatedBy(), command.formulatedAt()));
    }

    @CommandHandler
    void handle(SubmitRecommendation command) {
        if (status != RecommendationStatus.FORMULATED) {
            throw conflict("The recommendation has already been submitted.");
        }
        apply(new RecommendationSubmitted(recommendationId, command.note() == null ? "" : command.note(),
                command.submittedBy(), command.submittedAt()));
    }

    @CommandHandler
    void handle(RecordMayorsDecision command) {
        if (status == RecommendationStatus.FORMULATED) {
            throw conflict("The recommendation has not been submitted to the Lord Mayor yet.");
        }
        if (status == RecommendationStatus.DECIDED) {
            throw conflict("The Lord Mayor has already decided on this recommendation.");
        }
        if (command.decision() == null) {
            throw invalid("decision", "decision must be ACCEPTED, ACCEPTED_WITH_MODIFICATIONS, REJECTED or DEFERRED");
        }
        TextKind.TEXT.require("reasons", command.reasons());
        LocalDate today = command.recordedAt().atZone(ZONE).toLocalDate();
        if (command.reviewDate() != null && !command.reviewDate().isAfter(today)) {
            throw invalid("reviewDate", "a review date lies in the future");
        }
        if (command.decision() == MayorsDecision.DEFERRED && command.reviewDate() == null) {
            throw invalid("reviewDate", "a deferred recommendation needs a review date");
        }
        apply(new MayorsDecisionRecorded(recommendationId, command.decision(), command.reasons(), command.reviewDate(),
                command.recordedBy(), command.recordedAt()));
    }

    @EventSourcingHandler
    void on(RecommendationFormulated event) {
        recommendationId = event.recommendationId();
        status = RecommendationStatus.FORMULATED;
    }

    @EventSourcingHandler
    void on(RecommendationSubmitted event) {
        status = RecommendationStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(MayorsDecisionRecorded event) {
        status = event.decision() == MayorsDecision.DEFERRED ? RecommendationStatus.DEFERRED : RecommendationStatus.DECIDED;
    }
}
