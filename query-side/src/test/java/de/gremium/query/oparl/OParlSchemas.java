package de.gremium.query.oparl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gremium's compact JSON Schema of the OParl 1.1 objects ({@code oparl/oparl-1.1-schema.json}, draft 7, so that
 * {@code date-time}, {@code date} and {@code uri} are checked), one definition per type.
 */
final class OParlSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectNode DEFINITIONS = read();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private OParlSchemas() {
    }

    /** What is wrong with {@code json} as a {@code definition} ("Meeting", "ListPage", "Deleted"); empty if nothing. */
    static List<String> problems(String definition, JsonNode json) {
        Schema schema = SCHEMAS.computeIfAbsent(definition, OParlSchemas::schema);
        return schema.validate(json.toString(), InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** The definition an object's {@code type} names, or "Deleted" for a deleted object. */
    static String definitionOf(JsonNode object) {
        if (object.path("deleted").asBoolean(false)) {
            return "Deleted";
        }
        String type = object.path("type").asText();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private static Schema schema(String definition) {
        if (!DEFINITIONS.path("definitions").has(definition)) {
            throw new IllegalArgumentException("no schema for " + definition);
        }
        ObjectNode document = DEFINITIONS.deepCopy();
        document.put("$schema", "http://json-schema.org/draft-07/schema#");
        document.put("$ref", "#/definitions/" + definition);
        return REGISTRY.getSchema(document.toString(), InputFormat.JSON);
    }

    private static ObjectNode read() {
        try (InputStream in = OParlSchemas.class.getResourceAsStream("/oparl/oparl-1.1-schema.json")) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
