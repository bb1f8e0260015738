package de.gremium.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.platform.refusal.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a path or query parameter with a control character (see {@link ControlCharacters}), naming it. */
final class ControlCharacterFilter extends OncePerRequestFilter {

    private final ObjectMapper mapper;

    ControlCharacterFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int forbidden = ControlCharacters.firstForbidden(request.getServletPath() + nullToEmpty(request.getPathInfo()));
        if (forbidden >= 0) {
            refuse(response, "path", forbidden);
            return;
        }
        // the query string only: reading the parameter map would consume a form body
        String query = request.getQueryString();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            forbidden = Math.max(ControlCharacters.firstForbidden(name), ControlCharacters.firstForbidden(value));
            if (forbidden >= 0) {
                refuse(response, name, forbidden);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, String field, int character) throws IOException {
        Problems.write(response, mapper, Problems.invalid("The request has invalid parameters.",
                List.of(new FieldError(ControlCharacters.firstForbidden(field) >= 0 ? "parameter name" : field,
                        ControlCharacters.reason(character)))));
    }

    /** As the servlet container decodes it; a malformed escape is left for the container to refuse. */
    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return part;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
