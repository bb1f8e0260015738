package de.gremium.events.problem;

import de.gremium.events.PolicyField;

/**
 * One page of the problem board; every filter is optional (null matches all). Pages count from 0.
 *
 * @param submittedBy the user id of whoever submitted the reports (exact)
 */
public record FetchProblemBoard(
        ProblemReportStatus status,
        String unit,
        PolicyField policyField,
        String submittedBy,
        int page,
        int size) {
}
