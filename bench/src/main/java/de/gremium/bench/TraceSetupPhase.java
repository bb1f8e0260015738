package de.gremium.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Creates, once, what the query latency phase reads: a recommendation with its whole causal chain,
 * through the API as RecommendationTraceEndToEndTest does it (two problem reports, a project idea, the
 * quarter's regular meeting scheduled on a past date, the idea on its agenda, the meeting held, a draft
 * recommendation answering both reports, consensus), then waits until its trace and the work plan show it.
 */
final class TraceSetupPhase implements Phase {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final long VISIBLE_WITHIN_MS = 30_000;

    /** The ids the query phase reads. */
    record Chain(String recommendation, int year, int quarter, String meeting, String deliberation, String idea,
            List<String> reports) {
    }

    @Override
    public String title() {
        return "setting up a recommendation with its trace (for the query phase)";
    }

    @Override
    public void run(Bench bench) throws Exception {
        Api api = bench.api;
        ZonedDateTime start = pastMeetingStart(ZonedDateTime.now(ZONE));
        int year = start.getYear();
        int quarter = (start.getMonthValue() - 1) / 3 + 1;

        String report1 = api.command("anna.amt50", "/api/problem-reports", "{\"title\":\"Sprachkurse ausgebucht\","
                + "\"description\":\"Wartezeit sechs Monate\",\"unit\":\"Amt 50\",\"policyFields\":[\"LANGUAGE\"]}");
        String report2 = api.command("jonas.fb32", "/api/problem-reports", "{\"title\":\"Keine Kinderbetreuung in Kursen\","
                + "\"description\":\"Muetter koennen nicht teilnehmen\",\"unit\":\"FB 32\",\"policyFields\":[\"WOMEN_GIRLS\"]}");
        String idea = api.command("koordinator", "/api/project-ideas", "{\"title\":\"Sprachkurse mit Kinderbetreuung\","
                + "\"description\":\"Kurse der VHS mit Betreuung\",\"policyFields\":[\"LANGUAGE\",\"WOMEN_GIRLS\"]}");
        String meeting = api.command("koordinator", "/api/meetings", "{\"year\":" + year + ",\"quarter\":" + quarter
                + ",\"kind\":\"REGULAR\",\"title\":\"Sitzung Q" + quarter + "/" + year + "\",\"durationMinutes\":60}");
        api.command("koordinator", "/api/meetings/" + meeting + "/schedule", "{\"start\":\""
                + start.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\",\"location\":\"Altes Rathaus\"}");
        String item = api.command("koordinator", "/api/meetings/" + meeting + "/agenda-items", "{\"topic\":{\"kind\":"
                + "\"PROJECT_IDEA\",\"referenceId\":\"" + idea + "\",\"title\":\"Sprachkurse mit Kinderbetreuung\"}}");
        api.command("koordinator", "/api/meetings/" + meeting + "/held", "{\"attendees\":[\"koordinator\",\"anna.amt50\","
                + "\"jonas.fb32\"],\"guestsPresent\":[],\"minutes\":\"Protokoll (Benchmark)\"}");
        String deliberation = api.command("koordinator", "/api/deliberations", "{\"meetingId\":\"" + meeting
                + "\",\"agendaItemId\":\"" + item + "\",\"text\":\"Die Projektgruppe empfiehlt Sprachkurse mit "
                + "Kinderbetreuung.\",\"policyFields\":[\"LANGUAGE\"],\"problemReports\":[\"" + report1 + "\",\"" + report2 + "\"]}");
        String recommendation = api.command("koordinator", "/api/deliberations/" + deliberation + "/consensus", "{}");
        if (recommendation == null) {
            throw new BenchFailure("consensus answered without the recommendation's id");
        }
        Chain chain = new Chain(recommendation, year, quarter, meeting, deliberation, idea, List.of(report1, report2));
        awaitOk(api, "/api/recommendations/" + recommendation + "/trace", "\"FORMULATED\"");
        awaitOk(api, "/api/work-plan/" + year, meeting);
        bench.chain = chain;
        bench.report.context("query phase reads recommendation " + recommendation + " (meeting " + meeting + ", held "
                + start.toLocalDate() + ", 2 reports, 1 idea) and the work plan " + year);
        Bench.log("  recommendation " + recommendation + ", meeting " + meeting + " on " + start.toLocalDate());
    }

    /**
     * The first Wednesday of the current quarter at 13:00 in Magdeburg if that lies in the past, else
     * that of the previous quarter: a meeting can only be recorded as held once it took place.
     */
    static ZonedDateTime pastMeetingStart(ZonedDateTime now) {
        LocalDate quarterStart = LocalDate.of(now.getYear(), ((now.getMonthValue() - 1) / 3) * 3 + 1, 1);
        for (int back = 0; back < 3; back++) {
            LocalDate day = quarterStart.minusMonths(3L * back).with(TemporalAdjusters.firstInMonth(DayOfWeek.WEDNESDAY));
            ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(13, 0), ZONE);
            if (start.isBefore(now.minusHours(2))) {
                return start;
            }
        }
        throw new IllegalStateException("no past quarter found for " + now);
    }

    /** Polls GET {query}{path} until it answers 200 with a body containing {@code expected}. */
    private static void awaitOk(Api api, String path, String expected) throws Exception {
        long deadline = System.nanoTime() + VISIBLE_WITHIN_MS * 1_000_000;
        String last = "";
        while (System.nanoTime() < deadline) {
            var response = api.read(path);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && response.body().contains(expected)) {
                return;
            }
            LockSupport.parkNanos(50_000_000);
        }
        throw new BenchFailure("GET " + path + " did not show " + expected + " within " + VISIBLE_WITHIN_MS + " ms: "
                + (last.length() > 300 ? last.substring(0, 300) + "..." : last));
    }
}
