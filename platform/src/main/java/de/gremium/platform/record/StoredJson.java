package de.gremium.platform.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The JSON of everything Axon stores in the record: events, snapshots, tracking tokens (a {@code ReplayToken} after
 * a reset too), sagas and dead letters. Jackson 2, in exactly the settings under which every stored row was written
 * (Spring Boot 3.5's mapper with {@code gremium/platform-defaults.properties}): nulls left out, dates as ISO text,
 * and an unknown field, a field given twice or anything after the value refused. Built here, in code, rather than
 * taken from the application's mapper, so that a change of the HTTP edge's JSON can never change the record's
 * (docs/adr/0004-spring-boot-4.md). The golden fixtures' test reads every fixture with this serializer.
 */
public final class StoredJson {

    private StoredJson() {
    }

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                // what Spring's Jackson2ObjectMapperBuilder, under Boot 3.5, registered and turned off by itself
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule())
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                // Boot's defaults
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // gremium's: refuse what a record type does not know, a duplicate field and trailing content
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /** Axon's Jackson 2 serializer over {@link #objectMapper()}, revisions from {@code @Revision}. */
    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(StoredJson.class.getClassLoader()))
                .objectMapper(objectMapper())
                .build();
    }
}
