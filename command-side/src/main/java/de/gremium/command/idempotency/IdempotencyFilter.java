package de.gremium.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.platform.security.CurrentUser;
import de.gremium.platform.web.CachedBodyRequest;
import de.gremium.platform.web.FieldError;
import de.gremium.platform.web.ProblemTypes;
import de.gremium.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A retried {@code POST} with the same {@code Idempotency-Key} creates nothing twice and gets the
 * first answer again (header {@code Idempotent-Replayed: true}).
 *
 * <p>For requests that create something, crash safety does not rest on this record alone: the ids
 * they create are derived from user and key ({@link RequestIds}), so if the process dies after the
 * events were stored but before the answer was recorded, the retry runs into the existing aggregate
 * and the controller answers as the first time. A keyed request that changes an existing aggregate
 * and is retried after such a crash runs again and may be refused by the aggregate's state (409)
 * or, for additive changes such as details, be applied twice. Failed requests (4xx/5xx) leave no
 * record, so the client may correct and retry with the same key.
 *
 * <p>This filter reads and writes the store before and after the controller does, outside the reach
 * of the controller advice; a failure of its own store access (the store is away) is answered as the
 * advice answers the controllers' ({@code exceptions}: 503 with Retry-After), not left to the
 * container's 500. A pending record that cannot be removed then stays: a retry runs the request again.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String SCOPED_KEY = IdempotencyFilter.class.getName() + ".scopedKey";
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final MongoTemplate mongo;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HandlerExceptionResolver exceptions;

    public IdempotencyFilter(MongoTemplate mongo, ObjectMapper mapper, Clock clock, HandlerExceptionResolver exceptions) {
        this.mongo = mongo;
        this.mapper = mapper;
        this.clock = clock;
        this.exceptions = exceptions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || SecurityContextHolder.getContext().getAuthentication() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!SANE_KEY.matcher(key).matches()) {
            Problems.write(response, mapper, Problems.invalid("The Idempotency-Key header is invalid.",
                    List.of(new FieldError(HEADER, "must be 1 to 255 visible ASCII characters"))));
            return;
        }
        byte[] body = request instanceof CachedBodyRequest cached ? cached.body() : request.getInputStream().readAllBytes();
        String scopedKey = CurrentUser.id() + "\u0000" + key;
        String id = sha256(scopedKey.getBytes(StandardCharsets.UTF_8));
        String requestHash = sha256((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8), body);

        Optional<IdempotencyRecord> existing;
        try {
            existing = claim(id, requestHash);
        } catch (RuntimeException storeFailure) {
            if (exceptions.resolveException(request, response, null, storeFailure) == null) {
                throw storeFailure;
            }
            return;
        }
        if (existing.isPresent()) {
            IdempotencyRecord first = existing.get();
            if (!first.requestHash().equals(requestHash)) {
                ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IDEMPOTENCY_MISMATCH,
                        "Idempotency-Key reused", "This Idempotency-Key was already used for a different request.");
                problem.setProperty("errors", List.of(new FieldError(HEADER, "already used for another request")));
                Problems.write(response, mapper, problem);
                return;
            }
            if (first.completed()) {
                replay(first, response);
                return;
            }
            // pending: the first attempt is running or died; run again, derived ids keep it single
        }

        request.setAttribute(SCOPED_KEY, scopedKey);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean succeeded = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            succeeded = captured.getStatus() >= 200 && captured.getStatus() < 300;
            if (succeeded) {
                IdempotencyRecord done = IdempotencyRecord.pending(id, requestHash, clock.instant())
                        .completedWith(captured.getStatus(), captured.getHeader(HttpHeaders.LOCATION),
                                captured.getContentType(), captured.getContentAsByteArray());
                try {
                    mongo.save(done);
                } catch (RuntimeException storeFailure) {
                    log.warn("answer to Idempotency-Key not recorded, a retry runs the request again: {}", storeFailure.toString());
                }
            }
        } finally {
            if (!succeeded) {
                try {
                    mongo.remove(Query.query(Criteria.where("_id").is(id).and("completed").is(false)), IdempotencyRecord.class);
                } catch (RuntimeException storeFailure) {
                    log.warn("pending Idempotency-Key record not removed, a retry runs the request again: {}",
                            storeFailure.toString());
                }
            }
            captured.copyBodyToResponse();
        }
    }

    /** Inserts a pending record, or returns the one that is already there. */
    private Optional<IdempotencyRecord> claim(String id, String requestHash) {
        try {
            mongo.insert(IdempotencyRecord.pending(id, requestHash, clock.instant()));
            return Optional.empty();
        } catch (DuplicateKeyException alreadyThere) {
            return Optional.ofNullable(mongo.findById(id, IdempotencyRecord.class));
        }
    }

    private static void replay(IdempotencyRecord first, HttpServletResponse response) throws IOException {
        response.setStatus(first.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (first.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, first.location());
        }
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.body() != null) {
            response.getOutputStream().write(first.body());
        }
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
