package de.gremium.query.search;

import de.gremium.events.consensus.DraftAmended;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.idea.ProjectIdeaRevised;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.network.NetworkProjectAnnounced;
import de.gremium.events.network.NetworkProjectCompleted;
import de.gremium.events.network.NetworkProjectDropped;
import de.gremium.events.network.NetworkProjectUpdated;
import de.gremium.events.problem.ProblemReportClosed;
import de.gremium.events.problem.ProblemReportDetailsAdded;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.SolutionProposed;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationSubmitted;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Builds the search index ({@link SearchIndex}) from the record: problem reports with their details, solution
 * proposals and resolution; project ideas; drafts of deliberations; recommendations with the drafts they grew from,
 * the submission's note and the decision's reasons; the minutes of held meetings; network projects.
 *
 * <p>The index and the items' current state live in this process's memory, and so does the processor's token
 * ({@code SearchConfiguration}): every query side builds its own index from the record's first event when it
 * starts, and a reset of the processor builds it again. An event delivered twice (a batch retried) changes nothing:
 * each aggregate's events are applied only above the sequence number last applied for it.
 */
@Component
@ProcessingGroup(SearchProjection.GROUP)
public class SearchProjection {

    public static final String GROUP = "search";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int TITLE_LENGTH = 100;

    private final SearchIndex index;
    /** The items as they stand, by {@link SearchDocument#key()}. */
    private final Map<String, SearchDocument> items = new ConcurrentHashMap<>();
    /** What a meeting's minutes need from the events before them. */
    private final Map<String, Meeting> meetings = new ConcurrentHashMap<>();
    /** The sequence number last applied, per aggregate. */
    private final Map<String, Long> applied = new ConcurrentHashMap<>();

