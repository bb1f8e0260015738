package de.gremium.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    /** Runs after Spring Security's chain (order -100): keys are scoped to the authenticated user. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(MongoTemplate mongo, ObjectMapper mapper, Clock clock) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(mongo, mapper, clock));
        registration.setOrder(0);
        return registration;
    }
}
