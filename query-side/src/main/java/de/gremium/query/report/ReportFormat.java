package de.gremium.query.report;

import de.gremium.query.api.FormatChoice;
import de.gremium.query.export.ExportFormat;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** The report as JSON, Markdown, HTML or a CSV table ({@link ReportCsv}), chosen by {@link FormatChoice}. */
enum ReportFormat {
    JSON(MediaType.APPLICATION_JSON),
    MARKDOWN(new MediaType("text", "markdown", StandardCharsets.UTF_8)),
    HTML(new MediaType("text", "html", StandardCharsets.UTF_8)),
    CSV(ExportFormat.CSV.askedAs()),
    CSV_SEMICOLON(ExportFormat.CSV_SEMICOLON.askedAs());

    private final MediaType mediaType;

    ReportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    static ReportFormat of(String format, String accept) {
        return FormatChoice.of(ReportFormat.class, ReportFormat::mediaType, format, accept);
    }
}
