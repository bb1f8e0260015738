package de.gremium.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id of the server's own, echoes it ({@code X-Correlation-Id}), logs with it, and
 * hands it to the commands the request sends. A caller's {@code X-Correlation-Id} (when it is sane) is kept apart as
 * the client's reference: echoed as {@code X-Client-Correlation-Id}, logged and recorded as
 * {@code clientCorrelationId}, never taken for the server's id, so that no client can join its events to another
 * request's chain or pick the id an operator searches the record and the logs for.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String CLIENT_HEADER = "X-Client-Correlation-Id";
    public static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
    public static final String CLIENT_ATTRIBUTE = CorrelationIdFilter.class.getName() + ".client";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, correlationId);
        response.setHeader(HEADER, correlationId);
        MDC.put("correlationId", correlationId);
        String given = request.getHeader(HEADER);
        boolean clientGaveOne = given != null && SANE.matcher(given).matches();
        if (clientGaveOne) {
            request.setAttribute(CLIENT_ATTRIBUTE, given);
            response.setHeader(CLIENT_HEADER, given);
            MDC.put("clientCorrelationId", given);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("correlationId");
            MDC.remove("clientCorrelationId");
        }
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }

    /** The caller's own reference ({@code X-Correlation-Id} as sent), if it sent a sane one. */
    public static Optional<String> clientsOf(HttpServletRequest request) {
        return Optional.ofNullable(request.getAttribute(CLIENT_ATTRIBUTE)).map(Object::toString);
    }
}
