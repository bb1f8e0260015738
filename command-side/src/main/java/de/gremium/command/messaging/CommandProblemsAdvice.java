package de.gremium.command.messaging;

import de.gremium.command.NotPermitted;
import de.gremium.command.RuleViolation;
import de.gremium.command.problem.ProblemReportRuleViolation;
import de.gremium.platform.web.ApiException;
import de.gremium.platform.web.ProblemTypes;
import de.gremium.platform.web.Problems;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Translates what aggregates and Axon refuse into the API's problem documents. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblemsAdvice {

    @ExceptionHandler(ProblemReportRuleViolation.class)
    ResponseEntity<ProblemDetail> rule(ProblemReportRuleViolation e) {
        return render(new ApiException(HttpStatus.CONFLICT, ProblemTypes.RULE_VIOLATION, "Not allowed in this state",
                e.getMessage(), e.field()));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> rule(RuleViolation e) {
        return render(e.kind() == RuleViolation.Kind.INVALID
                ? new ApiException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", e.getMessage(), e.field())
                : new ApiException(HttpStatus.CONFLICT, ProblemTypes.RULE_VIOLATION, "Not allowed in this state",
                        e.getMessage(), e.field()));
    }

    @ExceptionHandler(NotPermitted.class)
    ResponseEntity<ProblemDetail> notPermitted(NotPermitted e) {
        return render(new ApiException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", e.getMessage(), null));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return render(ApiException.notFound("The resource " + e.getAggregateIdentifier()));
    }

    /**
     * The id names an aggregate of another type (a meeting's id sent to a report's endpoint): its events
     * do not make an aggregate of this type, so there is none of this type. ({@code @Aggregate}'s
     * {@code filterEventsByType} would say so with AggregateNotFoundException, but Axon's Spring Boot
     * lookup does not pass it on.)
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> otherType(IncompatibleAggregateException e) {
        return render(ApiException.notFound("The resource"));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        return render(new ApiException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Concurrent modification",
                "The resource is at version " + e.getActualVersion() + ", not " + e.getExpectedVersion()
                        + " as If-Match said; read it again and retry.", "If-Match"));
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        return render(new ApiException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Concurrent modification",
                "Someone else changed the resource at the same moment; read it again and retry.", null));
    }

    private ResponseEntity<ProblemDetail> render(ApiException e) {
        return Problems.response(e);
    }
}
