package de.gremium.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import de.gremium.platform.refusal.FieldError;
import de.gremium.platform.refusal.Refusal;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one exception handler of both sides: every refusal as {@code application/problem+json}, saying what went
 * wrong, and for bad input which field and why, so that a client can fix the request without reading server logs.
 * Each kind of {@link Refusal} has one status and problem type here, whichever rule refused; so have Axon's
 * refusals (an unknown aggregate, a stale version, a concurrent write) and the framework's (bad JSON, a broken
 * constraint, a denied role).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        if (refusal instanceof Refusal.SourceFailed failed) {
            log.warn("source {} failed: {}", failed.source(), failed.getMessage());
        }
        ProblemDetail problem = problemOf(refusal);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
        if (refusal instanceof Refusal.NotReady) {
            // not ready is a moment's state, like a store outage: tell the client when to ask again
            answer.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The status, type and title of each kind; {@code errors} lists the fields it names. */
    static ProblemDetail problemOf(Refusal refusal) {
        if (refusal instanceof Refusal.SourceFailed) {
            // the import endpoints name the source "url"; what failed is the caller's to fix or to retry later
            String detail = refusal.getMessage() + "; nothing was imported.";
            return withErrors(Problems.of(HttpStatus.BAD_GATEWAY, ProblemTypes.CALENDAR_SOURCE_FAILED,
                    "Calendar source failed", detail), List.of(new FieldError("url", detail)));
        }
        ProblemDetail problem;
        if (refusal instanceof Refusal.Invalid) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", refusal.getMessage());
        } else if (refusal instanceof Refusal.Forbidden) {
            problem = Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", refusal.getMessage());
        } else if (refusal instanceof Refusal.NotFound) {
            problem = Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", refusal.getMessage());
        } else if (refusal instanceof Refusal.Conflict) {
            problem = Problems.of(HttpStatus.CONFLICT, ProblemTypes.RULE_VIOLATION, "Not allowed in this state",
                    refusal.getMessage());
        } else if (refusal instanceof Refusal.NotAcceptable) {
            problem = Problems.of(HttpStatus.NOT_ACCEPTABLE, ProblemTypes.NOT_ACCEPTABLE, "Not acceptable",
                    refusal.getMessage());
        } else if (refusal instanceof Refusal.NotReady) {
            problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.STORE_UNAVAILABLE, "Not ready",
                    refusal.getMessage());
        } else {
            throw new IllegalStateException("a kind of refusal without a status: " + refusal.getClass(), refusal);
        }
        return withErrors(problem, refusal.errors());
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> noAggregate(AggregateNotFoundException e) {
        return refused(Refusal.notFound("The resource " + e.getAggregateIdentifier()));
    }

    /**
     * The id names an aggregate of another type (a meeting's id sent to a report's endpoint): its events
     * do not make an aggregate of this type, so there is none of this type. ({@code @Aggregate}'s
     * {@code filterEventsByType} would say so with AggregateNotFoundException, but Axon's Spring Boot
     * lookup does not pass it on.)
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> aggregateOfAnotherType(IncompatibleAggregateException e) {
        return refused(Refusal.notFound("The resource"));
    }

    /** If-Match named a version the aggregate is no longer (or not yet) at. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        String detail = "The resource is at version " + e.getActualVersion() + ", not " + e.getExpectedVersion()
                + " as If-Match said; read it again and retry.";
        return concurrentModification(detail, List.of(new FieldError("If-Match", detail)));
    }

    /** Another write to the same aggregate won the race (a unique key of the record), or the id exists already. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        return concurrentModification("Someone else changed the resource at the same moment; read it again and retry.",
                List.of());
    }

    private static ResponseEntity<ProblemDetail> concurrentModification(String detail, List<FieldError> errors) {
        ProblemDetail problem = withErrors(Problems.of(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Concurrent modification",
                detail), errors);
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN,
                ProblemTypes.FORBIDDEN, "Forbidden", "Your role does not allow this action."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String reason = "'" + e.getValue() + "' is not a valid value" + allowedValues(e.getRequiredType());
        return ResponseEntity.badRequest().body(Problems.invalid("Parameter '" + e.getName() + "' is invalid.",
                List.of(new FieldError(e.getName(), reason))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid("The request has invalid values.", errors));
    }

    private final List<StoreOutage> outages;

    public ProblemDetailsAdvice(List<StoreOutage> outages) {
        this.outages = List.copyOf(outages);
    }

    ResponseEntity<ProblemDetail> storeUnavailable(Throwable e) {
        log.warn("store unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.STORE_UNAVAILABLE, "Store unavailable",
                        "The data store cannot be reached right now. Retry later; send the same Idempotency-Key so that a "
                                + "request that did reach the store is not applied twice."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Throwable failure = cause;
            if (outages.stream().anyMatch(outage -> outage.isOutage(failure))) {
                return storeUnavailable(failure);
            }
        }
        log.error("unexpected failure", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL, "Internal error", "The request could not be completed."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(Problems.invalid("The request has invalid fields.", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid("The request has invalid parameters.", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof TemporalBoundsModule.OutOfBounds bounds) {
            // well-formed, but outside the dates the domain can use: a bad value, like a broken constraint
            return ResponseEntity.badRequest().body(Problems.invalid("The request has invalid fields.",
                    List.of(new FieldError(path(bounds), bounds.getOriginalMessage()))));
        }
        FieldError error;
        if (cause instanceof UnrecognizedPropertyException u) {
            error = new FieldError(path(u), "unknown field; allowed: " + u.getKnownPropertyIds());
        } else if (cause instanceof InvalidFormatException f) {
            error = new FieldError(path(f), "'" + f.getValue() + "' is not a valid value" + allowedValues(f.getTargetType()));
        } else if (cause instanceof MismatchedInputException m && m.getOriginalMessage() != null
                && m.getOriginalMessage().startsWith("Trailing token")) {
            // spring.jackson.deserialization.fail-on-trailing-tokens: a second value would have been ignored
            error = new FieldError("$", "unexpected content after the JSON value: send exactly one JSON value");
        } else if (cause instanceof MismatchedInputException m) {
            error = new FieldError(path(m), "expected " + describe(m.getTargetType()));
        } else if (cause instanceof JsonParseException p) {
            error = new FieldError("$", "malformed JSON at line " + p.getLocation().getLineNr()
                    + ", column " + p.getLocation().getColumnNr() + ": " + p.getOriginalMessage());
        } else if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            error = new FieldError(path(m), m.getOriginalMessage());
        } else {
            error = new FieldError("$", "a JSON request body is required");
        }
        ProblemDetail problem = Problems.invalid("The request body cannot be read.", List.of(error));
        problem.setType(ProblemTypes.MALFORMED);
        problem.setTitle("Malformed request");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return ResponseEntity.badRequest().body(Problems.invalid("A required header is missing.",
                    List.of(new FieldError(missing.getHeaderName(), "header is required"))));
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.invalid("A required parameter is missing.",
                List.of(new FieldError(e.getParameterName(), "parameter is required"))));
    }

    /** Spring's own problems (405, 415, 406, ...) get our type URIs' style but keep their status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() != null
                && "about:blank".equals(problem.getType().toString())) {
            if (status.value() == 405) {
                problem.setType(ProblemTypes.METHOD_NOT_ALLOWED);
            } else if (status.value() == 415) {
                problem.setType(ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
            } else if (status.value() == 406) {
                problem.setType(ProblemTypes.NOT_ACCEPTABLE);
            } else if (status.value() == 404) {
                problem.setType(ProblemTypes.NOT_FOUND);
            } else if (status.is4xxClientError()) {
                problem.setType(ProblemTypes.MALFORMED);
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static String allowedValues(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "; allowed: " + Arrays.toString(type.getEnumConstants());
        }
        return type == null ? "" : "; expected " + describe(type);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object";
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
