package de.gremium.command.notification;

import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import java.time.LocalDate;
import java.util.List;

/** A recommendation as the notifier needs it: its text, the reports it addresses, the latest decision and review date. */
record RecommendationFacts(RecommendationId recommendationId, String text, List<ProblemReportId> problemReports,
        MayorsDecision decision, String reasons, LocalDate reviewDate) {

    static RecommendationFacts of(List<Object> events) {
        RecommendationFacts facts = new RecommendationFacts(null, null, List.of(), null, null, null);
        for (Object event : events) {
            if (event instanceof RecommendationFormulated formulated) {
                facts = new RecommendationFacts(formulated.recommendationId(), formulated.text(), formulated.problemReports(),
                        null, null, null);
            } else if (event instanceof MayorsDecisionRecorded decided) {
                facts = new RecommendationFacts(facts.recommendationId() == null ? decided.recommendationId()
                        : facts.recommendationId(), facts.text(), facts.problemReports(), decided.decision(), decided.reasons(),
                        decided.reviewDate());
            }
        }
        return facts;
    }

    /** The first line of the text, shortened: how a recommendation is named in a subject line. */
    String shortTitle() {
        String first = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return first.length() > 80 ? first.substring(0, 79) + "…" : first;
    }
}
