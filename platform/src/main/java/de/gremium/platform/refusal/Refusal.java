package de.gremium.platform.refusal;

import java.util.List;

/**
 * Why a request is refused, in the domain's words. Aggregates, the command side's services and both sides'
 * controllers throw one of its kinds; the platform's one exception handler ({@code ProblemDetailsAdvice}) gives
 * each kind its status and problem type, so the same rule answers the same everywhere:
 * <ul>
 * <li>{@link Invalid}: the request's own values break a rule, each field named (400 {@code validation-failed});</li>
 * <li>{@link Forbidden}: the caller's role allows the action, but not on this resource (403 {@code forbidden});</li>
 * <li>{@link NotFound}: the resource the request names does not exist (404 {@code not-found});</li>
 * <li>{@link Conflict}: the resource's state does not allow it (409 {@code rule-violation});</li>
 * <li>{@link NotReady}: the system cannot decide yet, retry in a moment (503 {@code store-unavailable});</li>
 * <li>{@link SourceFailed}: a source the caller asked to import could not be read (502
 * {@code calendar-source-failed});</li>
 * <li>{@link NotAcceptable}: the resource comes in no format the request accepts (406 {@code not-acceptable}).</li>
 * </ul>
 * The JDK is its only dependency (ArchUnit checks it), so that aggregates may use it.
 */
public abstract sealed class Refusal extends RuntimeException
        permits Refusal.Invalid, Refusal.Forbidden, Refusal.NotFound, Refusal.Conflict, Refusal.NotReady,
        Refusal.SourceFailed, Refusal.NotAcceptable {

    private final List<FieldError> errors;

    private Refusal(String detail, List<FieldError> errors, Throwable cause) {
        super(detail, cause);
        this.errors = List.copyOf(errors);
    }

    /** The fields the refusal concerns, each with its reason; empty when it concerns the resource as a whole. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The first field the refusal names, or null when it names none. */
    public String field() {
        return errors.isEmpty() ? null : errors.get(0).field();
    }

    /** One value of the request is wrong; the reason is also the detail. */
    public static Invalid invalid(String field, String reason) {
        return new Invalid(reason, List.of(new FieldError(field, reason)));
    }

    /** Several values are wrong, all listed (the rows of a file, the targets of a measure). */
    public static Invalid invalid(String detail, List<FieldError> errors) {
        return new Invalid(detail, errors);
    }

    public static Forbidden forbidden(String detail) {
        return new Forbidden(detail, List.of());
    }

    /** Forbidden because of what the request asks of one field (e.g. a view as of a past instant). */
    public static Forbidden forbidden(String field, String detail) {
        return new Forbidden(detail, List.of(new FieldError(field, detail)));
    }

    /** {@code what} names the resource, e.g. "The indicator SPR-01". */
    public static NotFound notFound(String what) {
        return new NotFound(what + " does not exist.");
    }

    /** The state as a whole forbids it. */
    public static Conflict conflict(String detail) {
        return new Conflict(detail, List.of());
    }

    /** The state forbids what the request asks of one field (e.g. a code already defined). */
    public static Conflict conflict(String field, String detail) {
        return new Conflict(detail, List.of(new FieldError(field, detail)));
    }

    public static NotReady notReady(String detail) {
        return new NotReady(detail);
    }

    /** {@code source} names what was read (a URL, an upload); the detail says what went wrong with it. */
    public static SourceFailed sourceFailed(String source, String detail) {
        return new SourceFailed(source, detail, null);
    }

    public static SourceFailed sourceFailed(String source, String detail, Throwable cause) {
        return new SourceFailed(source, detail, cause);
    }

    /** The resource comes in no format that {@code field} (the Accept header) accepts; the reason lists those it has. */
    public static NotAcceptable notAcceptable(String field, String reason) {
        return new NotAcceptable(reason, List.of(new FieldError(field, reason)));
    }

    /** The request's own values break a rule: 400. */
    public static final class Invalid extends Refusal {
        private Invalid(String detail, List<FieldError> errors) {
            super(detail, errors, null);
        }
    }

    /** The role allows the action in general, but not on this resource (e.g. not its author): 403. */
    public static final class Forbidden extends Refusal {
        private Forbidden(String detail, List<FieldError> errors) {
            super(detail, errors, null);
        }
    }

    /** The resource the request names does not exist: 404. */
    public static final class NotFound extends Refusal {
        private NotFound(String detail) {
            super(detail, List.of(), null);
        }
    }

    /** The resource's state does not allow the request (it conflicts with what already happened): 409. */
    public static final class Conflict extends Refusal {
        private Conflict(String detail, List<FieldError> errors) {
            super(detail, errors, null);
        }
    }

    /** Nothing can be decided yet (the group is not constituted in the first moments after the first start): 503. */
    public static final class NotReady extends Refusal {
        private NotReady(String detail) {
            super(detail, List.of(), null);
        }
    }

    /**
     * A source the caller asked to import is unreachable, answers with an error, is too large or not what its
     * format promises; nothing was recorded: 502.
     */
    public static final class SourceFailed extends Refusal {
        private final String source;

        private SourceFailed(String source, String detail, Throwable cause) {
            super(detail, List.of(), cause);
            this.source = source;
        }

        /** The URL (or upload name) of the source that failed. */
        public String source() {
            return source;
        }
    }

    /** The resource comes in no format the request accepts: 406. */
    public static final class NotAcceptable extends Refusal {
        private NotAcceptable(String detail, List<FieldError> errors) {
            super(detail, errors, null);
        }
    }
}
