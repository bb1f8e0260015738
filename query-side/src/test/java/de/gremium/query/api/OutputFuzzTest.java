package de.gremium.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.monitoring.Direction;
import de.gremium.events.monitoring.FigureType;
import de.gremium.events.monitoring.Frequency;
import de.gremium.events.monitoring.IndicatorDefined;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.monitoring.MeasureVerdictChanged;
import de.gremium.events.monitoring.Observation;
import de.gremium.events.monitoring.ObservationsRecorded;
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
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.RunningQuerySide;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random text in every text field that reaches a document written for another program's parser: the Atom feed,
 * the iCalendar feed, the monitoring and audit CSV, and the advisory-council report in HTML and Markdown. The texts
 * mix control characters (U+0000 to U+001F, U+007F, U+0085, the U+000B word processors paste), pairs of surrogates
 * (emoji), umlauts and ß, quotes, {@code <&>}, line breaks of every kind, formula starters ({@code = + - @}), the
 * byte order mark, U+FFFE and U+FFFF and long runs. The events go into the record as they are (as old events stored
 * before the command side refused such characters), through the projections, and out through the API, which must
 * answer 200 with a document its format's parser reads: ROME for Atom, ical4j for iCalendar, Commons CSV (every
 * record as wide as the header), and for HTML only the page's own tags, with every text escaped.
 *
 * <p>Two seeds: a fixed one, so that a run repeats, and a new one each run; both are printed and named in every
 * failure ({@code -Dgremium.outputfuzz.seed=<seed>} makes the second one that seed).
 */
class OutputFuzzTest {

    static final long FIXED_SEED = 20_261_207L;
    static final long RANDOM_SEED = Long.getLong("gremium.outputfuzz.seed", System.nanoTime());
    static final int PER_SEED = 12;
    static final String SEEDS = "seeds " + FIXED_SEED + " and " + RANDOM_SEED + " (repeat with -Dgremium.outputfuzz.seed="
            + RANDOM_SEED + ")";

    private static final String[] PIECES = {"\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F",
        "\u007F", "\u0085", "\t", "\n", "\r", "\r\n", "ä", "ö", "ü", "Ä", "Ö", "Ü", "ß", "\"", "'", "`", "<", ">", "&", "&amp;",
        "<script>alert(1)</script>", "]]>", "=", "+", "-", "@", "=HYPERLINK(\"http://x\")", ";", ",", "|", "\\", "#", "*",
        "\uD83D\uDE00", "\uD83C\uDDFA\uD83C\uDDE6", "\uFEFF", "\uFFFE", "\uFFFF", "\u200F", "\u0301", "\u2028", "€", " ",
        "Übergangswohnheim", "Straße", "Förderung"};

    static RunningQuerySide side;
    static Http http;

    @BeforeAll
    static void start() {
        System.out.println("OutputFuzzTest " + SEEDS);
        side = RunningQuerySide.start(TestStore.newRecord());
        http = Http.on(Ports.of(side.context()));
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        long[] seeds = {FIXED_SEED, RANDOM_SEED};
        for (int s = 0; s < seeds.length; s++) {
            Random random = new Random(seeds[s]);
            for (int i = 0; i < PER_SEED; i++) {
                story(events, "s" + s + "-" + i, random, i);
            }
        }
        EventStore store = side.eventStore();
        events.forEach(store::publish);
        side.awaitCaughtUp();
    }

    @AfterAll
    static void stop() {
        side.close();
    }

    /** One of each thing whose texts reach a document, every text random. */
    private static void story(List<GenericDomainEventMessage<?>> events, String id, Random random, int i) {
        Instant t = Instant.parse("2026-02-01T10:00:00Z").plusSeconds(3_600L * i);
        String user = text(random);
        NetworkProjectId project = new NetworkProjectId("p-" + id);
        NetworkWorkingGroup group = NetworkWorkingGroup.values()[i % NetworkWorkingGroup.values().length];
        events.add(event("NetworkProject", project.value(), 0, t, user, new NetworkProjectAnnounced(project, group,
                text(random), text(random), Set.of(PolicyField.LANGUAGE), NetworkProjectStatus.PLANNED, LocalDate.of(2026, 3, 1),
                null, text(random), user, t)));
        events.add(event("NetworkProject", project.value(), 1, t.plusSeconds(1), user, new NetworkProjectUpdated(project,
                text(random), text(random), Set.of(PolicyField.LANGUAGE, PolicyField.SPORT), NetworkProjectStatus.RUNNING,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31), text(random), user, t.plusSeconds(1))));
        events.add(event("NetworkProject", project.value(), 2, t.plusSeconds(2), user, i % 2 == 0
                ? new NetworkProjectCompleted(project, text(random), LocalDate.of(2026, 11, 30), user, t.plusSeconds(2))
                : new NetworkProjectDropped(project, text(random), user, t.plusSeconds(2))));

