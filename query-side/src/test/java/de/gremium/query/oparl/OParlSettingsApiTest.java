package de.gremium.query.oparl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.QuerySideApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The OParl interface opened to anonymous readers, publishing no persons, under a public base URL of its own
 * ({@code gremium.oparl.anonymous=true}, {@code gremium.oparl.persons=none}, {@code gremium.oparl.base-url}).
 */
class OParlSettingsApiTest {

    static final String PUBLIC = "https://gremium.magdeburg.example";
    static final String ROOT = "/oparl/v1.1";
    private static ConfigurableApplicationContext context;
    private static Http http;

    @BeforeAll
    static void start() {
        List<String> args = new ArrayList<>(TestStore.fresh());
        args.addAll(List.of("--gremium.oparl.anonymous=true", "--gremium.oparl.persons=none",
                "--gremium.oparl.base-url=" + PUBLIC + "/"));
        context = QuerySideApplication.start(args.toArray(String[]::new));
        http = Http.on(Ports.of(context));
        OParlStory.storeIn(context.getBean(EventStore.class));
        await().atMost(Duration.ofSeconds(60)).until(() -> http.anonymous().get(ROOT + "/meeting/" + OParlStory.CANCELLED)
                .body().contains("abgesagt"));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void anAnonymousCallerReadsTheInterfaceButNothingElse() {
        Http.Response system = http.anonymous().get(ROOT + "/system");
        assertThat(system.status()).as(system.toString()).isEqualTo(200);
        assertThat(http.anonymous().get(ROOT + "/body/magdeburg/meeting").status()).isEqualTo(200);
        assertThat(http.anonymous().get("/api/work-plan/2026").status()).isEqualTo(401);
        assertThat(http.anonymous().get("/api/members").status()).isEqualTo(401);
        assertThat(http.as("leser").get(ROOT + "/system").status()).isEqualTo(200);
        // a wrong password is still refused, not taken for anonymous
        assertThat(new Http("http://127.0.0.1:" + Ports.of(context)).as("niemand").get(ROOT + "/system").status())
                .isEqualTo(401);
    }

    @Test
    void withPersonsNoneNoPersonOrMembershipIsPublishedAndMeetingsNameNoParticipants() {
        JsonNode persons = http.anonymous().get(ROOT + "/body/magdeburg/person").json();
        assertThat(persons.get("data")).isEmpty();
        assertThat(persons.at("/pagination/totalElements").asInt()).isZero();
        assertThat(http.anonymous().get(ROOT + "/body/magdeburg/membership").json().get("data")).isEmpty();
        assertThat(http.anonymous().get(ROOT + "/person/anna.amt50").status()).isEqualTo(404);
        assertThat(http.anonymous().get(ROOT + "/membership/anna.amt50-1").status()).isEqualTo(404);
        JsonNode meeting = http.anonymous().get(ROOT + "/meeting/" + OParlStory.HELD).json();
        assertThat(meeting.has("participant")).isFalse();
        assertThat(meeting.toString()).doesNotContain("anna", "Anna", "jonas");
        assertThat(OParlSchemas.problems("Meeting", meeting)).isEmpty();
        JsonNode body = http.anonymous().get(ROOT + "/body/magdeburg").json();
        assertThat(body.get("person").asText()).isEqualTo(PUBLIC + ROOT + "/body/magdeburg/person");
    }

    @Test
    void everyUrlStartsWithTheConfiguredPublicBaseUrl() {
        JsonNode list = http.anonymous().get(ROOT + "/body/magdeburg/meeting?limit=1").json();
        assertThat(list.at("/data/0/id").asText()).startsWith(PUBLIC + ROOT + "/meeting/");
        assertThat(list.at("/links/next").asText()).isEqualTo(PUBLIC + ROOT + "/body/magdeburg/meeting?limit=1&page=2");
        assertThat(http.anonymous().get(ROOT + "/system").json().get("body").asText()).isEqualTo(PUBLIC + ROOT + "/body");
    }
}
