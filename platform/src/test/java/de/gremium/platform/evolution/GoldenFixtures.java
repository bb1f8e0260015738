package de.gremium.platform.evolution;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Golden fixtures: one file per event type and revision, {@code golden/<SimpleName>.rev<revision>.json},
 * holding the payload as Axon stored it when that revision was current. They live in
 * {@code platform/src/test/resources/golden} and are read from there (not from the build output),
 * so that fixtures written in a run are checked in the same run.
 */
final class GoldenFixtures {

    static final String WRITE_PROPERTY = "golden.write";
    static final String WRITE_COMMAND =
            "./mvnw -B -o -q -pl platform test -Dtest='GoldenEventFixturesTest' -Dgolden.write=true";

    /** Plain Jackson for the file around the payload; decimals stay exact when a payload is copied. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    /** One stored event: the three fields of Axon's event document that upcasting works on. */
    record GoldenFixture(String fileName, String payloadType, String payloadRevision, JsonNode payload) {

        GoldenFixture withPayloadType(String type) {
            return new GoldenFixture(fileName, type, payloadRevision, payload);
        }

        GoldenFixture withRevision(String revision) {
            return new GoldenFixture(fileName, payloadType, revision, payload);
        }

        GoldenFixture withPayload(JsonNode changed) {
            return new GoldenFixture(fileName, payloadType, payloadRevision, changed);
        }

        @Override
        public String toString() {
            return fileName;
        }
    }

    private GoldenFixtures() {
    }

    static String fileName(String simpleName, String revision) {
        return simpleName + ".rev" + revision + ".json";
    }

    static String fileName(Class<?> eventType) {
        return fileName(eventType.getSimpleName(), EventTypes.revisionOf(eventType));
    }

    static boolean writeRequested() {
        return Boolean.getBoolean(WRITE_PROPERTY);
    }

    /** platform/src/test/resources/golden, found from where the test classes were compiled to. */
    static Path directory() {
        try {
            Path testClasses = Path.of(GoldenFixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent().getParent().resolve("src/test/resources/golden");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<GoldenFixture> readAll() {
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().map(GoldenFixtures::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GoldenFixture read(Path file) {
        try {
            JsonNode stored = JSON.readTree(file.toFile());
            List<String> fields = new ArrayList<>();
            stored.fieldNames().forEachRemaining(fields::add);
            if (!fields.equals(List.of("payloadType", "payloadRevision", "payload")) || !stored.get("payload").isObject()) {
                throw new IllegalStateException(file + " must hold exactly payloadType, payloadRevision and an object payload");
            }
            JsonNode revision = stored.get("payloadRevision");
            return new GoldenFixture(file.getFileName().toString(), stored.get("payloadType").asText(),
                    revision.isNull() ? null : revision.asText(), stored.get("payload"));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    static GoldenFixture read(Class<?> eventType) {
        return read(directory().resolve(fileName(eventType)));
    }

    /**
     * Writes the fixture of each event's current revision that does not exist yet. An existing file
     * is never replaced: it records what the store already holds.
     */
    static List<Path> writeMissing(List<Class<?>> eventTypes, Serializer serializer) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory());
            for (Class<?> type : eventTypes) {
                Path file = directory().resolve(fileName(type));
                if (Files.exists(file)) {
                    continue;
                }
                SerializedObject<String> stored = serializer.serialize(SampleEvents.sampleOf(type), String.class);
                ObjectNode document = JSON.createObjectNode();
                document.put("payloadType", stored.getType().getName());
                document.put("payloadRevision", stored.getType().getRevision());
                document.set("payload", JSON.readTree(stored.getData()));
                Files.writeString(file, JSON.writer(PRETTY).writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
                written.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }
}
