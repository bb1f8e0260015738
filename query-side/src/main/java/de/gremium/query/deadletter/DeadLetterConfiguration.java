package de.gremium.query.deadletter;

import de.gremium.platform.record.RecordSchema;
import de.gremium.query.audit.AuditLogProjection;
import de.gremium.query.search.ErasedSearchIndex;
import de.gremium.query.search.SearchProjection;
import de.gremium.query.view.ErasedViews;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * A sequenced dead-letter queue in the record (PostgreSQL, Axon's {@link JdbcSequencedDeadLetterQueue}) for every
 * projection of the query side except the audit log (docs/dead-letters.md).
 *
 * <p>Without it, Axon's default error handler logs a failing event handler and the processor moves on:
 * the view silently misses that event for good. With it, the failing event is parked in the
 * {@code dead_letter_entry} table together with every later event of the same aggregate (the
 * processors' sequencing policy, sequential per aggregate), while all other aggregates and all other
 * projections keep flowing. {@link DeadLetters} drains a queue once the cause is fixed.
 *
 * <p>The audit log gets none on purpose: its hash chain is one global order of all events, so a parked
 * event and the events parked behind it would be chained later, out of order, or not at all. It keeps
 * its propagating error handler ({@code AuditLogConfiguration}) and stops until the cause is fixed.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    /**
     * Processing groups that must stop rather than skip: the audit log's hash chain; and the search, whose index and
     * token are in memory (a letter parked in the record would outlive the index it belongs to); and the rebuilds after
     * an erasure, which must not be skipped.
     */
    static final Set<String> WITHOUT_QUEUE = Set.of(AuditLogProjection.GROUP, SearchProjection.GROUP, ErasedViews.GROUP,
            ErasedSearchIndex.GROUP);

    /**
     * Distinct aggregates one projection may park. A bug that hits every aggregate of a kind fills this
     * soon; then the queue refuses the next new sequence and the processor stops and retries (Axon's
     * propagating processor error handler) instead of parking half the store: loud, and nothing skipped.
     */
    static final int MAX_SEQUENCES = 256;

    /**
     * Letters one parked aggregate may hold. The busiest sequence is the working group's (every member
     * event), a few hundred a year; when full, the processor stops and retries as above.
     */
    static final int MAX_SEQUENCE_SIZE = 1024;

    /**
     * Registers the queue per processing group found on a Spring bean's {@link ProcessingGroup}, which is
     * how Axon assigns the query side's handlers to processors. Each group's invoker clears its queue
     * when the processor is reset: a replay hands every event, the parked ones included, to the handlers
     * again, and stale letters would otherwise park the replayed history of their aggregates behind them.
     */
    @Bean
    ConfigurerModule projectionDeadLetterQueues(ConnectionProvider connectionProvider, TransactionManager transactionManager,
            ListableBeanFactory beans) {
        return configurer -> configurer.eventProcessing(processing -> {
            Set<String> groups = projectionGroups(beans);
            log.info("Dead-letter queues for processing groups {}", groups);
            groups.forEach(group -> register(processing, group, connectionProvider, transactionManager));
        });
    }

    private static void register(EventProcessingConfigurer processing, String group, ConnectionProvider connectionProvider,
            TransactionManager transactionManager) {
        processing
                .registerDeadLetterQueue(group, config -> queue(group, connectionProvider, transactionManager, config))
                .registerDeadLetterPolicy(group, config -> new ParkingPolicy(group))
                // the cache answers "not parked" from memory while the segment's queue is empty (it is cleared
                // when the segment is released); without it every event asked the store (sequenceSize), which
                // was a third of a replay's time
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (config, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache());
    }

    /**
     * Axon's JDBC queue on the record's {@code dead_letter_entry} table (shared by all groups, told apart by its
     * {@code processing_group} column; created by the platform's Flyway migration, named by
     * {@link RecordSchema#deadLetters()}). The event and its metadata are written with the event serializer, Jackson
     * like the record's events, so a parked event reads the same as a stored one; the tracking token and the
     * letters' diagnostics with the general serializer. Its statements run on the connection of the current
     * transaction: a letter parked by a processor's batch commits together with that batch's token.
     */
    static SequencedDeadLetterQueue<EventMessage<?>> queue(String group, ConnectionProvider connectionProvider,
            TransactionManager transactionManager, org.axonframework.config.Configuration config) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(RecordSchema.deadLetters())
                .genericSerializer(config.serializer())
                .eventSerializer(config.eventSerializer())
                .maxSequences(MAX_SEQUENCES)
                .maxSequenceSize(MAX_SEQUENCE_SIZE)
                .build();
    }

    /** The processing groups of the Spring beans' handlers, without the ones that must stop instead. */
    static Set<String> projectionGroups(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            ProcessingGroup group = type == null ? null : AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
            if (group != null && !WITHOUT_QUEUE.contains(group.value())) {
                groups.add(group.value());
            }
        }
        return groups;
    }
}
