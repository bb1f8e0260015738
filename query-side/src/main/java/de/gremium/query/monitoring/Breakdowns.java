package de.gremium.query.monitoring;

import de.gremium.events.monitoring.BreakdownDimension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A breakdown of an observation (empty: the total) as a key, a German label and an order. The key
 * names the dimensions in their declared order with URL-encoded values ({@code SEX=w;CITY_DISTRICT=Altstadt}),
 * so that two maps with the same entries always give the same key and no value can forge a separator.
 */
final class Breakdowns {

    static final String TOTAL = "";
    static final String TOTAL_LABEL = "insgesamt";

    /** The total first, then fewer dimensions before more, then by dimension and value. */
    static final Comparator<Map<BreakdownDimension, String>> ORDER = Comparator
            .comparingInt((Map<BreakdownDimension, String> b) -> b.size())
            .thenComparing(Breakdowns::sortKey);

    private Breakdowns() {
    }

    static String key(Map<BreakdownDimension, String> breakdown) {
        return entries(breakdown).stream()
                .map(e -> e.getKey().name() + "=" + encode(e.getValue()))
                .collect(Collectors.joining(";"));
    }

    /** {@code insgesamt}, or e.g. {@code Geschlecht: weiblich, Stadtteil: Altstadt}. */
    static String label(Map<BreakdownDimension, String> breakdown) {
        if (breakdown == null || breakdown.isEmpty()) {
            return TOTAL_LABEL;
        }
        return entries(breakdown).stream()
                .map(e -> e.getKey().germanLabel() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String sortKey(Map<BreakdownDimension, String> breakdown) {
        return entries(breakdown).stream()
                .map(e -> (char) ('a' + e.getKey().ordinal()) + "\u0000" + e.getValue())
                .collect(Collectors.joining("\u0001"));
    }

    private static List<Map.Entry<BreakdownDimension, String>> entries(Map<BreakdownDimension, String> breakdown) {
        if (breakdown == null) {
            return List.of();
        }
        return breakdown.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }
}
