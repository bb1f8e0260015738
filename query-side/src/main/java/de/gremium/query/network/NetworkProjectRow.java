package de.gremium.query.network;

import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.query.api.Rows;
import java.time.Instant;
import java.time.LocalDate;

/** A network project in the list: simple values only, its policy fields joined by ", ". */
public record NetworkProjectRow(String id, NetworkWorkingGroup workingGroup, String title, NetworkProjectStatus status,
        String policyFields, LocalDate startDate, LocalDate endDate, String contact, Instant announcedAt,
        Instant lastChangedAt, long version) {

    static NetworkProjectRow of(NetworkProjectView p) {
        return new NetworkProjectRow(p.id(), p.workingGroup(), p.title(), p.status(),
                Rows.joined(p.policyFields().stream().sorted().toList()), p.startDate(), p.endDate(), p.contact(),
                p.announcedAt(), p.lastChangedAt(), p.version());
    }
}
