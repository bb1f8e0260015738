package de.gremium.query.person;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.events.group.MemberId;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The right of access (GDPR Article 15): everything stored about one person, for the coordinator, who answers such a
 * request as the data-protection contact's helper. The answer is written while the record and the views are read
 * ({@link PersonalData}), so it is not a query's answer held in memory; whether the person is known is asked first, as
 * a query, so that an unknown one is answered 404 before anything is written.
 */
@RestController
@RequestMapping("/api/people")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Data-protection rights", description = "Access (GDPR Art. 15): everything stored about one person")
class PersonalDataController {

    static final int USER_ID_MAX = 200;
    /** The command side's rule for a user id (ErasureController, GroupController): what it would accept. */
    private static final Pattern USER_ID = Pattern.compile(MemberId.FORM);

    private static final Logger log = LoggerFactory.getLogger(PersonalDataController.class);

    private final QueryGateway queries;
    private final PersonalData personalData;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    PersonalDataController(QueryGateway queries, PersonalData personalData, ObjectMapper json) {
        this.queries = queries;
        this.personalData = personalData;
        this.json = json;
    }

    @GetMapping("/{userId}/export")
    @Operation(summary = "Everything stored about one person (GDPR Art. 15)", description = """
            One JSON document: userId, exportedAt, events (every stored event the person caused, metadata userId, or \
            that names them, a payload value equal to the user id, in the record's order, each with eventId, type, \
            typeFullName, timestamp, globalIndex, aggregate, relation [caused, named], metaData and payload, read \
            through the record's serializer like every other read; of an event someone else caused only what is \
            about the person: another person's ids and names read "[andere Person]", other text \
            "[nicht über die Person]") and views (per view collection, of every document with a value equal to the \
            user id its _id and the paths to those values) and notifications (every e-mail of the outbox addressed to \
            the person, oldest first, with its fields as in /api/notifications/outbox/{id}: subject, address, status, \
            and the bodies while they are kept). 400 for a user id the command side would not accept. Streamed as it is read: one pass over the whole record and \
            the views (see docs/security.md for the cost). 404 if nothing stored names the person.""")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(type = "object", description = "userId, exportedAt, events, views, notifications")))
    void export(@Parameter(description = "The person's user id, as in the events' metadata") @PathVariable String userId,
            HttpServletResponse response) throws IOException {
        if (!USER_ID.matcher(userId).matches()) {
            throw Refusal.invalid("userId", "a user id of 1 to " + USER_ID_MAX + " letters, digits, . _ @ -");
        }
        Boolean known = queries.query(new FetchPersonKnown(userId), ResponseTypes.instanceOf(Boolean.class)).join();
        if (!Boolean.TRUE.equals(known)) {
            throw Refusal.notFound("person " + userId);
        }
        long started = System.nanoTime();
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("personal-data-" + userId.replaceAll("[^A-Za-z0-9._-]", "_") + ".json").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        PersonalData.Counts counts;
        try (JsonGenerator out = json.getFactory().createGenerator(response.getOutputStream(), JsonEncoding.UTF8)) {
            counts = personalData.write(userId, Instant.now(clock), out);
        }
        // who asked and how much went out; the person asked about is not logged (the log is not an export of its own)
        log.info("Personal data export (GDPR Art. 15) written for coordinator {}: {} events, {} view documents and {} "
                + "e-mails in {} ms", CurrentUser.id(), counts.events(), counts.viewDocuments(), counts.notifications(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
