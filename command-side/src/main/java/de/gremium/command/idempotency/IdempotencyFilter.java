package de.gremium.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.platform.security.CurrentUser;
import de.gremium.platform.web.CachedBodyRequest;
import de.gremium.platform.refusal.FieldError;
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
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A {@code POST} with an {@code Idempotency-Key} has exactly one effect, however often and however concurrently
 * it is sent: the first one that succeeds is answered as usual, every other one gets that first answer again
 * (header {@code Idempotent-Replayed: true}).
 *
 * <p>The whole request runs in one transaction of the record: the key is claimed first (a row in
 * {@code idempotency_record}), the command's events are appended in the same transaction (Axon's units of work
 * join it with savepoints), and the answer is written into the claimed row before the commit. So the key, the
 * events and the answer are stored together or not at all: a crash before the commit leaves nothing, a
 * retry runs afresh. Requests with the same key that arrive while the first runs wait for its commit (the
 * unique key) and then replay its answer. A request that fails (4xx, 5xx) rolls everything back, so the client
 * may correct it and send it again with the same key.
 *
 * <p>The record keeps a digest of the whole request (method, path, query and body): the same key with another
 * request is refused with 422 naming {@code Idempotency-Key}. A record holds its key for {@code retention}
 * ({@code gremium.idempotency.retention}); afterwards the key runs as new, and {@link IdempotencyCleanUp} removes
 * the record.
 *
 * <p>Failures of the record itself (it is away, or the commit failed) are answered as the controller advice
 * answers the controllers' ({@code exceptions}: 503 with Retry-After), not left to the container's 500.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String SCOPED_KEY = IdempotencyFilter.class.getName() + ".scopedKey";
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyRecords records;
    private final TransactionTemplate transactions;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HandlerExceptionResolver exceptions;
    private final Duration retention;

    IdempotencyFilter(IdempotencyRecords records, TransactionTemplate transactions, ObjectMapper mapper, Clock clock,
            HandlerExceptionResolver exceptions, Duration retention) {
        this.retention = retention;
        this.records = records;
        this.transactions = transactions;
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
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String requestHash = sha256((request.getMethod() + " " + request.getRequestURI() + query + "\n")
                .getBytes(StandardCharsets.UTF_8), body);

        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        Optional<IdempotencyRecord> first;
        try {
            first = transactions.execute(transaction -> {
                Instant now = clock.instant();
                Optional<IdempotencyRecord> existing = records.claim(id, requestHash, now, now.minus(retention));
                if (existing.isPresent()) {
                    transaction.setRollbackOnly();
                    return existing;
                }
                // the claim's time tells this use of the key from one before the record expired
                request.setAttribute(SCOPED_KEY, scopedKey + "\u0000" + now.toEpochMilli());
                run(chain, new CachedBodyRequest(request, body), captured);
                int status = captured.getStatus();
                if (status >= 200 && status < 300) {
                    records.complete(id, status, captured.getHeader(HttpHeaders.LOCATION), captured.getContentType(),
                            captured.getContentAsByteArray());
                } else {
                    transaction.setRollbackOnly();
                }
                return Optional.<IdempotencyRecord>empty();
            });
        } catch (ChainFailure failure) {
            throw failure.rethrow();
        } catch (RuntimeException storeFailure) {
            // the claim or the commit failed: nothing of this request is stored, whatever the captured answer says;
            // its status, headers (Location, Content-Type) and body are dropped before the refusal is written
            captured.reset();
            if (exceptions.resolveException(request, response, null, storeFailure) == null) {
                throw storeFailure;
            }
            return;
        }
        if (first.isEmpty()) {
            captured.copyBodyToResponse();
        } else if (!first.get().requestHash().equals(requestHash)) {
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IDEMPOTENCY_MISMATCH,
                    "Idempotency-Key reused", "This Idempotency-Key was already used for a different request.");
            problem.setProperty("errors", List.of(new FieldError(HEADER, "already used for another request")));
            Problems.write(response, mapper, problem);
        } else {
            replay(first.get(), response);
        }
    }

    private static void run(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new ChainFailure(e);
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

    /** A checked failure of the filter chain, carried out of the transaction callback (which rolls back). */
    private static final class ChainFailure extends RuntimeException {
        private final Exception failure;

        ChainFailure(Exception failure) {
            super(failure);
            this.failure = failure;
        }

        IOException rethrow() throws ServletException {
            if (failure instanceof ServletException servlet) {
                throw servlet;
            }
            return (IOException) failure;
        }
    }
}
