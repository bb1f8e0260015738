package de.gremium.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.platform.refusal.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses what a web page of another origin can make a browser send with the credentials it holds for the API
 * (HTTP Basic is sent along on its own): a request whose {@code Origin} is neither the API's own nor one of the
 * allowed origins is refused with 403, and a command ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE})
 * whose body is not of a media type the API reads with 415, whatever the endpoint, so that a form or a
 * {@code text/plain} body never reaches a command without a body. Requests without {@code Origin} (programs, the
 * intranet's server) pass the first check unless the browser says they come from another site
 * ({@code Sec-Fetch-Site: cross-site} or {@code same-site}: an {@code <img>} or a link sends no {@code Origin} but
 * would carry cached Basic credentials); commands without a body and without {@code Content-Type} pass the second.
 * Runs before authentication and before any body is read.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> COMMANDS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Set<String> allowedOrigins;
    private final List<MediaType> commandTypes;
    private final ObjectMapper mapper;

    CrossSiteRequestFilter(List<String> allowedOrigins, List<MediaType> commandTypes, ObjectMapper mapper) {
        this.allowedOrigins = allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty())
                .map(CrossSiteRequestFilter::normalised).collect(Collectors.toUnmodifiableSet());
        this.commandTypes = List.copyOf(commandTypes);
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        boolean allowedOrigin = origin != null && (isOwn(origin, request) || allowedOrigins.contains(normalised(origin)));
        if ((origin != null || fromAnotherSite(request)) && !allowedOrigin) {
            ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FOREIGN_ORIGIN, "Foreign origin",
                    "Requests from web pages of another origin are refused.");
            problem.setProperty("errors", List.of(origin != null ? new FieldError("Origin", "not an allowed origin")
                    : new FieldError("Sec-Fetch-Site", "sent from a web page of another site without an allowed Origin")));
            Problems.write(response, mapper, problem);
            return;
        }
        if (COMMANDS.contains(request.getMethod()) && !readable(request)) {
            response.setHeader("Accept", commandTypes.stream().map(MediaType::toString).collect(Collectors.joining(", ")));
            ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported Media Type", "Commands take a body of type "
                            + commandTypes.stream().map(MediaType::toString).collect(Collectors.joining(", ")) + ".");
            problem.setProperty("errors", List.of(new FieldError("Content-Type", "not a media type the API reads")));
            Problems.write(response, mapper, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** What a browser says of where the request comes from; {@code same-origin}, {@code none} or no header pass. */
    private static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && ("cross-site".equalsIgnoreCase(site.trim()) || "same-site".equalsIgnoreCase(site.trim()));
    }

    private boolean readable(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || contentType.isBlank()) {
            return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return commandTypes.stream().anyMatch(accepted -> accepted.includes(type) && !type.isWildcardType()
                    && !type.isWildcardSubtype());
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /** The origin of the request itself: the browser sends {@code Origin} on same-origin writes too. */
    private static boolean isOwn(String origin, HttpServletRequest request) {
        String own = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        return normalised(origin).equals(normalised(own));
    }

    /** {@code scheme://host:port} in lower case, with the scheme's default port; anything unreadable stays as given. */
    static String normalised(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return origin;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException unreadable) {
            return origin;
        }
    }
}
