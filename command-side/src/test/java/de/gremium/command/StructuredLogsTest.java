package de.gremium.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.platform.testing.TestStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Log collectors read one JSON document per line when {@code logging.structured.format.console} is set (README). */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    @Test
    void withTheEcsFormatSetEveryLogLineIsAJsonDocumentOfTheService(CapturedOutput output) throws Exception {
        List<String> args = new ArrayList<>(TestStore.fresh());
        args.add("--logging.structured.format.console=ecs");
        args.add("--logging.level.org.springframework.boot=INFO");
        try (ConfigurableApplicationContext app = CommandSideApplication.start(args.toArray(String[]::new))) {
            assertThat(app.isRunning()).isTrue();
        }

        List<String> lines = output.getOut().lines().filter(line -> line.startsWith("{")).toList();
        assertThat(lines).as("JSON log lines").isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertThat(field(entry, "ecs.version")).as(line).isNotEmpty();
            assertThat(field(entry, "@timestamp")).as(line).isNotEmpty();
            assertThat(field(entry, "service.name")).as(line).isEqualTo("gremium-command-side");
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Started CommandSideApplication"));
    }

    /** A field by its ECS name, written nested ({"ecs":{"version":…}}) or with a dotted key. */
    private static String field(JsonNode entry, String name) {
        if (entry.has(name)) {
            return entry.get(name).asText();
        }
        JsonNode node = entry;
        for (String part : name.split("\\.")) {
            node = node.path(part);
        }
        return node.asText();
    }
}
