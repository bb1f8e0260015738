package de.gremium.command.calendar;

import de.gremium.platform.web.ApiException;
import de.gremium.platform.web.ProblemTypes;
import de.gremium.platform.web.Problems;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Translates a failing source and a refused sync into problem documents. */
@RestControllerAdvice(assignableTypes = BlockedCalendarController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BlockedCalendarProblemsAdvice {

    /** A problem type of this package's own; the platform's list names none for a failing upstream source. */
    static final URI SOURCE_FAILED = URI.create("urn:gremium:problem:calendar-source-failed");

    private static final Logger log = LoggerFactory.getLogger(BlockedCalendarProblemsAdvice.class);

    @ExceptionHandler(CalendarSourceException.class)
    ResponseEntity<ProblemDetail> sourceFailed(CalendarSourceException e) {
        log.warn("calendar source {} failed: {}", e.source(), e.getMessage());
        return Problems.response(new ApiException(HttpStatus.BAD_GATEWAY, SOURCE_FAILED, "Calendar source failed",
                e.getMessage() + "; nothing was imported.", "url"));
    }

    @ExceptionHandler(BlockedCalendarRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(BlockedCalendarRuleViolation e) {
        return Problems.response(e.stale()
                ? new ApiException(HttpStatus.CONFLICT, ProblemTypes.RULE_VIOLATION, "Not allowed in this state",
                        e.getMessage(), e.field())
                : new ApiException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", e.getMessage(),
                        e.field()));
    }
}
