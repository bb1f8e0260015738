package de.gremium.command.messaging;

import java.time.Clock;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration {

    /**
     * Aggregates are kept between commands, so that a command does not read its aggregate's whole stream,
     * and only as stored ({@link CommittedAggregateCache}). With several command-side processes a kept
     * aggregate can be behind the record: its append then conflicts with the newer event (a unique key), the
     * unit of work rolls back and evicts it, and the request answers 409; a retry reads the aggregate afresh.
     * One cache per aggregate type (prototype: Axon asks for it once per aggregate's repository): a cache
     * shared by all types hands out the aggregate cached under an id to whichever repository asks,
     * so a meeting's id sent to a report's endpoint reached the meeting (500s: no handler, class cast).
     * Uncached, such an id loads another type's events; see {@link CommandProblemsAdvice} and
     * {@link AggregateReader}.
     */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Cache aggregateCache(AggregateCaches caches) {
        return caches.add(new CommittedAggregateCache(new WeakReferenceCache()));
    }

    /** Every aggregate cache, so that an erasure can empty them all (they hold aggregates read in plaintext). */
    @Bean
    AggregateCaches aggregateCaches() {
        return new AggregateCaches();
    }

    /** Commands are stamped with this clock at the edge; aggregates never read a clock themselves. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
