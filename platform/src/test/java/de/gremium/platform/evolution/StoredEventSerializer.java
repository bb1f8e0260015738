package de.gremium.platform.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The event serializer as the app builds it, without starting the app: Axon's auto-configuration
 * wraps Spring Boot's {@code ObjectMapper} in a {@link JacksonSerializer} with the annotation
 * revision resolver. {@code ObjectMapperSettingsTest} keeps this mapper in step with
 * {@code gremium/platform-defaults.properties} and with what Boot builds from it.
 */
final class StoredEventSerializer {

    private StoredEventSerializer() {
    }

    static ObjectMapper objectMapper() {
        return Jackson2ObjectMapperBuilder.json()
                // Boot's own defaults (JacksonAutoConfiguration)
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                        SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // spring.jackson.deserialization.fail-on-unknown-properties=true, fail-on-trailing-tokens=true
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // spring.jackson.parser.strict-duplicate-detection=true
                .featuresToEnable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                // spring.jackson.serialization.write-dates-as-timestamps=false (above)
                // spring.jackson.default-property-inclusion=non_null
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    static JacksonSerializer create() {
        return JacksonSerializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(StoredEventSerializer.class.getClassLoader()))
                .objectMapper(objectMapper())
                .build();
    }
}
