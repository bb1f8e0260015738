package de.gremium.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.idea.ProjectIdeaRevised;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.network.NetworkProjectAnnounced;
import de.gremium.events.network.NetworkProjectId;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.events.problem.ProblemReportDetailsAdded;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.SolutionProposalId;
import de.gremium.events.problem.SolutionProposed;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.query.TestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not part of the suite: measures how long the search index takes to build from a record of the sizes given, e.g.
 * {@code ./mvnw -B -q -pl query-side -am test -Dtest=SearchIndexBuildMeasurement -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgremium.search.measure=10000,100000}. It prints its figures; it checks only that the index holds every item.
 *
 * <p>The record is a PostgreSQL database of the embedded test server, filled with stories of ten events (a report with
 * details and a solution proposal, an idea and its revision, a network project, a planned and a held meeting with
 * minutes, a draft and its recommendation: five items per story, about 2 KB of text). Two figures per size: the
 * events read from the record by Axon's JDBC engine (batches of 1,000), deserialised and handed to the projection
 * through Axon's annotation adapter, as the processor does, without the processor's own bookkeeping; and then the
 * projection alone on the same events, already in memory (this pass runs second, on a JIT warmed by the first). The
 * heap is measured after the second pass, the events let go.
 */
@EnabledIfSystemProperty(named = "gremium.search.measure", matches = "[0-9,]+")
class SearchIndexBuildMeasurement {

    private static final String[] WORDS = ("Sprachkurs Kinderbetreuung Bürgerbüro Straße Wohnung Ausländerbehörde "
            + "Integrationskurs Warteliste Dolmetscher Beratung Termin Familie Schule Ausbildung Arbeit Nachbarschaft "
            + "Verein Begegnung Kultur Sport Gesundheit Ärztin Pflege Frauen Mädchen Jugend Eltern Kita Plätze Förderung "
            + "Antrag Formular Behörde Anerkennung Abschluss Beruf Praktikum Betrieb Stadtteil Quartier Fest Café "
            + "Ehrenamt Lotsen Patenschaft Übersetzung Sprache Deutsch Arabisch Ukrainisch Wartezeit Öffnungszeiten "
            + "Mietvertrag Jobcenter Vorschlag Lösung Maßnahme Empfehlung Oberbürgermeisterin Haushalt und die der mit für "
            + "von zu im am bei nach werden soll können mehr keine").split(" ");
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void theIndexIsBuiltFromTheRecordAndHoldsEveryItem() throws Exception {
        for (String size : System.getProperty("gremium.search.measure").split(",")) {
            measure(Integer.parseInt(size));
        }
    }

    private void measure(int events) throws Exception {
        TestRecord record = TestRecord.create();
        JdbcEventStorageEngine engine = record.engine(1000);
        List<GenericDomainEventMessage<?>> all = stories(events / 10);
        long fill = System.nanoTime();
        for (int from = 0; from < all.size(); from += 1000) {
            engine.appendEvents(all.subList(from, Math.min(all.size(), from + 1000)));
        }
        Duration filled = Duration.ofNanos(System.nanoTime() - fill);

        long heapBefore = usedHeap();
        SearchIndex index = new SearchIndex();
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(new SearchProjection(index));
        long start = System.nanoTime();
        List<EventMessage<?>> read = new ArrayList<>(all.size());
        engine.readEvents(null, false).forEach(event -> {
            handle(handlers, event);
            read.add(event);
        });
        assertThat(index.search(new SearchText("Meldung"), EnumSet.of(SearchKind.REPORT), null, null, 0, 1).total())
                .isEqualTo(events / 10);
        Duration fromRecord = Duration.ofNanos(System.nanoTime() - start);
        index.close();

        SearchIndex again = new SearchIndex();
        AnnotationEventHandlerAdapter alone = new AnnotationEventHandlerAdapter(new SearchProjection(again));
        long second = System.nanoTime();
        read.forEach(event -> handle(alone, event));
        assertThat(again.search(new SearchText("Sitzung"), EnumSet.of(SearchKind.MINUTES), null, null, 0, 1).total())
                .isEqualTo(events / 10);
        Duration projectionOnly = Duration.ofNanos(System.nanoTime() - second);
        read.clear();
        long heapIndexed = usedHeap(); // the second index and its projection's state are still held
        assertThat(alone).isNotNull();
        again.close();

        System.out.printf("SEARCH INDEX BUILD, %,d events (%,d items), cores %d, load average %s:%n"
                        + "  record filled in %s (not part of the build)%n"
                        + "  from the record (read, deserialise, project, index, first search): %s = %,.0f events/s%n"
                        + "  projection and index alone (events in memory): %s = %,.0f events/s%n"
                        + "  heap held by the index and the projection's state: about %,d MB%n",
                events, events / 2, Runtime.getRuntime().availableProcessors(), loadAverage(), filled, fromRecord,
                events / seconds(fromRecord), projectionOnly, events / seconds(projectionOnly),
                (heapIndexed - heapBefore) / 1_000_000);
    }

