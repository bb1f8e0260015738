package de.gremium.query.view;

import de.gremium.query.problem.ProblemBoardProjection;
import de.gremium.query.trace.TraceProjection;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The processors whose projections only write, and so collect their writes per batch ({@link ViewWrites}). */
@Configuration(proxyBeanMethods = false)
class ViewWritesConfiguration {

    static final List<String> BATCHED = List.of(ProblemBoardProjection.GROUP, TraceProjection.GROUP);

    @Bean
    ConfigurerModule batchedViewWrites(ViewWrites writes) {
        return configurer -> configurer.eventProcessing(processing -> BATCHED.forEach(group ->
                processing.registerHandlerInterceptor(group, config -> new FlushViewWrites(writes))));
    }
}
