package de.gremium.query.monitoring;

import de.gremium.query.api.FormatChoice;
import org.springframework.http.MediaType;

/** The monitoring views as JSON or CSV, chosen by {@link FormatChoice}. */
enum ResponseFormat {
    JSON(MediaType.APPLICATION_JSON),
    CSV(MediaType.parseMediaType("text/csv"));

    private final MediaType mediaType;

    ResponseFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static ResponseFormat of(String format, String accept) {
        return FormatChoice.of(ResponseFormat.class, f -> f.mediaType, format, accept);
    }
}
