package de.gremium.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerExceptionResolver;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfiguration {

    /**
     * Runs after Spring Security's chain (order -100): keys are scoped to the authenticated user. Its
     * own store failures are answered by the MVC exception resolvers, as the controllers' are.
     */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            ObjectMapper mapper, Clock clock, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptions,
            @Value("${gremium.idempotency.retention:24h}") Duration retention) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(
                new IdempotencyRecords(jdbc), new TransactionTemplate(transactions), mapper, clock, exceptions, retention));
        registration.setOrder(0);
        return registration;
    }

    @Bean
    IdempotencyCleanUp idempotencyCleanUp(JdbcTemplate jdbc, Clock clock,
            @Value("${gremium.idempotency.retention:24h}") Duration retention) {
        return new IdempotencyCleanUp(new IdempotencyRecords(jdbc), clock, retention);
    }
}
