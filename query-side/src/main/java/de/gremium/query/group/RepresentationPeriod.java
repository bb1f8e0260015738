package de.gremium.query.group;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member represented a unit from {@code from} until {@code until} (null: still does). One period
 * per appointment; its id is the member id and the appointment's sequence number, so a redelivered
 * appointment finds its period instead of opening a second one.
 */
@Document("member_directory_representation")
@CompoundIndex(name = "unit_period", def = "{'unit': 1, 'from': 1}")
public record RepresentationPeriod(
        @Id String id,
        String memberId,
        String name,
        String unit,
        Instant from,
        Instant until,
        long fromSequence,
        Long untilSequence) {
}