    private static void handle(AnnotationEventHandlerAdapter handlers, EventMessage<?> event) {
        try {
            handlers.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<GenericDomainEventMessage<?>> stories(int count) {
        Random random = new Random(42);
        List<GenericDomainEventMessage<?>> events = new ArrayList<>(count * 10);
        for (int i = 0; i < count; i++) {
            Instant at = T0.plusSeconds(600L * i);
            Set<PolicyField> field = Set.of(PolicyField.values()[i % PolicyField.values().length]);
            ProblemReportId report = new ProblemReportId("m-" + i);
            events.add(event("ProblemReport", report.value(), 0, new ProblemReportSubmitted(report, "Meldung " + words(random, 5),
                    words(random, 60), "Amt 50", field, "anna.amt50", at)));
            events.add(event("ProblemReport", report.value(), 1, new ProblemReportDetailsAdded(report, words(random, 25),
                    "anna.amt50", at)));
            events.add(event("ProblemReport", report.value(), 2, new SolutionProposed(report, new SolutionProposalId("v-" + i),
                    words(random, 25), "jonas.fb32", at)));
            ProjectIdeaId idea = new ProjectIdeaId("i-" + i);
            events.add(event("ProjectIdea", idea.value(), 0, new ProjectIdeaProposed(idea, "Idee " + words(random, 4),
                    words(random, 50), field, "koordinator", at)));
            events.add(event("ProjectIdea", idea.value(), 1, new ProjectIdeaRevised(idea, "Idee " + words(random, 4),
                    words(random, 50), field, "koordinator", at)));
            NetworkProjectId project = new NetworkProjectId("n-" + i);
            events.add(event("NetworkProject", project.value(), 0, new NetworkProjectAnnounced(project,
                    NetworkWorkingGroup.LANGUAGE, "Projekt " + words(random, 3), words(random, 40), field,
                    NetworkProjectStatus.RUNNING, null, null, null, "koordinator", at)));
            MeetingId meeting = new MeetingId("s-" + i);
            events.add(event("Meeting", meeting.value(), 0, new MeetingPlanned(meeting, 2026, 1, MeetingKind.REGULAR,
                    "Sitzung " + i, 60, "koordinator", at)));
            events.add(event("Meeting", meeting.value(), 1, new MeetingHeld(meeting, List.of(), List.of(), words(random, 200),
                    List.of(), "koordinator", at)));
            DeliberationId deliberation = new DeliberationId("d-" + i);
            String text = words(random, 40);
            events.add(event("Deliberation", deliberation.value(), 0, new DraftRecommendationPut(deliberation, meeting,
                    new AgendaItemId("top-" + i), text, field, List.of(), List.of(), List.of(), List.of(), "koordinator", at)));
            RecommendationId recommendation = new RecommendationId("e-" + i);
            events.add(event("Recommendation", recommendation.value(), 0, new RecommendationFormulated(recommendation,
                    deliberation, meeting, new AgendaItemId("top-" + i), text, field, List.of(), List.of(), "koordinator", at)));
        }
        return events;
    }

    private static GenericDomainEventMessage<?> event(String type, String aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregate, sequence, payload);
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : i % 12 == 0 ? ". " : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }

    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String loadAverage() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
