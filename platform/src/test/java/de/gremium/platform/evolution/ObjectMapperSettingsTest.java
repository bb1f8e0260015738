package de.gremium.platform.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.gremium.platform.PlatformDefaults;
import de.gremium.platform.record.StoredJson;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The record's JSON ({@link StoredJson}) is written and read with the settings the stored rows were written with:
 * those of Spring Boot's Jackson 2 mapper built from the platform defaults, which is also the HTTP edge's mapper.
 */
class ObjectMapperSettingsTest {

    private static final ObjectMapper RECORD_MAPPER = StoredJson.objectMapper();

    @Test
    void thePlatformDefaultsHoldExactlyTheJacksonSettingsTheRecordMapperApplies() throws IOException {
        Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("gremium/platform-defaults.properties"));
        Map<String, String> jackson = defaults.stringPropertyNames().stream()
                .filter(name -> name.startsWith("spring.jackson"))
                .collect(Collectors.toMap(name -> name, defaults::getProperty));

        assertThat(jackson).as("a new spring.jackson2 setting belongs in StoredJson too").containsOnly(
                entry("spring.jackson2.deserialization.fail-on-unknown-properties", "true"),
                entry("spring.jackson2.deserialization.fail-on-trailing-tokens", "true"),
                entry("spring.jackson2.serialization.write-dates-as-timestamps", "false"),
                entry("spring.jackson2.default-property-inclusion", "non_null"),
                entry("spring.jackson2.parser.strict-duplicate-detection", "true"));
        assertThat(RECORD_MAPPER.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
        assertThat(RECORD_MAPPER.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).isTrue();
        assertThat(RECORD_MAPPER.getFactory().isEnabled(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
                .isTrue();
        assertThat(RECORD_MAPPER.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
        assertThat(RECORD_MAPPER.getSerializationConfig().getDefaultPropertyInclusion().getValueInclusion())
                .isEqualTo(JsonInclude.Include.NON_NULL);
    }

    @Test
    @SuppressWarnings("removal")
    void theRecordMapperAgreesWithTheOneSpringBootBuildsFromThePlatformDefaults() {
        new ApplicationContextRunner()
                .withInitializer(context -> new PlatformDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
                .withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration.class))
                .run(context -> {
                    ObjectMapper boot = context.getBean(ObjectMapper.class);

                    assertThat(RECORD_MAPPER.getSerializationConfig().getSerializationFeatures())
                            .isEqualTo(boot.getSerializationConfig().getSerializationFeatures());
                    assertThat(RECORD_MAPPER.getDeserializationConfig().getDeserializationFeatures())
                            .isEqualTo(boot.getDeserializationConfig().getDeserializationFeatures());
                    assertThat(RECORD_MAPPER.getFactory().getParserFeatures())
                            .isEqualTo(boot.getFactory().getParserFeatures());
                    assertThat(Arrays.stream(MapperFeature.values()).filter(RECORD_MAPPER::isEnabled))
                            .containsExactlyElementsOf(Arrays.stream(MapperFeature.values()).filter(boot::isEnabled).toList());
                    assertThat(RECORD_MAPPER.getSerializationConfig().getDefaultPropertyInclusion())
                            .isEqualTo(boot.getSerializationConfig().getDefaultPropertyInclusion());
                    assertThat(boot.getRegisteredModuleIds()).containsAll(RECORD_MAPPER.getRegisteredModuleIds());
                    for (Class<?> event : EventTypes.all()) {
                        Object sample = SampleEvents.sampleOf(event);
                        assertThat(RECORD_MAPPER.writeValueAsString(sample)).as(event.getSimpleName())
                                .isEqualTo(boot.writeValueAsString(sample));
                    }
                });
    }
}
