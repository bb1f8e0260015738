package de.gremium.intranet.probleme;

import de.gremium.intranet.api.ApiRefusedException;
import de.gremium.intranet.api.Apis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The group's units ({@code /api/units}, departments in the constitution's order) for the board's filter and the
 * report form, and the members' names ({@code /api/members}) to show people by name instead of their ids.
 */
@Component
public class Verzeichnis {

    /** A department with its units' names: all of them (the board's filter) and the active ones (the form). */
    public record Abteilung(String name, List<String> einheiten, List<String> aktive) {
    }

    private final Apis apis;

    Verzeichnis(Apis apis) {
        this.apis = apis;
    }

    @SuppressWarnings("unchecked")
    public List<Abteilung> abteilungen() {
        Object departments = apis.view("/api/units").get("departments");
        if (!(departments instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(d -> (Map<String, Object>) d).map(d -> {
            List<Map<String, Object>> units = d.get("units") instanceof List<?> u ? (List<Map<String, Object>>) u : List.of();
            return new Abteilung(String.valueOf(d.get("name")),
                    units.stream().map(u -> String.valueOf(u.get("name"))).toList(),
                    units.stream().filter(u -> "ACTIVE".equals(u.get("status"))).map(u -> String.valueOf(u.get("name"))).toList());
        }).toList();
    }

    /**
     * The current members' names by id; empty if the directory cannot be read (the page then shows ids, which is
     * worse but not wrong). Withdrawn members are not in it and are shown by their id.
     */
    public Map<String, String> namen() {
        try {
            Map<String, String> names = new LinkedHashMap<>();
            Object members = apis.view("/api/members").get("members");
            if (members instanceof List<?> list) {
                list.forEach(m -> {
                    if (m instanceof Map<?, ?> member && member.get("memberId") != null) {
                        names.put(member.get("memberId").toString(),
                                member.get("name") == null ? member.get("memberId").toString() : member.get("name").toString());
                    }
                });
            }
            return names;
        } catch (ApiRefusedException unreadable) {
            return Map.of();
        }
    }
}
