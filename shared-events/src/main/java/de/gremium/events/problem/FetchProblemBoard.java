package de.gremium.events.problem;

import de.gremium.events.PolicyField;

/** One page of the problem board; every filter is optional (null matches all). Pages count from 0. */
public record FetchProblemBoard(
        ProblemReportStatus status,
        String unit,
        PolicyField policyField,
        int page,
        int size) {
}
