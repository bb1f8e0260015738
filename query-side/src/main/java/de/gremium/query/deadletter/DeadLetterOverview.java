package de.gremium.query.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The dead-letter queues of the query side's projections, and the groups that have none. */
@Schema(description = "The dead-letter queues of the query side's projections")
public record DeadLetterOverview(
        @Schema(description = "One entry per processing group with a dead-letter queue, by name")
        List<GroupQueue> processingGroups,
        @Schema(description = "Processing groups without a queue: they stop on a failing event instead (audit-log, search)")
        List<String> withoutDeadLetterQueue) {

    /** One processing group's queue. */
    @Schema(description = "One processing group's dead-letter queue")
    public record GroupQueue(
            String processingGroup,
            @Schema(description = "Parked sequences: aggregates whose events wait in the queue")
            long sequences,
            @Schema(description = "Parked events in all sequences: each failed one and those queued behind it")
            long letters,
            @Schema(description = "The parked sequences, oldest first letter first")
            List<ParkedSequence> parked) {
    }

    /** One parked aggregate: how many of its events wait, and the first of them, the one that failed. */
    @Schema(description = "One parked sequence (one aggregate)")
    public record ParkedSequence(
            @Schema(description = "The sequence identifier: the aggregate id")
            String sequence,
            long letters,
            Letter first) {
    }

    /** A parked event and why it is parked. */
    @Schema(description = "A parked event")
    public record Letter(
            String eventId,
            @Schema(description = "The event's simple class name, e.g. ProblemReportDetailsAdded")
            String eventType,
            String aggregateType,
            String aggregateId,
            Long sequenceNumber,
            @Schema(description = "The exception the handler threw (absent for an event only queued behind another)")
            Cause cause,
            @Schema(description = "When the event was parked")
            Instant enqueuedAt,
            @Schema(description = "When it was parked or last retried")
            Instant lastTouched,
            @Schema(description = "Failed handling attempts: 1 when parked, one more per failed retry")
            int failedAttempts) {
    }

    /** The exception class and its message (cut to 1023 characters, as Axon cuts it). */
    public record Cause(String type, String message) {
    }
}
