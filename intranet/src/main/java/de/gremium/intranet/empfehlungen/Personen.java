package de.gremium.intranet.empfehlungen;

import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The names of the group's members by id ({@code GET /api/members}), so that a page says who raised an objection
 * instead of an id. Ids nobody in the directory holds (the mayor's office, a withdrawn member) stay ids: the
 * templates write {@code ${namen[id] ?: id}}.
 */
@Component
class Personen {

    private final Apis apis;

    Personen(Apis apis) {
        this.apis = apis;
    }

    Map<String, String> namen() {
        Map<String, String> namen = new LinkedHashMap<>();
        try {
            Object members = apis.view("/api/members").get("members");
            if (members instanceof List<?> list) {
                for (Object member : list) {
                    if (member instanceof Map<?, ?> m && m.get("memberId") != null && m.get("name") != null) {
                        namen.put(m.get("memberId").toString(), m.get("name").toString());
                    }
                }
            }
        } catch (ApiRefusedException directoryUnavailable) {
            // the page still reads with ids instead of names
        }
        return namen;
    }
}
