package de.gremium.intranet.benachrichtigungen;

import java.util.LinkedHashMap;
import java.util.Map;

/** The form of one's own e-mail address; empty means "no address" (then no e-mails are sent). */
public class AdressFormular {

    static final Map<String, String> LABELS = Map.of("email", "E-Mail-Adresse");

    private String email = "";

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email;
    }

    /** The address as the command side takes it: trimmed, {@code null} when empty. */
    String address() {
        String trimmed = email.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** {@code PUT /api/members/{memberId}/email}: {@code {"email": "..."}} or {@code {"email": null}}. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", address());
        return body;
    }
}
