package de.gremium.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies above the limit with 413 before anything parses them, whether the client declared
 * the length or streamed it chunked, and keeps the accepted body for later filters. A body declared
 * as a wildcard media type ({@code *}{@code /*}, {@code application/*}) is refused with 415: no endpoint
 * can read it, and Spring's body reading would fail on it with a 500.
 *
 * <p>A body must arrive whole within {@code deadline} of its first read: one that trickles in is answered with 408
 * and the connection closed, and one whose next bytes do not come within Tomcat's upload timeout fails the read
 * (see {@link WebAutoConfiguration}). This filter runs after authentication, so an unauthenticated request is refused
 * before any of its body is read.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final int limitBytes;
    private final ObjectMapper mapper;
    private final Duration deadline;

    public RequestBodyLimitFilter(int limitBytes, Duration deadline, ObjectMapper mapper) {
        this.limitBytes = limitBytes;
        this.deadline = deadline;
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
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long readUntil = System.nanoTime() + deadline.toNanos();
        boolean late = false;
        try (InputStream in = request.getInputStream()) {
            byte[] chunk = new byte[8192];
            int n;
            // checked before each read: nothing more is read once the body is too large or too late
            while (body.size() <= limitBytes && !late && (n = in.read(chunk)) != -1) {
                body.write(chunk, 0, n);
                late = System.nanoTime() - readUntil > 0;
            }
        } catch (IOException readFailed) {
            // the upload timeout ran out between two reads, or the client went away: Tomcat closes the connection
            late = true;
        }
        if (body.size() > limitBytes) {
            tooLarge(response);
            return;
        }
        if (late) {
            tooSlow(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body.toByteArray()), response);
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

    /** 408 makes Tomcat close the connection without reading (swallowing) the rest of the body. */
    private void tooSlow(HttpServletResponse response) {
        try {
            response.setHeader("Connection", "close");
            Problems.write(response, mapper, Problems.of(HttpStatus.REQUEST_TIMEOUT, ProblemTypes.REQUEST_TIMEOUT,
                    "Request body too slow", "The request body did not arrive within " + deadline.toSeconds() + " s."));
        } catch (IOException | IllegalStateException gone) {
            // the connection is already broken: nobody is left to tell
        }
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        // the rest of an oversized body is not read; tell the client the connection will not be reused
        response.setHeader("Connection", "close");
        Problems.write(response, mapper, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.TOO_LARGE,
                "Request body too large", "The request body exceeds " + limitBytes / 1024 + " KiB."));
    }
}
