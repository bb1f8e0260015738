package de.gremium.platform.record;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The record's identity, a UUID made when its schema was created ({@code record_identity}). A store of views
 * remembers the identity of the record it was built from, so that views built from another record (a restored
 * or replaced database) are noticed and rebuilt instead of shown.
 */
public final class RecordIdentity {

    private final JdbcTemplate jdbc;

    RecordIdentity(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public UUID id() {
        return jdbc.queryForObject("SELECT id FROM record_identity", UUID.class);
    }
}
