package de.gremium.events.problem;

/** One problem report by id. */
public record FetchProblemReport(ProblemReportId reportId) {
}
