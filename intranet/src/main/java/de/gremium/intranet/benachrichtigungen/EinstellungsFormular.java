package de.gremium.intranet.benachrichtigungen;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form of one's notification settings: the chosen delivery per notification kind, as the request parameters
 * {@code deliveries[AGENDAS]=WEEKLY_DIGEST} bind it.
 */
public class EinstellungsFormular {

    private Map<String, String> deliveries = new LinkedHashMap<>();

    public Map<String, String> getDeliveries() {
        return deliveries;
    }

    public void setDeliveries(Map<String, String> deliveries) {
        this.deliveries = deliveries == null ? new LinkedHashMap<>() : new LinkedHashMap<>(deliveries);
    }

    /** {@code PUT /api/members/{memberId}/notification-settings}: {@code {"deliveries": {"AGENDAS": "NEVER", …}}}. */
    Map<String, Object> body() {
        return Map.of("deliveries", deliveries);
    }

    /** The binding name of one kind's radio group (also what a refusal of that kind is bound to). */
    static String field(String kind) {
        return "deliveries[" + kind + "]";
    }
}
