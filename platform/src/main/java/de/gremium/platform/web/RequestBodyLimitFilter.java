package de.gremium.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies above the limit with 413 before anything parses them, whether the client declared
 * the length or streamed it chunked, and keeps the accepted body for later filters. A body declared
 * as a wildcard media type ({@code *}{@code /*}, {@code application/*}) is refused with 415: no endpoint
 * can read it, and Spring's body reading would fail on it with a 500.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final int limitBytes;
    private final ObjectMapper mapper;

    public RequestBodyLimitFilter(int limitBytes, ObjectMapper mapper) {
        this.limitBytes = limitBytes;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))) {
            chain.doFilter(request, response);
            return;
        }
        if (isWildcard(request.getContentType())) {
            Problems.write(response, mapper, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "The Content-Type names no definite media type; send e.g. application/json."));
            return;
        }
        if (request.getContentLengthLong() > limitBytes) {
            tooLarge(response);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(limitBytes + 1);
        }
        if (body.length > limitBytes) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unreadable) {
            return false; // refused with 415 where the endpoint's media types are matched
        }
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        // the rest of an oversized body is not read; tell the client the connection will not be reused
        response.setHeader("Connection", "close");
        Problems.write(response, mapper, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.TOO_LARGE,
                "Request body too large", "The request body exceeds " + limitBytes / 1024 + " KiB."));
    }
}
