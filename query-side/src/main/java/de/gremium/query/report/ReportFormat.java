package de.gremium.query.report;

import de.gremium.platform.web.ApiException;
import de.gremium.platform.web.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Chooses how the report is sent: {@code ?format=json|markdown|html} decides; without it, {@code Accept}
 * does, by quality, and JSON wins a tie, so that a client that sends no Accept header or {@code *}{@code /*}
 * gets JSON while a browser ({@code text/html} before {@code *}{@code /*;q=0.8}) gets the page. (Mappings
 * with {@code produces} would not do: Spring prefers them for {@code *}{@code /*}.) The monitoring's
 * {@code ResponseFormat} follows the same rule.
 */
enum ReportFormat {
    JSON(MediaType.APPLICATION_JSON),
    MARKDOWN(new MediaType("text", "markdown", StandardCharsets.UTF_8)),
    HTML(new MediaType("text", "html", StandardCharsets.UTF_8));

    private final MediaType mediaType;

    ReportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    static ReportFormat of(String format, String accept) {
        if (format != null) {
            try {
                return valueOf(format.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                        "'" + format + "' is not a format; use json, markdown or html", "format");
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
        ReportFormat best = JSON;
        for (ReportFormat candidate : values()) {
            if (quality(candidate, accepted) > quality(best, accepted)) {
                best = candidate;
            }
        }
        return best;
    }

    private static double quality(ReportFormat format, List<MediaType> accepted) {
        MediaType plain = new MediaType(format.mediaType.getType(), format.mediaType.getSubtype());
        return accepted.stream().filter(a -> a.includes(plain)).mapToDouble(MediaType::getQualityValue).max().orElse(0);
    }
}
