package de.gremium.intranet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.gremium.intranet.StubApi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

class ApisTest {

    final StubApi api = new StubApi().on("GET", "/api/search", 200, "{\"data\":[]}");
    final Apis apis = new Apis(RestClient.builder(), authentication -> null, JsonMapper.builder().build(), api.url(),
            api.url(), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void typed_text_reaches_the_api_as_typed_whatever_characters_it_holds() {
        apis.view("/api/search", Apis.parameters("q", "{C++} & 100% ?x=1#", "kind", List.of("report", "idea"), "year", ""));
        assertThat(api.received()).singleElement().extracting(StubApi.Received::pathAndQuery)
                .isEqualTo("/api/search?q=%7BC%2B%2B%7D%20%26%20100%25%20%3Fx%3D1%23&kind=report&kind=idea");
    }

    @Test
    void a_refusal_becomes_an_exception_holding_the_problem_document() {
        api.on("GET", "/api/search", 400, """
                {"type":"urn:gremium:problem:validation-failed","title":"Validation failed","status":400,
                 "errors":[{"field":"year","reason":"must be between 1900 and 2200"}]}""");
        assertThatThrownBy(() -> apis.view("/api/search", Apis.parameters("year", "1")))
                .isInstanceOfSatisfying(ApiRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problem().errors()).containsExactly(
                            new ApiProblem.FieldError("year", "must be between 1900 and 2200"));
                });
    }

    @Test
    void an_api_that_cannot_be_reached_is_a_503_refusal() {
        api.close();
        assertThatThrownBy(() -> apis.view("/api/search", Apis.parameters()))
                .isInstanceOfSatisfying(ApiRefusedException.class, e -> assertThat(e.status()).isEqualTo(503));
    }
}
