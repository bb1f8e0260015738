package de.gremium.command.monitoring;

import de.gremium.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Lists every problem of a refused file or adoption; the platform's problems name one field each. */
@RestControllerAdvice(assignableTypes = {IndicatorController.class, MeasureController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class MonitoringProblemsAdvice {

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.invalid(e.getMessage(), e.errors()));
    }
}
