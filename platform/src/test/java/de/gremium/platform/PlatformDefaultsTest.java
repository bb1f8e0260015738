package de.gremium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * A setting that Spring Boot no longer reads is ignored without a word (Boot 4 moved {@code server.error.*} to
 * {@code spring.web.error.*}, for instance), so every framework setting of the platform defaults is checked against
 * the configuration metadata that the jars on the classpath publish.
 */
class PlatformDefaultsTest {

    /** Namespaces whose jars publish metadata; {@code gremium.*} is the platform's own. */
    private static final List<String> FRAMEWORK_NAMESPACES = List.of("spring.", "server.", "management.", "springdoc.", "axon.");
    /**
     * Described by a jar that is left out on purpose: Axon Server's connector (excluded from Axon's starter) reads it,
     * and it stays so that a classpath that brings the connector back still runs without a server.
     */
    private static final List<String> FOR_ABSENT_JARS = List.of("axon.axonserver.enabled");

    @Test
    void everyFrameworkSettingOfThePlatformDefaultsIsOneTheFrameworksStillRead() throws IOException {
        Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("gremium/platform-defaults.properties"));
        Map<String, JsonNode> known = metadata();
        assertThat(known).as("configuration metadata on the classpath").containsKey("spring.web.error.include-stacktrace");

        List<String> framework = defaults.stringPropertyNames().stream()
                .filter(name -> FRAMEWORK_NAMESPACES.stream().anyMatch(name::startsWith))
                .filter(name -> !FOR_ABSENT_JARS.contains(name)).sorted().toList();
        assertThat(framework).isNotEmpty().allSatisfy(name -> {
            JsonNode property = describing(name, known);
            assertThat(property).as(name + " is not a setting of any framework on the classpath").isNotNull();
            assertThat(property.path("deprecation").path("level").asText()).as(name + " is no longer read: "
                    + property.path("deprecation")).isNotEqualTo("error");
        });
    }

    /** The property itself, or the map-valued property it is an entry of ({@code spring.jackson2.parser.…}). */
    private static JsonNode describing(String name, Map<String, JsonNode> known) {
        if (known.containsKey(name)) {
            return known.get(name);
        }
        for (String prefix = name; prefix.contains("."); ) {
            prefix = prefix.substring(0, prefix.lastIndexOf('.'));
            JsonNode property = known.get(prefix);
            if (property != null && property.path("type").asText().startsWith("java.util.Map")) {
                return property;
            }
        }
        return null;
    }

    private static Map<String, JsonNode> metadata() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ClassLoader loader = PlatformDefaultsTest.class.getClassLoader();
        List<URL> files = new ArrayList<>(Collections.list(loader.getResources("META-INF/spring-configuration-metadata.json")));
        // removed settings are described there, with their replacement
        files.addAll(Collections.list(loader.getResources("META-INF/additional-spring-configuration-metadata.json")));
        Map<String, JsonNode> properties = new HashMap<>();
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    properties.merge(property.path("name").asText(), property,
                            (first, second) -> second.has("deprecation") ? second : first);
                }
            }
        }
        return properties;
    }
}
