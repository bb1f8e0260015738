package de.gremium.query.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.monitoring.MeasureVerdictChanged;
import de.gremium.events.network.NetworkProjectAnnounced;
import de.gremium.events.network.NetworkProjectCompleted;
import de.gremium.events.network.NetworkProjectDropped;
import de.gremium.events.network.NetworkProjectId;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkProjectUpdated;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.events.problem.ProblemReportClosed;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.ResolutionOutcome;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.events.recommendation.RecommendationSubmitted;
import de.gremium.query.report.AdvisoryCouncilReport.NetworkActivity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** The report fold as a plain object over a list of stored event messages with their timestamps. */
class AdvisoryCouncilReportFoldTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 31);
    /** 00:00 on 1 January 2026 in Berlin (CET, UTC+1). */
    private static final Instant START = Instant.parse("2025-12-31T23:00:00Z");
    /** 00:00 on 1 January 2027 in Berlin. */
    private static final Instant END = Instant.parse("2026-12-31T23:00:00Z");
    private static final Instant GENERATED = Instant.parse("2027-01-05T09:15:00Z");

    private final List<EventMessage<?>> stored = new ArrayList<>();

    private void store(String type, String aggregate, long sequence, Instant at, Object payload) {
        stored.add(new GenericDomainEventMessage<>(type, aggregate, sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at));
    }

    private AdvisoryCouncilReport report(LocalDate from, LocalDate to) {
        AdvisoryCouncilReportFold fold = new AdvisoryCouncilReportFold(from, to);
        stored.forEach(fold::accept);
        return fold.result(GENERATED);
    }

    private AdvisoryCouncilReport report() {
        return report(FROM, TO);
    }

    private void meeting(String id, String title, Instant plannedAt) {
        store("Meeting", id, 0, plannedAt, new MeetingPlanned(new MeetingId(id), 2026, 1, MeetingKind.REGULAR, title, 60,
                "koordinator", plannedAt));
    }

    private MeetingHeld held(String id, Instant at, int members) {
        List<MemberId> attendees = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            attendees.add(new MemberId("mitglied-" + i));
        }
        return new MeetingHeld(new MeetingId(id), attendees, List.of(new GuestId("gast-1")), "Protokoll",
                List.of(new AgendaTopic(AgendaTopicKind.FREE, null, "Verschiedenes")), "koordinator", at);
    }

    @Test
    void onlyEventsInsideThePeriodInBerlinTimeAreCounted() {
        meeting("m-1", "Sitzung Q1/2026", Instant.parse("2025-11-01T10:00:00Z"));
        Instant justBefore = START.minusMillis(1);
        Instant lastMoment = END.minusMillis(1);
        store("ProblemReport", "r-1", 0, justBefore, submitted("r-1", "Vor dem Zeitraum", "Amt 50", justBefore));
        store("ProblemReport", "r-2", 0, START, submitted("r-2", "Silvester um Mitternacht", "Amt 50", START));
        store("ProblemReport", "r-3", 0, lastMoment, submitted("r-3", "Letzte Minute", "FB 32", lastMoment));
        store("ProblemReport", "r-4", 0, END, submitted("r-4", "Neujahr 2027", "FB 32", END));
        store("Meeting", "m-1", 1, END, held("m-1", END, 5));

        AdvisoryCouncilReport report = report();
        assertThat(report.summary().problemReportsSubmitted()).isEqualTo(2);
        assertThat(report.problemReports().byUnit()).extracting(AdvisoryCouncilReport.UnitReports::unit)
                .containsExactly("Amt 50", "FB 32");
        assertThat(report.problemReports().byUnit().get(0).submitted())
                .extracting(AdvisoryCouncilReport.SubmittedReport::title, AdvisoryCouncilReport.SubmittedReport::submittedOn)
                .containsExactly(tuple("Silvester um Mitternacht", FROM));
        assertThat(report.problemReports().byUnit().get(1).submitted().get(0).submittedOn()).isEqualTo(TO);
        assertThat(report.meetings().held()).isEmpty();
        assertThat(report.from()).isEqualTo(FROM);
        assertThat(report.timeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void meetingsRecommendationsAndDecisionsCountInTheYearTheyHappenedNotTheYearTheyWereRecorded() {
        Instant planned = Instant.parse("2026-09-01T08:00:00Z");
        Instant january = Instant.parse("2027-01-08T09:00:00Z");
        meeting("m-12", "Sitzung Q4/2026", planned);
        store("Meeting", "m-12", 1, planned, new MeetingScheduled(new MeetingId("m-12"), Instant.parse("2026-12-10T15:00:00Z"),
                Instant.parse("2026-12-10T16:00:00Z"), "Altes Rathaus", "koordinator", planned));
        store("Meeting", "m-12", 2, january, held("m-12", january, 6));
        store("Recommendation", "e-12", 0, january, new RecommendationFormulated(new RecommendationId("e-12"),
                new DeliberationId("d-12"), new MeetingId("m-12"), new AgendaItemId("top-1"), "Lotsenprojekt ausweiten",
                Set.of(PolicyField.LANGUAGE), List.of(), List.of(), "koordinator", january));
        Instant decidedInDecember = Instant.parse("2026-12-30T10:00:00Z");
        store("Recommendation", "e-12", 1, january.plusSeconds(60), new MayorsDecisionRecorded(new RecommendationId("e-12"),
                MayorsDecision.ACCEPTED, "einverstanden", null, "buero.ob", decidedInDecember));
        NetworkProjectId project = new NetworkProjectId("p-12");
        store("NetworkProject", "p-12", 0, planned, new NetworkProjectAnnounced(project, NetworkWorkingGroup.LANGUAGE,
                "Sprachcafé", "", Set.of(), NetworkProjectStatus.RUNNING, null, null, "", "koordinator", planned));
        store("NetworkProject", "p-12", 1, january, new NetworkProjectCompleted(project, "beendet", LocalDate.of(2026, 12, 20),
                "koordinator", january));

        AdvisoryCouncilReport december = report(FROM, TO);
        assertThat(december.meetings().held()).singleElement().satisfies(m -> {
            assertThat(m.meetingId()).isEqualTo("m-12");
            assertThat(m.date()).isEqualTo(LocalDate.of(2026, 12, 10));
        });
        assertThat(december.recommendations().formulated()).singleElement().satisfies(f -> {
            assertThat(f.formulatedOn()).as("the day of the meeting that reached the consensus")
                    .isEqualTo(LocalDate.of(2026, 12, 10));
            assertThat(f.meetingTitle()).isEqualTo("Sitzung Q4/2026");
        });
        assertThat(december.recommendations().decisions()).singleElement()
                .satisfies(d -> assertThat(d.decidedOn()).isEqualTo(LocalDate.of(2026, 12, 30)));
        assertThat(december.networkProjects().get(0).completed()).singleElement()
                .satisfies(p -> assertThat(p.completedOn()).isEqualTo(LocalDate.of(2026, 12, 20)));
        assertThat(december.summary().meetingsHeld()).isEqualTo(1);
        assertThat(december.summary().recommendationsFormulated()).isEqualTo(1);
        assertThat(december.summary().mayorsDecisions()).isEqualTo(1);

        AdvisoryCouncilReport nextYear = report(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
        assertThat(nextYear.meetings().held()).isEmpty();
        assertThat(nextYear.recommendations().formulated()).isEmpty();
        assertThat(nextYear.recommendations().decisions()).isEmpty();
        assertThat(nextYear.networkProjects().get(0).completed()).isEmpty();
    }

    @Test
    void summerTimeShiftsTheBoundaryToTwentyTwoHundredUtc() {
        LocalDate july = LocalDate.of(2026, 7, 1);
        store("ProblemReport", "r-1", 0, Instant.parse("2026-06-30T21:59:59Z"), submitted("r-1", "Juni", "Amt 50",
                Instant.parse("2026-06-30T21:59:59Z")));
        store("ProblemReport", "r-2", 0, Instant.parse("2026-06-30T22:00:00Z"), submitted("r-2", "Juli", "Amt 50",
                Instant.parse("2026-06-30T22:00:00Z")));
        store("ProblemReport", "r-3", 0, Instant.parse("2026-07-31T21:59:59Z"), submitted("r-3", "Ende Juli", "Amt 50",
                Instant.parse("2026-07-31T21:59:59Z")));
        store("ProblemReport", "r-4", 0, Instant.parse("2026-07-31T22:00:00Z"), submitted("r-4", "August", "Amt 50",
                Instant.parse("2026-07-31T22:00:00Z")));

        AdvisoryCouncilReport report = report(july, LocalDate.of(2026, 7, 31));
        assertThat(report.problemReports().byUnit().get(0).submitted())
                .extracting(AdvisoryCouncilReport.SubmittedReport::title).containsExactly("Juli", "Ende Juli");
    }

    @Test
    void titlesOfThingsCreatedBeforeThePeriodComeFromTheirEarlierEvents() {
        Instant before = Instant.parse("2025-10-01T08:00:00Z");
        Instant in = Instant.parse("2026-03-11T14:00:00Z");
        meeting("m-1", "Sitzung Q1/2026", before);
        store("Meeting", "m-1", 1, before, new MeetingScheduled(new MeetingId("m-1"), Instant.parse("2026-03-10T12:00:00Z"),
                Instant.parse("2026-03-10T13:00:00Z"), "Altes Rathaus", "koordinator", before));
        store("Meeting", "m-1", 2, before.plusSeconds(60), new MeetingRescheduled(new MeetingId("m-1"),
                Instant.parse("2026-03-11T12:00:00Z"), Instant.parse("2026-03-11T13:00:00Z"), "Altes Rathaus", "Ausschuss",
                "koordinator", before.plusSeconds(60)));
        store("Meeting", "m-1", 3, in, held("m-1", in, 7));
        store("Recommendation", "e-1", 0, before, formulated("e-1", "Sprachkurse mit Kinderbetreuung anbieten", before));
        store("Recommendation", "e-1", 1, in, new RecommendationSubmitted(new RecommendationId("e-1"), "eilig", "koordinator", in));
        store("Recommendation", "e-1", 2, in.plusSeconds(86_400 * 30), new MayorsDecisionRecorded(new RecommendationId("e-1"),
                MayorsDecision.ACCEPTED_WITH_MODIFICATIONS, "nur in zwei Stadtteilen", LocalDate.of(2026, 10, 1), "buero.ob",
                in.plusSeconds(86_400 * 30)));
        store("ProblemReport", "r-1", 0, before, submitted("r-1", "Kurse ausgebucht", "Amt 50", before));
        store("ProblemReport", "r-1", 1, in, new ProblemReportClosed(new ProblemReportId("r-1"), ResolutionOutcome.SOLVED,
                "neue Kurse", "koordinator", in));
        NetworkProjectId project = new NetworkProjectId("p-1");
        store("NetworkProject", "p-1", 0, before, new NetworkProjectAnnounced(project, NetworkWorkingGroup.LANGUAGE, "Sprachcafé",
                "", Set.of(PolicyField.LANGUAGE), NetworkProjectStatus.RUNNING, null, null, "AG Sprache", "koordinator", before));
        store("NetworkProject", "p-1", 1, before, new NetworkProjectUpdated(project, "Sprachcafé Nord", "", Set.of(),
                NetworkProjectStatus.RUNNING, null, null, "AG Sprache", "koordinator", before));
        store("NetworkProject", "p-1", 2, in, new NetworkProjectCompleted(project, "120 Teilnehmende", LocalDate.of(2026, 2, 28),
                "koordinator", in));
        MeasureId measure = new MeasureId("mass-1");
        store("Measure", "mass-1", 0, before, new MeasureAdopted(measure, new RecommendationId("e-0"), "Kurse für Mütter", List.of(), "buero.ob", before));
        store("Measure", "mass-1", 1, in, new MeasureVerdictChanged(measure, MeasureVerdict.ON_TRACK,
                MeasureVerdict.NOT_MEASURABLE_YET, "SPR-01 2025: 64,2 %", "koordinator", in));

        AdvisoryCouncilReport report = report();
        assertThat(report.meetings().held()).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Sitzung Q1/2026");
            assertThat(m.date()).as("the rescheduled date").isEqualTo(LocalDate.of(2026, 3, 11));
            assertThat(m.attendees()).isEqualTo(7);
            assertThat(m.guests()).isEqualTo(1);
        });
        assertThat(report.recommendations().formulated()).isEmpty();
        assertThat(report.recommendations().submitted()).singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo("Sprachkurse mit Kinderbetreuung anbieten"));
        assertThat(report.recommendations().decisions()).singleElement().satisfies(d -> {
            assertThat(d.text()).isEqualTo("Sprachkurse mit Kinderbetreuung anbieten");
            assertThat(d.decision()).isEqualTo(MayorsDecision.ACCEPTED_WITH_MODIFICATIONS);
            assertThat(d.reasons()).isEqualTo("nur in zwei Stadtteilen");
        });
        assertThat(report.problemReports().submitted()).isZero();
        assertThat(report.problemReports().closed()).isEqualTo(1);
        assertThat(report.problemReports().byUnit()).singleElement().satisfies(u -> {
            assertThat(u.unit()).isEqualTo("Amt 50");
            assertThat(u.closed()).singleElement().satisfies(c -> assertThat(c.title()).isEqualTo("Kurse ausgebucht"));
        });
        NetworkActivity language = report.networkProjects().get(0);
        assertThat(language.workingGroup()).isEqualTo(NetworkWorkingGroup.LANGUAGE);
        assertThat(language.announced()).isEmpty();
        assertThat(language.completed()).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Sprachcafé Nord");
            assertThat(p.completedOn()).isEqualTo(LocalDate.of(2026, 2, 28));
        });
        assertThat(report.networkProjects()).extracting(NetworkActivity::workingGroup)
                .containsExactly(NetworkWorkingGroup.values());
        assertThat(report.monitoring().measuresAdopted()).isEmpty();
        assertThat(report.monitoring().verdictChanges()).singleElement().satisfies(v -> {
            assertThat(v.title()).isEqualTo("Kurse für Mütter");
            assertThat(v.verdict()).isEqualTo(MeasureVerdict.ON_TRACK);
        });
    }

    @Test
    void cancelledMeetingsNewRecommendationsAndDroppedProjectsAreListed() {
        Instant in = Instant.parse("2026-05-06T10:00:00Z");
        meeting("m-2", "Sitzung Q2/2026", in);
        store("Meeting", "m-2", 1, in, new MeetingScheduled(new MeetingId("m-2"), Instant.parse("2026-06-10T11:00:00Z"),
                Instant.parse("2026-06-10T12:00:00Z"), "Altes Rathaus", "koordinator", in));
        store("Meeting", "m-2", 2, in.plusSeconds(60), new MeetingCancelled(new MeetingId("m-2"), "Stadtratssitzung",
                "koordinator", in.plusSeconds(60)));
        store("Recommendation", "e-2", 0, in, formulated("e-2", "Beratung mehrsprachig", in));
        NetworkProjectId project = new NetworkProjectId("p-2");
        store("NetworkProject", "p-2", 0, in, new NetworkProjectAnnounced(project, NetworkWorkingGroup.WORK_TRAINING,
                "Jobpaten", "", Set.of(), NetworkProjectStatus.PLANNED, LocalDate.of(2026, 9, 1), null, "", "koordinator", in));
        store("NetworkProject", "p-2", 1, in, new NetworkProjectDropped(project, "keine Förderung", "koordinator", in));

        AdvisoryCouncilReport report = report();
        assertThat(report.meetings().cancelled()).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Sitzung Q2/2026");
            assertThat(c.plannedDate()).isEqualTo(LocalDate.of(2026, 6, 10));
            assertThat(c.cancelledOn()).isEqualTo(LocalDate.of(2026, 5, 6));
            assertThat(c.reason()).isEqualTo("Stadtratssitzung");
        });
        assertThat(report.recommendations().formulated()).singleElement().satisfies(f -> {
            assertThat(f.meetingTitle()).isEqualTo("Sitzung Q2/2026");
            assertThat(f.policyFields()).containsExactly(PolicyField.LANGUAGE);
        });
        NetworkActivity work = report.networkProjects().get(2);
        assertThat(work.announced()).singleElement().satisfies(p -> assertThat(p.title()).isEqualTo("Jobpaten"));
        assertThat(work.dropped()).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("keine Förderung"));
        assertThat(report.summary().networkProjectsAnnounced()).isEqualTo(1);
        assertThat(report.summary().networkProjectsDropped()).isEqualTo(1);

        String markdown = ReportMarkdown.render(GermanReport.document(report));
        assertThat(markdown).startsWith("# Tätigkeitsbericht der Projektgruppe Integration für den Beirat, "
                + "01.01.2026–31.12.2026\n");
        assertThat(markdown).contains("## Sitzungen\n", "## Empfehlungen an den Oberbürgermeister\n",
                "## Problemmeldungen\n", "## Netzwerkprojekte\n", "## Integrationsmonitoring\n",
                "- Sitzung Q2/2026 (reguläre Sitzung), vorgesehen für 10.06.2026, abgesagt am 06.05.2026. "
                        + "Grund: Stadtratssitzung\n",
                "### AG Arbeit und Ausbildung\n\n- neu gemeldet am 06.05.2026: Jobpaten (geplant, 01.09.2026–)\n"
                        + "- eingestellt am 06.05.2026: Jobpaten. Grund: keine Förderung\n",
                "Erstellt am 05.01.2027 um 10:15 Uhr");
    }

    @Test
    void everyValueIsEscapedInHtmlAndMarkdown() {
        Instant in = Instant.parse("2026-02-02T10:00:00Z");
        store("ProblemReport", "r-1", 0, in, submitted("r-1", "<script>alert('x')</script> & \"mehr\"", "<b>Amt</b>", in));
        store("Recommendation", "e-1", 0, in, formulated("e-1", "**fett** [Link](http://x) # Titel\n\nzweiter Absatz", in));
        AdvisoryCouncilReport report = report();

        String html = ReportHtml.render(GermanReport.document(report));
        assertThat(html).doesNotContain("<script>", "<b>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;mehr&quot;",
                "<h3>&lt;b&gt;Amt&lt;/b&gt;</h3>", "<html lang=\"de\">",
                "<title>Tätigkeitsbericht der Projektgruppe Integration für den Beirat, 01.01.2026–31.12.2026</title>",
                "<h2>Integrationsmonitoring</h2>");

        String markdown = ReportMarkdown.render(GermanReport.document(report));
        assertThat(markdown).contains("\\<script\\>alert('x')\\</script\\> \\& \"mehr\"",
                "\\*\\*fett\\*\\* \\[Link\\](http://x) \\# Titel zweiter Absatz", "### \\<b\\>Amt\\</b\\>\n");
    }

    @Test
    void anEmptyPeriodSaysSoInEverySection() {
        String markdown = ReportMarkdown.render(GermanReport.document(report()));
        assertThat(markdown).contains("### Abgehaltene Sitzungen\n\nKeine.\n", "### AG Sprache\n\nKeine.\n",
                "0 eingegangen, 0 abgeschlossen.\n");
    }

    @Test
    void aPeriodEndingBeforeItStartsOrLongerThanFiveYearsIsRefused() {
        assertThat(AdvisoryCouncilReportFold.invalidPeriod(TO, FROM)).isPresent();
        assertThat(AdvisoryCouncilReportFold.invalidPeriod(FROM, FROM)).isEmpty();
        assertThat(AdvisoryCouncilReportFold.invalidPeriod(FROM, LocalDate.of(2030, 12, 31))).isEmpty();
        assertThat(AdvisoryCouncilReportFold.invalidPeriod(FROM, LocalDate.of(2031, 1, 1))).isPresent();
        assertThatThrownBy(() -> new AdvisoryCouncilReportFold(TO, FROM)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ProblemReportSubmitted submitted(String id, String title, String unit, Instant at) {
        return new ProblemReportSubmitted(new ProblemReportId(id), title, "", unit, Set.of(PolicyField.LANGUAGE), "anna.amt50",
                at);
    }

    private static RecommendationFormulated formulated(String id, String text, Instant at) {
        return new RecommendationFormulated(new RecommendationId(id), new DeliberationId("d-1"), new MeetingId("m-2"), new AgendaItemId("top-1"),
                text, Set.of(PolicyField.LANGUAGE), List.of(), List.of(), "koordinator", at);
    }
}
