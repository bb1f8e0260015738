package de.gremium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.platform.refusal.FieldError;
import de.gremium.platform.refusal.Refusal;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The one handler gives every kind of refusal one status and one stable problem type. */
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsAdviceTest {

    /** One refusal of each kind, with the status and type it must answer. */
    static final Map<Refusal, List<Object>> EXPECTED = Map.of(
            Refusal.invalid("title", "must not be blank"), List.of(400, "urn:gremium:problem:validation-failed"),
            Refusal.forbidden("Only the author of this report can change it."), List.of(403, "urn:gremium:problem:forbidden"),
            Refusal.notFound("The indicator SPR-01"), List.of(404, "urn:gremium:problem:not-found"),
            Refusal.conflict("The report is closed."), List.of(409, "urn:gremium:problem:rule-violation"),
            Refusal.notReady("The working group has not been constituted yet."), List.of(503, "urn:gremium:problem:store-unavailable"),
            Refusal.sourceFailed("https://example.org/oparl", "unreachable", new IOException("refused")),
            List.of(502, "urn:gremium:problem:calendar-source-failed"),
            Refusal.notAcceptable("Accept", "none of the formats is acceptable to 'application/xml'"),
            List.of(406, "urn:gremium:problem:not-acceptable"));

    @Test
    void aRefusalForNotBeingReadyTellsWhenToAskAgainAndNoOtherDoes() {
        ProblemDetailsAdvice advice = new ProblemDetailsAdvice(List.of());

        assertThat(advice.refused(Refusal.notReady("The search index is still being built.")).getHeaders()
                .getFirst("Retry-After")).isEqualTo("5");
        assertThat(advice.refused(Refusal.conflict("The report is closed.")).getHeaders().getFirst("Retry-After")).isNull();
    }

    @Test
    void everyKindOfRefusalAnswersWithItsOwnStatusAndProblemType() {
        assertThat(EXPECTED.keySet()).extracting(Object::getClass)
                .as("a sample of every kind").containsExactlyInAnyOrder(Refusal.class.getPermittedSubclasses());
        EXPECTED.forEach((refusal, expected) -> {
            ProblemDetail problem = ProblemDetailsAdvice.problemOf(refusal);
            assertThat(problem.getStatus()).as(refusal.getClass().getSimpleName()).isEqualTo(expected.get(0));
            assertThat(problem.getType()).hasToString((String) expected.get(1));
        });
    }

    @Test
    void anInvalidValueNamesItsFieldAndTheReason() {
        ProblemDetail problem = ProblemDetailsAdvice.problemOf(Refusal.invalid("title", "must not be blank"));

        assertThat(problem.getDetail()).isEqualTo("must not be blank");
        assertThat(problem.getProperties()).containsEntry("errors", List.of(new FieldError("title", "must not be blank")));
    }

    @Test
    void aListOfProblemsKeepsItsSummaryAndEveryField() {
        List<FieldError> errors = List.of(new FieldError("row 4: sex", "'divers' is not a value of SEX"),
                new FieldError("row 6", "same period and breakdown as row 2"));

        ProblemDetail problem = ProblemDetailsAdvice.problemOf(Refusal.invalid("Problems in 2 of 5 rows; nothing was recorded.",
                errors));

        assertThat(problem.getDetail()).isEqualTo("Problems in 2 of 5 rows; nothing was recorded.");
        assertThat(problem.getProperties()).containsEntry("errors", errors);
    }

    @Test
    void aConflictWithTheStateAsAWholeNamesNoField() {
        ProblemDetail problem = ProblemDetailsAdvice.problemOf(Refusal.conflict("The report is closed."));

        assertThat(problem.getProperties()).as(String.valueOf(problem.getProperties())).isNullOrEmpty();
    }

    @Test
    void aFailedSourceNamesTheUrlAndSaysThatNothingWasImported() {
        ProblemDetail problem = ProblemDetailsAdvice.problemOf(Refusal.sourceFailed("https://example.org/oparl",
                "https://example.org/oparl answered 500", null));

        assertThat(problem.getDetail()).isEqualTo("https://example.org/oparl answered 500; nothing was imported.");
        assertThat(problem.getProperties()).containsEntry("errors",
                List.of(new FieldError("url", "https://example.org/oparl answered 500; nothing was imported.")));
    }

    @Test
    void anUnexpectedFailureAnswers500AndLogsItsStackTrace(CapturedOutput output) {
        ResponseEntity<ProblemDetail> answer = new ProblemDetailsAdvice(List.of())
                .unexpected(new IllegalStateException("the disk is full"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(output.getAll()).contains("unexpected failure", "IllegalStateException: the disk is full")
                .containsPattern("(?m)^\\s+at [\\w$.]+\\(");
    }

    @Test
    void aRefusalIsAnsweredWithoutAStackTraceInTheLog(CapturedOutput output) {
        ProblemDetailsAdvice advice = new ProblemDetailsAdvice(List.of());

        EXPECTED.keySet().stream().filter(r -> !(r instanceof Refusal.SourceFailed)).forEach(advice::refused);

        assertThat(output.getAll()).doesNotContainPattern("(?m)^\\s+at [\\w$.]+\\(");
    }
}
