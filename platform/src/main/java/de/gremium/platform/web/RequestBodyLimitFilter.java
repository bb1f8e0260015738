package de.gremium.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies above the limit with 413 before anything parses them, whether the client declared
 * the length or streamed it chunked, and keeps the accepted body for later filters.
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

    private void tooLarge(HttpServletResponse response) throws IOException {
        // the rest of an oversized body is not read; tell the client the connection will not be reused
        response.setHeader("Connection", "close");
        Problems.write(response, mapper, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.TOO_LARGE,
                "Request body too large", "The request body exceeds " + limitBytes / 1024 + " KiB."));
    }
}
