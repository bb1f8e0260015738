package de.gremium.intranet.start;

import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import de.gremium.intranet.probleme.Zeitangaben;
import de.gremium.intranet.signin.SignedIn;
import de.gremium.intranet.signin.SignedInUser;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: what is new since the last visit, the next meeting with its agenda, the polls waiting for my
 * answer, my reports and what happened to them. The last visit is an instant in a cookie of this browser, read
 * when the page is drawn and set to now with the same answer, so the next visit shows what came after this one.
 */
@Controller
class StartPage {

    static final String LAST_VISIT = "gremium-letzter-besuch";
    private static final int FIRST_PAGE = 20;
    private static final int MANY = 100;

    /** Something new since the last visit: what kind, its heading, when, and the intranet page to read it. */
    record Neu(String art, String titel, Object wann, String link) {
    }

    /** A poll waiting for my answer, with the meeting it dates. */
    record Umfrage(String id, String sitzung, int vorschlaege, Object geoeffnetAm) {
    }

    private final Apis apis;
    private final SignedIn signedIn;
    private final Clock clock;
    private final boolean secureCookie;

    StartPage(Apis apis, SignedIn signedIn, Optional<Clock> clock,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookie) {
        this.apis = apis;
        this.signedIn = signedIn;
        this.clock = clock.orElse(Clock.systemUTC());
        this.secureCookie = secureCookie;
    }

    @GetMapping("/")
    String start(@CookieValue(name = LAST_VISIT, required = false) String lastVisitCookie, Model model,
            HttpServletResponse response) {
        SignedInUser me = signedIn.current();
        Instant now = clock.instant();
        Instant lastVisit = Zeitangaben.instant(lastVisitCookie);
        model.addAttribute("letzterBesuch", lastVisit == null ? null : lastVisit.toString());
        model.addAttribute("naechsteSitzung", nextMeeting(now).orElse(null));
        model.addAttribute("umfragen", pollsWaitingFor(me));
        model.addAttribute("meineBerichte", reportsOf(me, model));
        model.addAttribute("neu", lastVisit == null ? List.of() : newSince(lastVisit));
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(LAST_VISIT, now.toString()).httpOnly(true)
                .sameSite("Lax").secure(secureCookie).path("/").maxAge(Duration.ofDays(365)).build().toString());
        return "start/start";
    }

    /** The scheduled meeting that starts next, in detail (agenda in order). */
    private Optional<Map<String, Object>> nextMeeting(Instant now) {
        return Apis.items(apis.view("/api/meetings", Apis.parameters("status", "SCHEDULED", "size", MANY))).stream()
                .filter(m -> {
                    Instant start = Zeitangaben.instant(m.get("start"));
                    return start != null && !start.isBefore(now);
                })
                .min(Comparator.comparing(m -> Zeitangaben.instant(m.get("start"))))
                .flatMap(m -> apis.optionalView("/api/meetings/{id}", m.get("id")));
    }

    /** Open polls whose list of members who have not answered names me ("Name (id)", joined by ", "). */
    private List<Umfrage> pollsWaitingFor(SignedInUser me) {
        if (me == null) {
            return List.of();
        }
        return Apis.items(apis.view("/api/scheduling-polls", Apis.parameters("status", "OPEN", "size", MANY))).stream()
                .filter(p -> names(p.get("notAnswered"), me.userId()))
                .map(p -> new Umfrage(String.valueOf(p.get("pollId")), meetingTitle(p.get("meetingId")),
                        p.get("candidates") instanceof Number n ? n.intValue() : 0, p.get("openedAt")))
                .toList();
    }

    static boolean names(Object notAnswered, String userId) {
        if (notAnswered == null || userId == null) {
            return false;
        }
        return Arrays.stream(notAnswered.toString().split(",\\s*")).map(String::strip)
                .anyMatch(entry -> entry.equals(userId) || entry.endsWith("(" + userId + ")"));
    }

    private String meetingTitle(Object meetingId) {
        if (meetingId == null) {
            return null;
        }
        return apis.optionalView("/api/meetings/{id}", meetingId).map(m -> (String) m.get("title")).orElse(null);
    }

    /**
     * My reports, newest first. The board takes {@code submittedBy}; an API that does not know the filter yet either
     * refuses it (400) or ignores it, so the first page is filtered here by the report's submitter as well.
     */
    private List<Map<String, Object>> reportsOf(SignedInUser me, Model model) {
        if (me == null) {
            return List.of();
        }
        Map<String, Object> page;
        try {
            page = apis.view("/api/problem-reports", Apis.parameters("submittedBy", me.userId(), "size", MANY));
        } catch (ApiRefusedException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            page = apis.view("/api/problem-reports", Apis.parameters("size", MANY));
            model.addAttribute("nurErsteSeite", true);
        }
        return Apis.items(page).stream().filter(r -> Objects.equals(me.userId(), r.get("submittedBy"))).toList();
    }

    /** Reports, recommendations and network news of the lists' first pages that came after the last visit. */
    private List<Neu> newSince(Instant lastVisit) {
        List<Neu> news = new java.util.ArrayList<>();
        Apis.items(apis.view("/api/problem-reports", Apis.parameters("size", FIRST_PAGE))).stream()
                .filter(r -> after(r.get("submittedAt"), lastVisit))
                .forEach(r -> news.add(new Neu("Problembericht", (String) r.get("title"), r.get("submittedAt"),
                        "/probleme/" + r.get("id"))));
        Apis.items(apis.view("/api/recommendations", Apis.parameters("size", FIRST_PAGE))).stream()
                .filter(r -> after(r.get("formulatedAt"), lastVisit))
                .forEach(r -> news.add(new Neu("Empfehlung", shorten((String) r.get("text")), r.get("formulatedAt"),
                        "/empfehlungen/" + r.get("id"))));
        Apis.items(apis.view("/api/network-feed", Apis.parameters("size", FIRST_PAGE))).stream()
                .filter(e -> after(e.get("occurredAt"), lastVisit))
                .forEach(e -> news.add(new Neu("Netzwerk", (String) e.get("title"), e.get("occurredAt"), "/netzwerk")));
        news.sort(Comparator.comparing((Neu n) -> Zeitangaben.instant(n.wann())).reversed());
        return news;
    }

    private static boolean after(Object instant, Instant lastVisit) {
        Instant at = Zeitangaben.instant(instant);
        return at != null && at.isAfter(lastVisit);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }
}
