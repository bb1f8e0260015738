package de.gremium.query.api;

import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Helpers for the rows of list views: a row holds simple values only (text, numbers, dates, booleans), so that
 * the same record can be written as JSON or as a line of a table. A short list becomes one text, its items
 * joined by {@value #SEPARATOR}.
 */
public final class Rows {

    public static final String SEPARATOR = ", ";

    private Rows() {
    }

    /** The items' texts joined in the given order; null when there is none (left out of the answer). */
    public static String joined(Collection<?> items) {
        if (items == null || items.isEmpty()) {
            return null;
        }
        return items.stream().filter(Objects::nonNull).map(String::valueOf).collect(Collectors.joining(SEPARATOR));
    }
}
