package de.gremium.query.audit;

import java.time.Instant;

/**
 * What a walk along the hash chain found.
 *
 * @param verified           links checked and found intact, from position 1 on
 * @param intact             whether every link was intact
 * @param firstBrokenEventId the event of the first link that is not intact, or null
 * @param position           that link's position, or null
 * @param reason             {@value #CONTENT_CHANGED}, {@value #EVENT_MISSING} or {@value #LINK_BROKEN}, or null
 * @param headChainHash      the chain hash of the last intact link (of the origin when there is none):
 *                           published elsewhere, it lets a later check prove that the chain was not
 *                           rewritten up to here
 * @param storedEvents       rows in the record's {@code domain_event_entry}; more than {@code verified}
 *                           when the audit processor has not caught up yet, or when events were slipped
 *                           into the record where the processor does not look (see docs/audit.md)
 * @param checkedAt          when the walk ended
 */
public record ChainVerification(long verified, boolean intact, String firstBrokenEventId, Long position, String reason,
        String headChainHash, long storedEvents, Instant checkedAt) {

    /** The stored row no longer hashes to what was chained. */
    public static final String CONTENT_CHANGED = "content changed";
    /** No stored row has the chained event's id any more. */
    public static final String EVENT_MISSING = "event missing";
    /** The link itself does not fit: a position is missing, or a hash does not follow from its predecessor. */
    public static final String LINK_BROKEN = "chain link broken";
}
