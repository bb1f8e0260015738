package de.gremium.query.deadletter;

import static org.axonframework.messaging.deadletter.ThrowableCause.truncated;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks every failure (Axon's default decision: enqueue, with the cause's message cut to 1023
 * characters, which the record's {@code cause_message} column holds), counts the failed attempts in the
 * letter's diagnostics, and says so in the log at WARN with the stack trace: on a live event nothing else
 * logs the exception (Axon's queue logs the letter only while its logger is at DEBUG).
 *
 * <p>Axon asks this policy when a handler fails on a live event and again when a retry of a parked
 * letter fails; either way the letter stays in the queue, in its place.
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    static final String FAILED_ATTEMPTS = "failedAttempts";

    private static final Logger log = LoggerFactory.getLogger(ParkingPolicy.class);

    private final String processingGroup;

    ParkingPolicy(String processingGroup) {
        this.processingGroup = processingGroup;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        int attempts = failedAttempts(letter) + 1;
        EventMessage<?> event = letter.message();
        String aggregate = event instanceof DomainEventMessage<?> domain
                ? domain.getType() + " " + domain.getAggregateIdentifier() + " #" + domain.getSequenceNumber()
                : "event " + event.getIdentifier();
        String type = event.getPayloadType().getSimpleName();
        if (attempts == 1) {
            log.warn("Processing group {} parked {} ({}): {}", processingGroup, type, aggregate, cause.toString(), cause);
        } else {
            // a failed retry: Axon's DeadLetteredEventProcessingTask has just logged the stack trace
            log.warn("Processing group {} keeps {} ({}) parked after failed attempt {}: {}", processingGroup, type,
                    aggregate, attempts, cause.toString());
        }
        return Decisions.enqueue(truncated(cause), l -> l.diagnostics().and(FAILED_ATTEMPTS, attempts));
    }

    static int failedAttempts(DeadLetter<?> letter) {
        return letter.diagnostics().get(FAILED_ATTEMPTS) instanceof Number n ? n.intValue() : 0;
    }
}
