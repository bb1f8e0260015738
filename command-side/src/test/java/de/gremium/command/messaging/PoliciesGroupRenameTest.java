package de.gremium.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.platform.record.RecordSchema;
import de.gremium.platform.testing.TestStore;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The policies' processing group was renamed from {@code meeting-policies} to {@code policies} without a replay: a
 * record written under the old name keeps its position under the new one after the migration, so a policy never
 * handles old events again (and never sends their commands a second time).
 */
class PoliciesGroupRenameTest {

    static final String OLD_NAME = "meeting-policies";

    DataSource record;
    TokenStore tokens;
    JdbcTemplate jdbc;

    @BeforeEach
    void aRecordAsTheVersionBeforeTheRenameLeftIt() {
        record = TestStore.dataSource(TestStore.newRecord());
        Flyway.configure().dataSource(record).target("1").load().migrate();
        tokens = JdbcTokenStore.builder()
                .connectionProvider(new DataSourceConnectionProvider(record))
                .schema(RecordSchema.tokens())
                .serializer(JacksonSerializer.defaultSerializer())
                .build();
        jdbc = new JdbcTemplate(record);
    }

    static void migrateToTheCurrentSchema(DataSource record) {
        Flyway.configure().dataSource(record).load().migrate();
    }

    @Test
    void aTokenStoredUnderTheOldNameIsThePoliciesTokenAfterTheMigration() {
        tokens.initializeTokenSegments(OLD_NAME, 2, new GlobalSequenceTrackingToken(41));

        migrateToTheCurrentSchema(record);

        assertThat(tokens.fetchSegments(OLD_NAME)).isEmpty();
        assertThat(tokens.fetchSegments(PolicyCommands.PROCESSING_GROUP)).containsExactly(0, 1);
        assertThat(tokens.fetchToken(PolicyCommands.PROCESSING_GROUP, 0)).isEqualTo(new GlobalSequenceTrackingToken(41));
        assertThat(tokens.fetchToken(PolicyCommands.PROCESSING_GROUP, 1)).isEqualTo(new GlobalSequenceTrackingToken(41));
    }

    @Test
    void aDeadLetterOfTheOldGroupBelongsToThePoliciesAfterTheMigration() {
        jdbc.update("INSERT INTO dead_letter_entry (dead_letter_id, processing_group, sequence_identifier, sequence_index, "
                + "message_type, event_identifier, time_stamp, payload_type, payload, enqueued_at) "
                + "VALUES ('letter-1', ?, 'meeting-1', 0, 'event', 'event-1', '2026-10-07T12:00:00Z', 'MeetingHeld', "
                + "'{}'::bytea, '2026-10-07T12:00:01Z')", OLD_NAME);

        migrateToTheCurrentSchema(record);

        assertThat(jdbc.queryForList("SELECT processing_group FROM dead_letter_entry", String.class))
                .containsExactly(PolicyCommands.PROCESSING_GROUP);
    }

    @Test
    void aTokenAlreadyStoredUnderTheNewNameIsKeptAndTheOldOneDropped() {
        tokens.initializeTokenSegments(OLD_NAME, 1, new GlobalSequenceTrackingToken(41));
        tokens.initializeTokenSegments(PolicyCommands.PROCESSING_GROUP, 1, new GlobalSequenceTrackingToken(57));

        migrateToTheCurrentSchema(record);

        assertThat(tokens.fetchSegments(OLD_NAME)).isEmpty();
        assertThat(tokens.fetchToken(PolicyCommands.PROCESSING_GROUP, 0)).isEqualTo(new GlobalSequenceTrackingToken(57));
    }
}