        MeetingId meeting = new MeetingId("m-" + id);
        Instant start = Instant.parse("2026-04-01T10:00:00Z").plusSeconds(86_400L * i);
        events.add(event("Meeting", meeting.value(), 0, t, user, new MeetingPlanned(meeting, 2026, 2,
                i % 2 == 0 ? MeetingKind.REGULAR : MeetingKind.EXTRA, text(random), 60, user, t)));
        events.add(event("Meeting", meeting.value(), 1, t.plusSeconds(1), user, new MeetingScheduled(meeting, start,
                start.plusSeconds(3_600), text(random), user, t.plusSeconds(1))));
        events.add(event("Meeting", meeting.value(), 2, t.plusSeconds(2), user, new AgendaItemAdded(meeting,
                new AgendaItemId("a-" + id), new AgendaTopic(AgendaTopicKind.FREE, null, text(random)), 0, user,
                t.plusSeconds(2))));
        events.add(event("Meeting", meeting.value(), 3, start.plusSeconds(3_600), user, i % 3 == 0
                ? new MeetingCancelled(meeting, text(random), user, start.plusSeconds(3_600))
                : new MeetingHeld(meeting, List.of(), List.of(), text(random), List.of(), user, start.plusSeconds(3_600))));

        ProblemReportId report = new ProblemReportId("r-" + id);
        events.add(event("ProblemReport", report.value(), 0, t, user, new ProblemReportSubmitted(report, text(random),
                text(random), text(random), Set.of(PolicyField.LANGUAGE), user, t)));
        events.add(event("ProblemReport", report.value(), 1, t.plusSeconds(5), user, new ProblemReportClosed(report,
                ResolutionOutcome.SOLVED, text(random), user, t.plusSeconds(5))));
        RecommendationId recommendation = new RecommendationId("e-" + id);
        Instant formulated = start.plusSeconds(3_700);
        events.add(event("Recommendation", recommendation.value(), 0, formulated, user, new RecommendationFormulated(
                recommendation, new DeliberationId("d-" + id), meeting, new AgendaItemId("a-" + id), text(random),
                Set.of(PolicyField.LANGUAGE), List.of(), List.of(report), user, formulated)));
        events.add(event("Recommendation", recommendation.value(), 1, formulated.plusSeconds(60), user,
                new MayorsDecisionRecorded(recommendation, MayorsDecision.ACCEPTED, text(random), null, user,
                        formulated.plusSeconds(60))));

