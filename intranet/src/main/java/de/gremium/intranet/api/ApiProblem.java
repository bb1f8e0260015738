package de.gremium.intranet.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A refusal of either API as RFC 9457 describes it ({@code docs/api-errors.md}): type, title, status, detail and the
 * fields concerned with their reasons (English, free text; {@code RefusalTexts} puts them into German).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiProblem(String type, String title, int status, String detail, List<FieldError> errors) {

    public ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String reason) {
    }

    /** What the intranet says when an API cannot be reached or answers with something that is no problem document. */
    public static ApiProblem unavailable(int status, String detail) {
        return new ApiProblem("urn:gremium:intranet:unavailable", "Service unavailable", status, detail, List.of());
    }
}
