package de.gremium.query.deadletter;

import de.gremium.query.deadletter.DeadLetterOverview.Cause;
import de.gremium.query.deadletter.DeadLetterOverview.GroupQueue;
import de.gremium.query.deadletter.DeadLetterOverview.Letter;
import de.gremium.query.deadletter.DeadLetterOverview.ParkedSequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads and drains the projections' dead-letter queues through Axon's own contracts: the
 * {@link SequencedDeadLetterQueue} for what is parked, the processing group's
 * {@link SequencedDeadLetterProcessor} (its dead-lettering handler invoker) to hand parked events to the
 * same handlers again, whole sequences at a time and in order.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Every event processor of the query side: its queue, or its name among those without one. */
    public DeadLetterOverview overview() {
        List<GroupQueue> queues = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (String group : new TreeSet<>(processing.eventProcessors().keySet())) {
            Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(group);
            if (queue.isPresent()) {
                queues.add(describe(group, queue.get()));
            } else {
                without.add(group);
            }
        }
        return new DeadLetterOverview(queues, without);
    }

    /**
     * Drains one group's queue: tries every parked sequence once, oldest first. A sequence whose letters
     * all succeed is removed; in one where a letter fails again, that letter and the ones behind it stay
     * (their order kept, the failed attempt counted), and it is not tried a second time in this drain.
     * Empty when the group has no queue.
     *
     * <p>A loop on {@link SequencedDeadLetterProcessor#processAny()} would not do: it answers false both
     * when a sequence failed again and when nothing is left, so the loop either stops at the first sequence
     * that still fails, or cannot tell when it is done (a failed letter is touched and offered again after
     * the others). The filter here refuses the sequences this drain already tried, and the drain ends when
     * no sequence is left to try.
     */
    public Optional<RetryResult> retry(String group) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor = processing.sequencedDeadLetterProcessor(group);
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(group);
        if (processor.isEmpty() || queue.isEmpty()) {
            return Optional.empty();
        }
        Set<String> tried = new HashSet<>();
        int processed = 0;
        int failed = 0;
        while (true) {
            AtomicReference<String> picked = new AtomicReference<>();
            boolean drained = processor.get().process(letter -> {
                String sequence = sequenceOf(letter.message());
                if (tried.contains(sequence)) {
                    return false;
                }
                picked.set(sequence);
                return true;
            });
            if (picked.get() == null) {
                break;
            }
            tried.add(picked.get());
            if (drained) {
                processed++;
            } else {
                failed++;
            }
        }
        RetryResult result = new RetryResult(group, processed, failed, queue.get().amountOfSequences(), queue.get().size());
        log.info("Dead letters of {} retried: {} sequences processed, {} failed again, {} remain", group, processed,
                failed, result.remaining());
        return Optional.of(result);
    }

    private static GroupQueue describe(String group, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<ParkedSequence> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            DeadLetter<? extends EventMessage<?>> first = null;
            long letters = 0;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (first == null) {
                    first = letter;
                }
                letters++;
            }
            if (first != null) {
                parked.add(new ParkedSequence(sequenceOf(first.message()), letters, letter(first)));
            }
        }
        parked.sort(Comparator.comparing((ParkedSequence p) -> p.first().enqueuedAt()).thenComparing(ParkedSequence::sequence));
        // the totals are those of the sequences read above: counted by the queue in queries of their own, they could
        // include a letter parked meanwhile that the list does not show
        return new GroupQueue(group, parked.size(), parked.stream().mapToLong(ParkedSequence::letters).sum(), parked);
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Cause cause = letter.cause().map(c -> new Cause(c.type(), c.message())).orElse(null);
        return new Letter(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getType(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), cause, letter.enqueuedAt(), letter.lastTouched(),
                ParkingPolicy.failedAttempts(letter));
    }

    /**
     * The sequence a letter belongs to, as the processors' policy (sequential per aggregate) made it: the
     * aggregate id, or the event id for an event without an aggregate.
     */
    static String sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }
}