        IndicatorId indicator = new IndicatorId(indicatorCode(id));
        events.add(event("Indicator", indicator.value(), 0, t, user, new IndicatorDefined(indicator, new IndicatorDefinition(
                text(random), PolicyField.LANGUAGE, FigureType.KEY_FIGURE, text(random), text(random), text(random),
                text(random), Map.of(), Frequency.YEARLY, text(random)), user, t)));
        events.add(event("Indicator", indicator.value(), 1, t.plusSeconds(1), user, new ObservationsRecorded(indicator, List.of(
                new Observation("2024", Map.of(), new BigDecimal("10.5"), text(random)),
                new Observation("2025", Map.of(), new BigDecimal("-3"), text(random))), "import-" + id, text(random), user,
                t.plusSeconds(1))));
        MeasureId measure = new MeasureId("mass-" + id);
        events.add(event("Measure", measure.value(), 0, formulated.plusSeconds(120), user, new MeasureAdopted(measure,
                recommendation, text(random), List.of(new MeasureTarget(indicator, Map.of(), new BigDecimal("10.5"), "2024",
                        new BigDecimal("20"), LocalDate.of(2028, 12, 31), Direction.INCREASE)), user, formulated.plusSeconds(120))));
        events.add(event("Measure", measure.value(), 1, formulated.plusSeconds(180), user, new MeasureVerdictChanged(measure,
                MeasureVerdict.ON_TRACK, MeasureVerdict.NOT_MEASURABLE_YET, text(random), user, formulated.plusSeconds(180))));
    }

    private static String indicatorCode(String story) {
        return "FZ-" + story.toUpperCase(java.util.Locale.ROOT);
    }

    /** Up to about 200 characters of the pieces above and random characters of the BMP and beyond; never null. */
    static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(12) == 0 ? 60 : random.nextInt(8);
        for (int p = 0; p < parts; p++) {
            switch (random.nextInt(4)) {
                case 0, 1 -> text.append(PIECES[random.nextInt(PIECES.length)]);
                case 2 -> text.appendCodePoint(random.nextInt(0x20, 0x250));
                default -> text.appendCodePoint(random.nextBoolean() ? random.nextInt(0x20, 0xD800)
                        : random.nextInt(0x10000, 0x10FFFF));
            }
        }
        return text.toString();
    }

    private static GenericDomainEventMessage<?> event(String type, String aggregate, long sequence, Instant at, String user,
            Object payload) {
        return new GenericDomainEventMessage<>(type, aggregate, sequence, payload, MetaData.with("userId", user),
                UUID.randomUUID().toString(), at);
    }

    private static Http.Response ok(String role, String path) {
        Http.Response response = await().atMost(Duration.ofSeconds(60)).until(() -> http.as(role).get(path),
                r -> r.status() != 404);
        assertThat(response.status()).as(SEEDS + ": " + path + " " + response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void theAtomFeedIsXmlThatRomeReadsWithEveryEntry() throws Exception {
        Http.Response response = ok("leser", "/api/network-feed.atom");

        Feed feed = (Feed) new WireFeedInput().build(new StringReader(response.body()));
        assertThat(feed.getEntries()).as(SEEDS).hasSizeGreaterThanOrEqualTo(Math.min(50, PER_SEED * 2 * 3));
        for (Entry entry : feed.getEntries()) {
            assertThat(entry.getTitle()).as(SEEDS).isNotNull();
            assertThat(entry.getContents().get(0).getValue()).as(SEEDS).doesNotContain("\u0001", "\u000B", "\u0000");
        }
    }

    @Test
    void theCalendarFeedIsReadByIcal4jAndEveryLineHasAtMostSeventyFiveOctets() throws Exception {
        Http.Response response = ok("leser", "/api/meetings.ics");

        for (String line : response.body().split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(SEEDS + ": " + line)
                    .isLessThanOrEqualTo(75);
            assertThat(line.chars().filter(c -> c < 0x20 && c != '\t')).as(SEEDS + ": a control character in " + line)
                    .isEmpty();
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).as(SEEDS).hasSize(PER_SEED * 2);
    }

    @Test
    void theMonitoringCsvIsReadByACsvParserWithEveryRecordAsWideAsItsHeader() throws Exception {
        assertCsv(ok("leser", "/api/monitoring/policy-fields/LANGUAGE?format=csv").body(), PER_SEED * 2 + 1);
        for (String story : List.of("s0-0", "s1-" + (PER_SEED - 1))) {
            assertCsv(ok("leser", "/api/monitoring/indicators/" + indicatorCode(story) + "?format=csv").body(), 3);
        }
    }

    @Test
    void theAuditCsvIsReadByACsvParserWithEveryRecordAsWideAsItsHeader() throws Exception {
        assertCsv(ok("koordinator", "/api/audit/events?format=csv").body(), -1);
    }

    @Test
    void theHtmlReportHasOnlyThePagesOwnTagsAndNoControlCharacters() {
        String html = ok("leser", "/api/reports/advisory-council?from=2026-01-01&to=2026-12-31&format=html").body();

        Matcher tags = Pattern.compile("<[^>]*>").matcher(html);
        Pattern own = Pattern.compile("</?(html|head|body|title|style|h[1-3]|p|ul|li)>|<!DOCTYPE html>|<html lang=\"de\">"
                + "|<meta charset=\"utf-8\">|<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        while (tags.find()) {
            assertThat(tags.group()).as(SEEDS + ": a tag the page does not write itself").matches(own);
        }
        assertThat(html.chars().filter(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F)))
                .as(SEEDS + ": control characters in the page").isEmpty();
        assertThat(html).as(SEEDS).contains("<h2>Problemmeldungen</h2>");
    }

    @Test
    void theMarkdownReportHasNoControlCharacters() {
        String markdown = ok("leser", "/api/reports/advisory-council?from=2026-01-01&to=2026-12-31&format=markdown").body();

        assertThat(markdown.chars().filter(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F)))
                .as(SEEDS + ": control characters in the Markdown").isEmpty();
    }

    /** Parsed as RFC 4180; every record as wide as the header; {@code records} counted with the header, unless -1. */
    private static void assertCsv(String csv, int records) throws Exception {
        List<CSVRecord> parsed = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        assertThat(parsed).as(SEEDS).isNotEmpty();
        int width = parsed.get(0).size();
        for (CSVRecord record : parsed) {
            assertThat(record.size()).as(SEEDS + ": record " + record.getRecordNumber() + " " + record).isEqualTo(width);
        }
        if (records >= 0) {
            assertThat(parsed).as(SEEDS).hasSize(records);
        }
    }
}
