package de.gremium.platform.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.function.UnaryOperator;

/** Every text of a JSON tree replaced in place (object field values and array elements, at any depth; never names). */
public final class JsonTexts {

    private JsonTexts() {
    }

    /** The node with each of its texts replaced by what {@code replace} makes of it; the node itself when it is a text. */
    public static JsonNode replace(JsonNode node, UnaryOperator<String> replace) {
        if (node.isTextual()) {
            String replaced = replace.apply(node.textValue());
            return replaced.equals(node.textValue()) ? node : TextNode.valueOf(replaced);
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replace(array.get(i), replace));
            }
        } else if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> field.setValue(replace(field.getValue(), replace)));
        }
        return node;
    }
}
