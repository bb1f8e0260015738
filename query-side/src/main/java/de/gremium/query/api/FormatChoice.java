package de.gremium.query.api;

import de.gremium.platform.refusal.Refusal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The one place where the representation of a view is chosen, for every view that comes in several formats
 * ({@code de.gremium.query.export.ExportFormat}: JSON, CSV, CSV with semicolons; the report adds Markdown and
 * HTML). {@code ?format=…} decides; without it, {@code Accept} does, as RFC 9110 (section 12.5.1) says: each
 * format takes the quality of the most specific range that matches it ({@code text/csv;sep=semicolon} before
 * {@code text/csv} before {@code text/*} before {@code *}{@code /*}); the highest quality wins, then the format a
 * range names without a wildcard, then the first format (JSON). So no Accept header and {@code *}{@code /*} get
 * JSON, {@code text/csv, *}{@code /*} gets CSV, and a browser asking for {@code text/html} first gets the page.
 * (Mappings with {@code produces} would not do: Spring prefers them for {@code *}{@code /*}.)
 *
 * <p>Nothing is answered in a format the caller did not ask for: an unknown {@code format} is a 400 naming
 * {@code format}; an Accept header that none of the formats matches, or that is not a list of media types, is a
 * 406 naming {@code Accept} and listing the formats there are. A format's parameters other than {@code charset}
 * must match a range that names them ({@code sep=semicolon} is not {@code sep=comma}).
 */
public final class FormatChoice {

    private static final int NO_MATCH = -1;

    private FormatChoice() {
    }

    /**
     * @param formats   the formats in order of preference on a tie (JSON first)
     * @param mediaType the media type each format is asked for by
     * @param format    the {@code format} request parameter, may be null
     * @param accept    the {@code Accept} header, may be null
     */
    public static <E extends Enum<E>> E of(Class<E> formats, Function<E, MediaType> mediaType, String format, String accept) {
        E[] candidates = formats.getEnumConstants();
        if (format != null) {
            return named(formats, format);
        }
        if (accept == null || accept.isBlank()) {
            return candidates[0];
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw notAcceptable(candidates, mediaType, "'" + accept + "' is not a list of media types");
        }
        E best = null;
        double bestQuality = 0;
        int bestSpecificity = NO_MATCH;
        for (E candidate : candidates) {
            MediaType type = mediaType.apply(candidate);
            MediaType range = mostSpecific(type, accepted);
            if (range == null || range.getQualityValue() <= 0) {
                continue;
            }
            double quality = range.getQualityValue();
            int specificity = Math.min(specificity(range, type), 2); // a wildcard, or the type named
            if (quality > bestQuality || quality == bestQuality && specificity > bestSpecificity) {
                best = candidate;
                bestQuality = quality;
                bestSpecificity = specificity;
            }
        }
        if (best == null) {
            throw notAcceptable(candidates, mediaType, "none of the formats is acceptable to '" + accept + "'");
        }
        return best;
    }

    /** The name of a format as {@code ?format=} takes it: {@code CSV_SEMICOLON} is {@code csv-semicolon}. */
    public static String name(Enum<?> format) {
        return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> E named(Class<E> formats, String format) {
        String wanted = format.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(formats.getEnumConstants()).filter(f -> name(f).equals(wanted)).findFirst()
                .orElseThrow(() -> Refusal.invalid("format", "'" + format + "' is not a format; use "
                        + Arrays.stream(formats.getEnumConstants()).map(FormatChoice::name).collect(Collectors.joining(", "))));
    }

    /** The range that says most about the type (RFC 9110: a more specific range overrides a less specific one). */
    private static MediaType mostSpecific(MediaType type, List<MediaType> accepted) {
        MediaType best = null;
        int bestSpecificity = NO_MATCH;
        for (MediaType range : accepted) {
            int specificity = specificity(range, type);
            if (specificity > bestSpecificity) {
                best = range;
                bestSpecificity = specificity;
            }
        }
        return best;
    }

    /**
     * {@value #NO_MATCH} when the range does not match the type; 0 for {@code *}{@code /*}, 1 for {@code text/*},
     * 2 for the type itself, and one more for each of the type's parameters the range names with the same value.
     */
    private static int specificity(MediaType range, MediaType type) {
        if (!range.includes(new MediaType(type.getType(), type.getSubtype()))) {
            return NO_MATCH;
        }
        int specificity = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
        for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
            if (parameter.getKey().equalsIgnoreCase("charset")) {
                continue;
            }
            String asked = unquoted(range.getParameter(parameter.getKey()));
            if (asked != null && !asked.equalsIgnoreCase(unquoted(parameter.getValue()))) {
                return NO_MATCH;
            }
            if (asked != null) {
                specificity++;
            }
        }
        return specificity;
    }

    private static String unquoted(String value) {
        return value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static <E extends Enum<E>> Refusal.NotAcceptable notAcceptable(E[] candidates,
            Function<E, MediaType> mediaType, String why) {
        List<MediaType> supported = Arrays.stream(candidates).map(mediaType).toList();
        String reason = why + "; this resource comes as " + supported.stream().map(MediaType::toString)
                .collect(Collectors.joining(", ")) + " (or ask with ?format="
                + Arrays.stream(candidates).map(FormatChoice::name).collect(Collectors.joining(", ?format=")) + ")";
        return Refusal.notAcceptable("Accept", reason);
    }
}
