package de.gremium.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Duration;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The edge both sides share: correlation ids, cross-site refusals, the body limit and deadline, problem details,
 * the bounds of dates ({@link TemporalBounds}) and the OpenAPI document.
 */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class WebAutoConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Right after Spring Security's chain: an unauthenticated request is refused before any of its body is read,
     * and Tomcat then reads no more of it either ({@link #slowBodies}).
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ObjectMapper mapper,
            @Value("${gremium.web.max-body-bytes:65536}") int limit,
            @Value("${gremium.web.body-deadline:10s}") Duration deadline) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit, deadline, mapper));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * A body may pause at most {@code gremium.web.body-read-timeout} between two reads (Tomcat's upload timeout; the
     * read fails and the connection is closed), and Tomcat reads ("swallows") nothing of a body the application left
     * unread: a refused request's connection is closed instead of held open while the rest trickles in.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> slowBodies(
            @Value("${gremium.web.body-read-timeout:5s}") Duration readTimeout) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setDisableUploadTimeout(false);
                http.setConnectionUploadTimeout((int) readTimeout.toMillis());
                http.setMaxSwallowSize(0);
            }
        });
    }

    /** Foreign origins and unreadable command bodies are refused before authentication and before any body is read. */
    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(ObjectMapper mapper,
            @Value("${gremium.security.allowed-origins:}") List<String> allowedOrigins,
            @Value("${gremium.web.command-media-types:application/json,application/*+json,text/calendar,text/csv}") List<MediaType> types) {
        FilterRegistrationBean<CrossSiteRequestFilter> registration =
                new FilterRegistrationBean<>(new CrossSiteRequestFilter(allowedOrigins, types, mapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
        return registration;
    }

    /** After the correlation id (so that the refusal carries it), before anything reads the request. */
    @Bean
    FilterRegistrationBean<ControlCharacterFilter> controlCharacterFilter(ObjectMapper mapper) {
        FilterRegistrationBean<ControlCharacterFilter> registration = new FilterRegistrationBean<>(new ControlCharacterFilter(mapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /**
     * Request bodies are checked as they are read: the converters that read them get a copy of the application's
     * ObjectMapper with {@link TemporalBoundsModule} (dates within the domain's range) and
     * {@link ControlCharacters#module()} (no control characters in text). The ObjectMapper bean itself stays as it
     * is, because Axon, the audit log and the OParl reader read stored and fetched JSON with it.
     */
    @Bean
    WebMvcConfigurer checkedRequestBodies() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                for (int i = 0; i < converters.size(); i++) {
                    if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json) {
                        // a converter of its own: Boot's converter bean is shared beyond Spring MVC
                        MappingJackson2HttpMessageConverter bounded = new MappingJackson2HttpMessageConverter(
                                json.getObjectMapper().copy().registerModule(new TemporalBoundsModule())
                                        .registerModule(ControlCharacters.module()));
                        bounded.setSupportedMediaTypes(json.getSupportedMediaTypes());
                        converters.set(i, bounded);
                    }
                }
            }
        };
    }

    /** Dates in query, path and header parameters are checked once Spring has converted them. */
    @Bean
    static BeanPostProcessor temporalBoundsInParameters() {
        return new TemporalParameterBounds();
    }

    /**
     * Tomcat's own refusals (a request line it cannot decode) as problem documents: after Boot's
     * customizer (order 0) has put its ErrorReportValve on the host, that valve is replaced by ours.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new ProblemErrorReports();
    }

    static final class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** What every API description says about dates, once. */
    static final String DATES = "\n\nEvery date, date-time and instant the API takes (bodies, query and path parameters, "
            + "CSV periods) lies in " + TemporalBounds.RANGE + "; an instant or a date-time with an offset is checked in UTC. "
            + "A value outside is refused with 400 urn:gremium:problem:validation-failed naming the field.";

    @Bean
    OpenAPI gremiumOpenApi(@Value("${gremium.api.title}") String title,
            @Value("${gremium.api.description:}") String description) {
        return new OpenAPI()
                .info(new Info().title(title).version("1").description(description + DATES))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Embedded default: the users file (demo users in the README)"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT").description("Production: Keycloak access token")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
