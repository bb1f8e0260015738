package de.gremium.query.deadletter;

import de.gremium.platform.refusal.Refusal;
import de.gremium.query.export.CsvColumns;
import de.gremium.query.export.Export;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordinator's view of the parked events, and the drain after a fix (docs/dead-letters.md). These
 * read and change processor state, not a view, so they call {@link DeadLetters} directly rather than
 * going through the query bus.
 */
@RestController
@RequestMapping("/api/dead-letters")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Dead letters", description = "Events a projection failed to handle, parked per aggregate until a fix; "
        + "retrying them after the fix")
class DeadLetterController {

    /** One row per parked sequence, its processing group first. */
    static final CsvColumns<ParkedRow> PARKED = CsvColumns.<ParkedRow>column("processingGroup", ParkedRow::processingGroup)
            .and("sequence", r -> r.parked().sequence())
            .and("letters", r -> r.parked().letters())
            .and("first", r -> r.parked().first(), CsvColumns.of(DeadLetterOverview.Letter.class));

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "What each projection has parked", description = """
            One entry per processing group with a dead-letter queue (every projection except audit-log, which \
            stops on a failing event instead, to keep its hash chain whole, and search, whose index and token are in \
            memory, and the rebuilds after an erasure, erased-views and erased-search, which retry instead; they are \
            listed under withoutDeadLetterQueue). sequences counts the parked aggregates, letters the parked events. parked lists \
            each sequence with its number of letters and its first letter: the event that failed, with its type, \
            aggregate, sequence number, the exception (cause.type, cause.message), when it was parked (enqueuedAt), \
            last retried (lastTouched) and how often it failed (failedAttempts). The events behind it in the same \
            aggregate wait, in order; other aggregates and other projections are not held up.

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per parked sequence; columns \
            processingGroup, sequence, letters, first.eventId, first.eventType, first.aggregateType, \
            first.aggregateId, first.sequenceNumber, first.cause.type, first.cause.message, first.enqueuedAt, \
            first.lastTouched, first.failedAttempts. Groups with nothing parked have no row.""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DeadLetterOverview.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> overview(@Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        return export.view(deadLetters.overview(), o -> o.processingGroups().stream().flatMap(group -> group.parked().stream()
                .map(parked -> new ParkedRow(group.processingGroup(), parked))).toList(), PARKED, "dead-letters");
    }

    @PostMapping("/{processingGroup}/retry")
    @Operation(summary = "Drain one processing group's dead-letter queue", description = """
            Hands every parked sequence, oldest first, to the projection's handlers again, through Axon's \
            SequencedDeadLetterProcessor: letter by letter in their order, each removed once handled. When a letter \
            fails again, it and the letters behind it stay parked (its cause and failedAttempts updated), and that \
            sequence is not tried twice in one call. Answers how many sequences were processed (handled \
            completely), how many failed again, and how many sequences and letters remain. Call it after the cause is fixed (a deployed \
            fix, repaired data); calling it again on an empty queue processes nothing and changes no view. Runs \
            synchronously, in the request.""")
    @ApiResponse(responseCode = "200", description = "The drain ran; see processed, failed and remaining")
    @ApiResponse(responseCode = "404", description = "No such processing group, or one without a dead-letter queue (audit-log, search)")
    RetryResult retry(@Parameter(description = "The processing group, e.g. problem-board") @PathVariable String processingGroup) {
        return deadLetters.retry(processingGroup).orElseThrow(
                () -> Refusal.notFound("A dead-letter queue of processing group " + processingGroup));
    }

    /** A row of the dead letters' CSV. */
    record ParkedRow(String processingGroup, DeadLetterOverview.ParkedSequence parked) {
    }
}
