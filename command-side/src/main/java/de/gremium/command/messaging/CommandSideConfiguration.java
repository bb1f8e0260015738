package de.gremium.command.messaging;

import de.gremium.platform.store.Durability;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.commandhandling.CommandMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration {

    /**
     * Every query to the embedded store scans a collection, so aggregates are kept between commands.
     * One cache per aggregate type (prototype: Axon asks for it once per aggregate's repository): a
     * cache shared by all types hands out the aggregate cached under an id to whichever repository asks,
     * so a meeting's id sent to a report's endpoint reached the meeting (500s: no handler, class cast).
     * Uncached, such an id loads another type's events; see {@link CommandProblemsAdvice} and
     * {@link AggregateReader}.
     */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    /** Commands are stamped with this clock at the edge; aggregates never read a clock themselves. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A command is acknowledged only after its events are written to the store's file: once the unit
     * of work committed, the store is flushed (a group commit of the embedded server's MVStore, a no-op
     * on a real MongoDB, whose w=majority/journal acknowledgement already means durable). The MVStore
     * commit survives a crash of the process; it does not fsync, so an OS crash or power loss can
     * still lose the last commands (see docs/adr/0002-embedded-store-and-launcher.md).
     */
    @Bean
    InitializingBean durableCommands(CommandBus commandBus, Durability durability) {
        MessageHandlerInterceptor<CommandMessage<?>> flushAfterCommit = (unitOfWork, chain) -> {
            unitOfWork.afterCommit(u -> durability.flush());
            return chain.proceed();
        };
        return () -> commandBus.registerHandlerInterceptor(flushAfterCommit);
    }
}
