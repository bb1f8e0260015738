package de.gremium.query.monitoring;

import de.gremium.platform.web.ApiException;
import de.gremium.platform.web.ProblemTypes;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Chooses between JSON and CSV: {@code ?format=json|csv} decides; without it, {@code Accept} does, by
 * quality, and JSON wins a tie, so that a client that sends no Accept header or {@code *}{@code /*} gets
 * JSON. (A second mapping with {@code produces = "text/csv"} would not do: Spring prefers it for
 * {@code *}{@code /*}.) The same rule serves the advisory council report; it belongs in the query side's
 * {@code api} package once more than these two need it.
 */
enum ResponseFormat {
    JSON(MediaType.APPLICATION_JSON),
    CSV(MediaType.parseMediaType("text/csv"));

    private final MediaType mediaType;

    ResponseFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static ResponseFormat of(String format, String accept) {
        if (format != null) {
            try {
                return valueOf(format.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                        "'" + format + "' is not a format; use json or csv", "format");
            }
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
        return quality(CSV, accepted) > quality(JSON, accepted) ? CSV : JSON;
    }

    private static double quality(ResponseFormat format, List<MediaType> accepted) {
        return accepted.stream().filter(a -> a.includes(format.mediaType)).mapToDouble(MediaType::getQualityValue)
                .max().orElse(0);
    }
}
