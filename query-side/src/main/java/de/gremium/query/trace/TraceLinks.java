package de.gremium.query.trace;

import de.gremium.events.links.LinksToAgendaItem;
import de.gremium.events.links.LinksToDeliberation;
import de.gremium.events.links.LinksToMeasure;
import de.gremium.events.links.LinksToMeeting;
import de.gremium.events.links.LinksToObjection;
import de.gremium.events.links.LinksToProblemReport;
import de.gremium.events.links.LinksToProblemReports;
import de.gremium.events.links.LinksToProjectIdea;
import de.gremium.events.links.LinksToProjectIdeas;
import de.gremium.events.links.LinksToRecommendation;
import de.gremium.events.links.LinksToSolutionProposal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids an event links to, read from the link interfaces it implements ({@code de.gremium.events.links}), by kind:
 * a trace node's {@code refs}. The one place that knows the link interfaces; it never looks at an event's class.
 * The kinds are the field names under {@code refs} in stored nodes, indexed ({@link TraceNode}).
 */
final class TraceLinks {

    static final String REPORT = "report";
    static final String IDEA = "idea";
    static final String MEETING = "meeting";
    static final String AGENDA_ITEM = "agendaItem";
    static final String DELIBERATION = "deliberation";
    static final String OBJECTION = "objection";
    static final String RECOMMENDATION = "recommendation";
    static final String MEASURE = "measure";
    static final String PROPOSAL = "proposal";

    private final Map<String, List<String>> byKind = new LinkedHashMap<>();

    private TraceLinks() {
    }

    /** Every id the event links to, its own aggregate's included, by kind, in the order the event names them. */
    static Map<String, List<String>> of(Object event) {
        TraceLinks links = new TraceLinks();
        if (event instanceof LinksToProblemReport e) {
            links.add(REPORT, e.reportId().value());
        }
        if (event instanceof LinksToProblemReports e) {
            e.problemReports().forEach(id -> links.add(REPORT, id.value()));
        }
        if (event instanceof LinksToProjectIdea e) {
            links.add(IDEA, e.ideaId().value());
        }
        if (event instanceof LinksToProjectIdeas e) {
            e.projectIdeas().forEach(id -> links.add(IDEA, id.value()));
        }
        if (event instanceof LinksToMeeting e) {
            links.add(MEETING, e.meetingId().value());
        }
        if (event instanceof LinksToAgendaItem e) {
            links.add(AGENDA_ITEM, e.agendaItemId().value());
        }
        if (event instanceof LinksToDeliberation e) {
            links.add(DELIBERATION, e.deliberationId().value());
        }
        if (event instanceof LinksToObjection e) {
            links.add(OBJECTION, e.objectionId().value());
        }
        if (event instanceof LinksToRecommendation e) {
            links.add(RECOMMENDATION, e.recommendationId().value());
        }
        if (event instanceof LinksToMeasure e) {
            links.add(MEASURE, e.measureId().value());
        }
        if (event instanceof LinksToSolutionProposal e) {
            links.add(PROPOSAL, e.proposalId().value());
        }
        return links.byKind;
    }

    private void add(String kind, String id) {
        List<String> ids = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
        if (!ids.contains(id)) {
            ids.add(id);
        }
    }
}
