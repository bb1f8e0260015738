package de.gremium.intranet.monitoring;

import java.util.List;
import java.util.Map;

/** Reading the APIs' JSON maps without a cast at every step: absent or of another shape reads as empty. */
public final class Json {

    private Json() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
