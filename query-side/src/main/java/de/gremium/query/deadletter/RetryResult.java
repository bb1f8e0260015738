package de.gremium.query.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;

/** What one drain of a processing group's dead-letter queue did. */
@Schema(description = "The result of draining one processing group's dead-letter queue")
public record RetryResult(
        String processingGroup,
        @Schema(description = "Sequences handled completely and removed from the queue")
        int processed,
        @Schema(description = "Sequences tried in which an event failed again (it and the events behind it stay parked, in order)")
        int failed,
        @Schema(description = "Sequences in the queue after the drain (failed ones, and any parked meanwhile)")
        long remaining,
        @Schema(description = "Events in the queue after the drain")
        long remainingLetters) {
}
