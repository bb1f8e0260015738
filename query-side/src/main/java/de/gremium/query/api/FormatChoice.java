package de.gremium.query.api;

import de.gremium.platform.refusal.Refusal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Chooses the representation of a view that comes in several formats: {@code ?format=…} decides;
 * without it, {@code Accept} does, by quality, and the first format (JSON) wins a tie, so that a client
 * that sends no Accept header or {@code *}{@code /*} gets JSON while a browser asking for
 * {@code text/html} first gets the page. (Mappings with {@code produces} would not do: Spring prefers
 * them for {@code *}{@code /*}.)
 */
public final class FormatChoice {

    private FormatChoice() {
    }

    /**
     * @param formats   the formats in order of preference on a tie (JSON first)
     * @param mediaType the media type of each format
     * @param format    the {@code format} request parameter, may be null
     * @param accept    the {@code Accept} header, may be null
     */
    public static <E extends Enum<E>> E of(Class<E> formats, Function<E, MediaType> mediaType, String format, String accept) {
        E[] candidates = formats.getEnumConstants();
        if (format != null) {
            try {
                return Enum.valueOf(formats, format.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("format", "'" + format + "' is not a format; use "
                        + Arrays.stream(candidates).map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
            }
        }
        E best = candidates[0];
        if (accept == null || accept.isBlank()) {
            return best;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return best;
        }
        for (E candidate : candidates) {
            if (quality(mediaType.apply(candidate), accepted) > quality(mediaType.apply(best), accepted)) {
                best = candidate;
            }
        }
        return best;
    }

    private static double quality(MediaType type, List<MediaType> accepted) {
        MediaType plain = new MediaType(type.getType(), type.getSubtype());
        return accepted.stream().filter(a -> a.includes(plain)).mapToDouble(MediaType::getQualityValue).max().orElse(0);
    }
}
