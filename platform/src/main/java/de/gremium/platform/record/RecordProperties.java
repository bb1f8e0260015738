package de.gremium.platform.record;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the record is read and claimed ({@code gremium.record.*}).
 *
 * @param batchSize            events read per query by a tracking processor or a replay
 * @param gapTimeout           how long a gap in the global sequence (a transaction still in flight, or one that
 *                             rolled back) is waited for before a processor treats it as never to be filled
 * @param gapCleaningThreshold gaps a token carries before the ones older than the timeout are dropped
 * @param fetchDelay           how often a processor polls for events appended by another process
 * @param claimTimeout         how long a segment claimed by a process that stopped answering stays its own
 */
@ConfigurationProperties("gremium.record")
public record RecordProperties(Integer batchSize, Duration gapTimeout, Integer gapCleaningThreshold, Duration fetchDelay,
        Duration claimTimeout) {

    public RecordProperties {
        batchSize = batchSize == null ? 1000 : batchSize;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        gapCleaningThreshold = gapCleaningThreshold == null ? 250 : gapCleaningThreshold;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(50) : fetchDelay;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(10) : claimTimeout;
    }
}