    SearchProjection(SearchIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(ProblemReportSubmitted event, @SequenceNumber long sequence) {
        once("ProblemReport", event.reportId().value(), sequence, () -> put(new SearchDocument(SearchKind.REPORT,
                event.reportId().value(), event.title(), event.description(), List.of(), event.policyFields(),
                year(event.submittedAt()))));
    }

    @EventHandler
    void on(ProblemReportDetailsAdded event, @SequenceNumber long sequence) {
        once("ProblemReport", event.reportId().value(), sequence,
                () -> change(SearchKind.REPORT, event.reportId().value(), d -> d.adding(event.details())));
    }

    @EventHandler
    void on(SolutionProposed event, @SequenceNumber long sequence) {
        once("ProblemReport", event.reportId().value(), sequence,
                () -> change(SearchKind.REPORT, event.reportId().value(), d -> d.adding(event.proposal())));
    }

    @EventHandler
    void on(ProblemReportClosed event, @SequenceNumber long sequence) {
        once("ProblemReport", event.reportId().value(), sequence,
                () -> change(SearchKind.REPORT, event.reportId().value(), d -> d.adding(event.resolution())));
    }

    @EventHandler
    void on(ProjectIdeaProposed event, @SequenceNumber long sequence) {
        once("ProjectIdea", event.ideaId().value(), sequence, () -> put(new SearchDocument(SearchKind.IDEA,
                event.ideaId().value(), event.title(), event.description(), List.of(), event.policyFields(),
                year(event.proposedAt()))));
    }

    @EventHandler
    void on(ProjectIdeaRevised event, @SequenceNumber long sequence) {
        once("ProjectIdea", event.ideaId().value(), sequence, () -> change(SearchKind.IDEA, event.ideaId().value(),
                d -> d.revised(event.title(), event.description(), event.policyFields())));
    }

    @EventHandler
    void on(DraftRecommendationPut event, @SequenceNumber long sequence) {
        once("Deliberation", event.deliberationId().value(), sequence, () -> put(new SearchDocument(SearchKind.DRAFT,
                event.deliberationId().value(), "Entwurf: " + excerpt(event.text()), event.text(), List.of(),
                event.policyFields(), year(event.putAt()))));
    }

    /** The amended draft becomes the text; the earlier ones stay searchable after it. */
    @EventHandler
    void on(DraftAmended event, @SequenceNumber long sequence) {
        once("Deliberation", event.deliberationId().value(), sequence, () -> change(SearchKind.DRAFT,
                event.deliberationId().value(), d -> {
                    List<String> earlier = new ArrayList<>();
                    earlier.add(d.text());
                    earlier.addAll(d.more());
                    return new SearchDocument(d.kind(), d.id(), "Entwurf: " + excerpt(event.text()), event.text(),
                            earlier, d.policyFields(), d.year());
                }));
    }

    /** The recommendation takes the place of its deliberation's draft, whose texts it keeps. */
    @EventHandler
    void on(RecommendationFormulated event, @SequenceNumber long sequence) {
        once("Recommendation", event.recommendationId().value(), sequence, () -> {
            SearchDocument draft = items.get(SearchDocument.key(SearchKind.DRAFT, event.deliberationId().value()));
            List<String> drafts = draft == null ? List.of() : draftTexts(draft).stream()
                    .filter(t -> !t.equals(event.text())).toList();
            put(new SearchDocument(SearchKind.RECOMMENDATION, event.recommendationId().value(), excerpt(event.text()),
                    event.text(), drafts, event.policyFields(), year(event.formulatedAt())));
            if (draft != null) {
                items.remove(draft.key());
                index.remove(SearchKind.DRAFT, draft.id());
            }
        });
    }

    @EventHandler
    void on(RecommendationSubmitted event, @SequenceNumber long sequence) {
        once("Recommendation", event.recommendationId().value(), sequence, () -> change(SearchKind.RECOMMENDATION,
                event.recommendationId().value(), d -> d.adding(event.note())));
    }

    @EventHandler
    void on(MayorsDecisionRecorded event, @SequenceNumber long sequence) {
        once("Recommendation", event.recommendationId().value(), sequence, () -> change(SearchKind.RECOMMENDATION,
                event.recommendationId().value(), d -> d.adding(event.reasons())));
    }

    @EventHandler
    void on(MeetingPlanned event, @SequenceNumber long sequence) {
        once("Meeting", event.meetingId().value(), sequence,
                () -> meetings.put(event.meetingId().value(), new Meeting(event.title(), event.year(), null)));
    }

    @EventHandler
    void on(MeetingScheduled event, @SequenceNumber long sequence) {
        once("Meeting", event.meetingId().value(), sequence, () -> dated(event.meetingId().value(), event.start()));
    }

    @EventHandler
    void on(MeetingRescheduled event, @SequenceNumber long sequence) {
        once("Meeting", event.meetingId().value(), sequence, () -> dated(event.meetingId().value(), event.start()));
    }

    /** Minutes are searchable once the meeting was held with minutes; the year is the meeting's. */
    @EventHandler
    void on(MeetingHeld event, @SequenceNumber long sequence) {
        once("Meeting", event.meetingId().value(), sequence, () -> {
            if (event.minutes() == null || event.minutes().isBlank()) {
                return;
            }
            Meeting meeting = meetings.getOrDefault(event.meetingId().value(), new Meeting(null, 0, null));
            int year = meeting.start() != null ? year(meeting.start())
                    : meeting.plannedYear() > 0 ? meeting.plannedYear() : year(event.recordedAt());
            String agenda = event.agenda().stream().map(AgendaTopic::title).filter(t -> t != null && !t.isBlank())
                    .collect(Collectors.joining("; "));
            put(new SearchDocument(SearchKind.MINUTES, event.meetingId().value(),
                    "Protokoll: " + (meeting.title() == null ? "Sitzung" : meeting.title()), event.minutes(),
                    agenda.isEmpty() ? List.of() : List.of("Tagesordnung: " + agenda), Set.of(), year));
        });
    }

    @EventHandler
    void on(NetworkProjectAnnounced event, @SequenceNumber long sequence) {
        once("NetworkProject", event.projectId().value(), sequence, () -> put(new SearchDocument(
                SearchKind.NETWORK_PROJECT, event.projectId().value(), event.title(), event.description(),
                List.of(event.workingGroup().germanLabel()), event.policyFields(), year(event.announcedAt()))));
    }

    @EventHandler
    void on(NetworkProjectUpdated event, @SequenceNumber long sequence) {
        once("NetworkProject", event.projectId().value(), sequence, () -> change(SearchKind.NETWORK_PROJECT,
                event.projectId().value(), d -> d.revised(event.title(), event.description(), event.policyFields())));
    }

    @EventHandler
    void on(NetworkProjectCompleted event, @SequenceNumber long sequence) {
        once("NetworkProject", event.projectId().value(), sequence, () -> change(SearchKind.NETWORK_PROJECT,
                event.projectId().value(), d -> d.adding(event.summary())));
    }

    @EventHandler
    void on(NetworkProjectDropped event, @SequenceNumber long sequence) {
        once("NetworkProject", event.projectId().value(), sequence, () -> change(SearchKind.NETWORK_PROJECT,
                event.projectId().value(), d -> d.adding(event.reason())));
    }

    /** A reset of the processor: the index is built again from the record's first event. */
    @ResetHandler
    void reset() {
        items.clear();
        meetings.clear();
        applied.clear();
        index.clear();
    }

    /**
     * Applies an aggregate's event once: not again when the processor hands it over a second time. The sequence
     * number moves only after the change went through, so a change that failed is applied when the event comes again.
     */
    private void once(String aggregateType, String aggregateId, long sequence, Runnable change) {
        String aggregate = aggregateType + "/" + aggregateId;
        if (applied.getOrDefault(aggregate, -1L) >= sequence) {
            return;
        }
        change.run();
        applied.put(aggregate, sequence);
    }

    private void put(SearchDocument item) {
        index.put(item);
        items.put(item.key(), item);
    }

    /** Changes an item; an event for an item this index never saw created changes nothing. */
    private void change(SearchKind kind, String id, UnaryOperator<SearchDocument> change) {
        SearchDocument item = items.get(SearchDocument.key(kind, id));
        if (item != null) {
            put(change.apply(item));
        }
    }

    private void dated(String meetingId, Instant start) {
        meetings.compute(meetingId, (id, m) -> m == null ? new Meeting(null, 0, start)
                : new Meeting(m.title(), m.plannedYear(), start));
    }

    private static List<String> draftTexts(SearchDocument draft) {
        List<String> texts = new ArrayList<>();
        texts.add(draft.text());
        texts.addAll(draft.more());
        return texts;
    }

    static int year(Instant instant) {
        return instant.atZone(BERLIN).getYear();
    }

    /** The first line of a text, cut at a word before {@value #TITLE_LENGTH} characters. */
    static String excerpt(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        if (line.length() <= TITLE_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', TITLE_LENGTH - 1);
        return line.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH - 1).strip() + "…";
    }

    /** A meeting as far as its minutes need it. */
    private record Meeting(String title, int plannedYear, Instant start) {
    }
}
