package de.gremium.platform.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.gremium.platform.PlatformDefaults;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** The fixtures are written and read with the app's mapper settings, not with Jackson's defaults. */
class ObjectMapperSettingsTest {

    private static final ObjectMapper FIXTURE_MAPPER = StoredEventSerializer.objectMapper();

    @Test
    void thePlatformDefaultsHoldExactlyTheJacksonSettingsTheFixtureMapperApplies() throws IOException {
        Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("gremium/platform-defaults.properties"));
        Map<String, String> jackson = defaults.stringPropertyNames().stream()
                .filter(name -> name.startsWith("spring.jackson."))
                .collect(Collectors.toMap(name -> name, defaults::getProperty));

        assertThat(jackson).as("a new spring.jackson setting belongs in StoredEventSerializer too").containsOnly(
                entry("spring.jackson.deserialization.fail-on-unknown-properties", "true"),
                entry("spring.jackson.deserialization.fail-on-trailing-tokens", "true"),
                entry("spring.jackson.serialization.write-dates-as-timestamps", "false"),
                entry("spring.jackson.default-property-inclusion", "non_null"),
                entry("spring.jackson.parser.strict-duplicate-detection", "true"));
        assertThat(FIXTURE_MAPPER.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
        assertThat(FIXTURE_MAPPER.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).isTrue();
        assertThat(FIXTURE_MAPPER.getFactory().isEnabled(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
                .isTrue();
        assertThat(FIXTURE_MAPPER.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
        assertThat(FIXTURE_MAPPER.getSerializationConfig().getDefaultPropertyInclusion().getValueInclusion())
                .isEqualTo(JsonInclude.Include.NON_NULL);
    }

    @Test
    void theFixtureMapperAgreesWithTheOneSpringBootBuildsFromThePlatformDefaults() {
        new ApplicationContextRunner()
                .withInitializer(context -> new PlatformDefaults().postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> {
                    ObjectMapper boot = context.getBean(ObjectMapper.class);

                    assertThat(FIXTURE_MAPPER.getSerializationConfig().getSerializationFeatures())
                            .isEqualTo(boot.getSerializationConfig().getSerializationFeatures());
                    assertThat(FIXTURE_MAPPER.getDeserializationConfig().getDeserializationFeatures())
                            .isEqualTo(boot.getDeserializationConfig().getDeserializationFeatures());
                    assertThat(Arrays.stream(MapperFeature.values()).filter(FIXTURE_MAPPER::isEnabled))
                            .containsExactlyElementsOf(Arrays.stream(MapperFeature.values()).filter(boot::isEnabled).toList());
                    assertThat(FIXTURE_MAPPER.getSerializationConfig().getDefaultPropertyInclusion())
                            .isEqualTo(boot.getSerializationConfig().getDefaultPropertyInclusion());
                    assertThat(boot.getRegisteredModuleIds()).containsAll(FIXTURE_MAPPER.getRegisteredModuleIds());
                    for (Class<?> event : EventTypes.all()) {
                        Object sample = SampleEvents.sampleOf(event);
                        assertThat(FIXTURE_MAPPER.writeValueAsString(sample)).as(event.getSimpleName())
                                .isEqualTo(boot.writeValueAsString(sample));
                    }
                });
    }
}
