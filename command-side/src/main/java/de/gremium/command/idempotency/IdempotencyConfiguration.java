package de.gremium.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerExceptionResolver;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    /**
     * Runs after Spring Security's chain (order -100): keys are scoped to the authenticated user. Its
     * own store failures are answered by the MVC exception resolvers, as the controllers' are.
     */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            ObjectMapper mapper, Clock clock, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptions) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(
                new IdempotencyRecords(jdbc), new TransactionTemplate(transactions), mapper, clock, exceptions));
        registration.setOrder(0);
        return registration;
    }
}
