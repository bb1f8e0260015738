package de.gremium.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.privacy.PersonalData;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.SolutionProposalId;
import de.gremium.events.problem.SolutionProposed;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.axon.MetadataKeys;
import de.gremium.platform.record.RecordSchema;
import de.gremium.platform.record.StoredJson;
import de.gremium.platform.testing.TestStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PersonalDataSerializerTest {

    private static final Instant AT = Instant.parse("2026-03-04T12:00:00Z");

    private static String database;
    private static DataSource dataSource;
    private static PersonalDataKeys keys;
    private static Serializer serializer;

    @BeforeAll
    static void record() {
        database = TestStore.newRecord();
        dataSource = TestStore.migratedDataSource(database);
        keys = new PersonalDataKeys(dataSource);
        serializer = new PersonalDataSerializer(StoredJson.serializer(), keys);
    }

    private static ProblemReportSubmitted report(String reportId, String by, String title) {
        return new ProblemReportSubmitted(new ProblemReportId(reportId), title, "Beschreibung von " + by, "Jobcenter",
                Set.of(PolicyField.EMPLOYMENT), by, AT);
    }

    private static String stored(Object event) {
        return new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static <T> T readBack(Object event) {
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        return (T) serializer.deserialize(stored);
    }

    @Test
    void personalDataIsStoredEncryptedAndReadsBackAsItWasWritten() {
        ProblemReportSubmitted report = report("r-round", "ada.lovelace", "Wartezeiten Zebrastreifen");

        String json = stored(report);

        assertThat(json).doesNotContain("ada.lovelace", "Wartezeiten", "Beschreibung").contains("\"pd1:", "Jobcenter");
        assertThat((Object) readBack(report)).isEqualTo(report);
    }

    @Test
    void aPersonOrItemOfAnyLengthOrCharacterGetsAKeyAndTheKeyTableNamesNoOneInClear() throws Exception {
        String person = "nul\u0000in-the-id-" + "x".repeat(1_000);
        String reportId = "report-\u0000-" + "y".repeat(500);
        ProblemReportSubmitted report = report(reportId, person, "Ein Titel mit Nullbyte");

        assertThat((Object) readBack(report)).isEqualTo(report);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT person, item, item_owner FROM personal_data_key")) {
            while (rows.next()) {
                for (int column = 1; column <= 3; column++) {
                    String value = rows.getString(column);
                    assertThat(value == null || value.isEmpty() || value.matches("[0-9a-f]{64}")).as(value).isTrue();
                }
            }
        }
        assertThat(keys.erasePerson(person)).isEqualTo(2);
    }

    @Test
    void textsThatLookSealedButCameFromOutsideAreKeptAsWrittenAndNeverBreakAReader() {
        String forged = "pd1:00000000-0000-0000-0000-000000000000:p:A";
        String forgedWellFormed = "pd1:" + UUID.randomUUID() + ":t:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        ProblemReportSubmitted report = new ProblemReportSubmitted(new ProblemReportId("r-forged"), forged,
                "pd0:" + forgedWellFormed, forgedWellFormed, Set.of(PolicyField.EMPLOYMENT), "ada.forged", AT);
        MetaData metaData = MetaData.with(MetadataKeys.USER_ID, "ada.forged").and("clientCorrelationId", forged)
                .and("note", "pd0:pd0:");

        assertThat((Object) readBack(report)).isEqualTo(report);
        SerializedObject<byte[]> storedMetaData = serializer.serialize(metaData, byte[].class);
        assertThat((Object) serializer.deserialize(storedMetaData)).isEqualTo(metaData);
        assertThat(new String(storedMetaData.getData(), StandardCharsets.UTF_8)).doesNotContain("ada.forged");
    }

    @Test
    void aSealedValueChangedInTheRecordReadsAsThePlaceholderInsteadOfFailingTheReader() {
        String json = stored(report("r-tampered", "ada.tampered", "Ein Titel"));
        int sealed = json.indexOf("\"pd1:");
        int body = json.indexOf(':', json.indexOf(':', sealed + 5) + 1) + 1; // pd1:<key id>:<p|t>:<body>
        char flipped = json.charAt(body + 20) == 'A' ? 'B' : 'A';
        String tampered = json.substring(0, body + 20) + flipped + json.substring(body + 21);

        ProblemReportSubmitted read = serializer.deserialize(row(tampered.getBytes(StandardCharsets.UTF_8),
                ProblemReportSubmitted.class));

        assertThat(List.of(read.title(), read.description(), read.submittedBy()))
                .containsAnyOf(PersonalData.ERASED_TEXT, PersonalData.ERASED_PERSON);
        assertThat(read.unit()).isEqualTo("Jobcenter");
    }

    @Test
    void afterThePersonsKeyIsDeletedTheirIdAndTextReadAsThePlaceholders() {
        ProblemReportSubmitted report = report("r-erased", "grace.hopper", "Kita-Plätze Nordstadt");
        byte[] stored = serializer.serialize(report, byte[].class).getData();

        assertThat(keys.erasePerson("grace.hopper")).isEqualTo(2);
        ProblemReportSubmitted read = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                stored, byte[].class, serializer.typeForClass(ProblemReportSubmitted.class)));

        assertThat(read.submittedBy()).isEqualTo(PersonalData.ERASED_PERSON);
        assertThat(read.title()).isEqualTo(PersonalData.ERASED_TEXT);
        assertThat(read.description()).isEqualTo(PersonalData.ERASED_TEXT);
        assertThat(read.unit()).isEqualTo("Jobcenter");
    }

    @Test
    void erasingOneReportsTextLeavesItsAuthorAndTheirOtherReportsReadable() {
        ProblemReportSubmitted erased = report("r-item-1", "alan.turing", "Bushaltestelle ohne Dach");
        ProblemReportSubmitted kept = report("r-item-2", "alan.turing", "Formulare nur auf Deutsch");
        byte[] erasedRow = serializer.serialize(erased, byte[].class).getData();
        byte[] keptRow = serializer.serialize(kept, byte[].class).getData();

        keys.eraseItem("r-item-1");

        ProblemReportSubmitted first = serializer.deserialize(row(erasedRow, ProblemReportSubmitted.class));
        assertThat(first.title()).isEqualTo(PersonalData.ERASED_TEXT);
        assertThat(first.submittedBy()).isEqualTo("alan.turing");
        assertThat((Object) serializer.deserialize(row(keptRow, ProblemReportSubmitted.class))).isEqualTo(kept);
    }

    @Test
    void erasingTheReportsAuthorErasesWhatOthersWroteAboutTheReportButNotTheirOtherText() {
        ProblemReportSubmitted report = report("r-owned", "emmy.noether", "Laerm am Bahnhof");
        SolutionProposed proposal = new SolutionProposed(new ProblemReportId("r-owned"), new SolutionProposalId("p1"),
                "Schallschutzwand", "lise.meitner", AT);
        AgendaItemAdded onAgenda = new AgendaItemAdded(new MeetingId("m1"), new AgendaItemId("a1"),
                new AgendaTopic(AgendaTopicKind.PROBLEM_REPORT, "r-owned", "Laerm am Bahnhof"), 1, "coordinator", AT);
        byte[] reportRow = serializer.serialize(report, byte[].class).getData();
        byte[] proposalRow = serializer.serialize(proposal, byte[].class).getData();
        byte[] agendaRow = serializer.serialize(onAgenda, byte[].class).getData();
        assertThat(new String(agendaRow, StandardCharsets.UTF_8)).doesNotContain("Laerm");

        keys.erasePerson("emmy.noether");

        SolutionProposed proposalRead = serializer.deserialize(row(proposalRow, SolutionProposed.class));
        AgendaItemAdded agendaRead = serializer.deserialize(row(agendaRow, AgendaItemAdded.class));
        assertThat(proposalRead.proposal()).isEqualTo(PersonalData.ERASED_TEXT);
        assertThat(proposalRead.proposedBy()).isEqualTo("lise.meitner");
        assertThat(agendaRead.topic().title()).isEqualTo(PersonalData.ERASED_TEXT);
        assertThat(agendaRead.addedBy()).isEqualTo("coordinator");
        assertThat(((ProblemReportSubmitted) serializer.deserialize(row(reportRow, ProblemReportSubmitted.class))).title())
                .isEqualTo(PersonalData.ERASED_TEXT);
    }

    @Test
    void eachMemberInAListIsEncryptedWithTheirOwnKey() {
        ConsensusRecorded consensus = new ConsensusRecorded(new DeliberationId("d1"), new RecommendationId("rec1"),
                new MeetingId("m1"), new AgendaItemId("a1"), "Empfehlung", Set.of(PolicyField.EMPLOYMENT), List.of(), List.of(),
                List.of(new MemberId("kept.member"), new MemberId("erased.member")), "coordinator", AT);
        byte[] row = serializer.serialize(consensus, byte[].class).getData();
        assertThat(new String(row, StandardCharsets.UTF_8)).doesNotContain("kept.member", "erased.member").contains("Empfehlung");

        keys.erasePerson("erased.member");

        ConsensusRecorded read = serializer.deserialize(row(row, ConsensusRecorded.class));
        assertThat(read.membersPresent()).containsExactly(new MemberId("kept.member"), new MemberId(PersonalData.ERASED_PERSON));
    }

    @Test
    void theActingUserInTheMetadataIsEncryptedAndReadsAsThePlaceholderOnceErased() {
        MetaData meta = MetaData.with(MetadataKeys.USER_ID, "marie.curie").and(MetadataKeys.CORRELATION_ID, "c-1");
        byte[] stored = serializer.serialize(meta, byte[].class).getData();
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("marie.curie").contains("c-1");
        assertThat((Object) serializer.deserialize(row(stored, MetaData.class))).isEqualTo(meta);

        keys.erasePerson("marie.curie");

        MetaData read = serializer.deserialize(row(stored, MetaData.class));
        assertThat(read.get(MetadataKeys.USER_ID)).isEqualTo(PersonalData.ERASED_PERSON);
        assertThat(read.get(MetadataKeys.CORRELATION_ID)).isEqualTo("c-1");
    }

    @Test
    void aMarkedValueWhoseOwnerIsMissingIsStoredEncryptedUnderItsItemOrTheUnknownsKeyNeverInClear() {
        ProblemReportSubmitted ownerless = new ProblemReportSubmitted(new ProblemReportId("r-ownerless"), "Titel ohne Urheber",
                "Beschreibung ohne Urheber", "Jobcenter", Set.of(PolicyField.EMPLOYMENT), null, AT);
        MemberAppointed nameless = new MemberAppointed(GroupId.PROJEKTGRUPPE_INTEGRATION, null, "Name ohne Mitglied",
                "Jobcenter", "coordinator", AT, null);

        assertThat(stored(ownerless)).doesNotContain("ohne Urheber").contains("\"pd1:");
        assertThat(stored(nameless)).doesNotContain("ohne Mitglied");
        assertThat((Object) readBack(ownerless)).isEqualTo(ownerless);
        assertThat((Object) readBack(nameless)).isEqualTo(nameless);
        byte[] reportRow = serializer.serialize(ownerless, byte[].class).getData();
        byte[] memberRow = serializer.serialize(nameless, byte[].class).getData();

        assertThat(keys.eraseItem("r-ownerless")).isPositive();
        assertThat(keys.erasePerson(PersonalDataSerializer.UNKNOWN_OWNER)).isPositive();
        ProblemReportSubmitted reportRead = serializer.deserialize(row(reportRow, ProblemReportSubmitted.class));
        MemberAppointed memberRead = serializer.deserialize(row(memberRow, MemberAppointed.class));
        assertThat(reportRead.title()).isEqualTo(PersonalData.ERASED_TEXT);
        assertThat(memberRead.name()).isEqualTo(PersonalData.ERASED_PERSON);
    }

    @Test
    void erasingAnIdeasProposerErasesTheAgendaCopyOfItsTitleButNotTheCoordinatorsOtherText() {
        ProjectIdeaProposed idea = new ProjectIdeaProposed(new ProjectIdeaId("idee-owned"), "Sprachcafe im Stadtteil",
                "jeden Dienstag", Set.of(PolicyField.LANGUAGE), "ida.pfeiffer", AT);
        AgendaItemAdded onAgenda = new AgendaItemAdded(new MeetingId("m-idea"), new AgendaItemId("a-idea"),
                new AgendaTopic(AgendaTopicKind.PROJECT_IDEA, "idee-owned", "Sprachcafe im Stadtteil"), 1, "coordinator", AT);
        AgendaItemAdded other = new AgendaItemAdded(new MeetingId("m-idea"), new AgendaItemId("a-other"),
                new AgendaTopic(AgendaTopicKind.FREE, "frei-1", "Haushalt"), 2, "coordinator", AT);
        byte[] ideaRow = serializer.serialize(idea, byte[].class).getData();
        byte[] agendaRow = serializer.serialize(onAgenda, byte[].class).getData();
        byte[] otherRow = serializer.serialize(other, byte[].class).getData();

        keys.erasePerson("ida.pfeiffer");

        AgendaItemAdded agendaRead = serializer.deserialize(row(agendaRow, AgendaItemAdded.class));
        assertThat(agendaRead.topic().title()).isEqualTo(PersonalData.ERASED_TEXT);
        assertThat(agendaRead.addedBy()).isEqualTo("coordinator");
        assertThat(((ProjectIdeaProposed) serializer.deserialize(row(ideaRow, ProjectIdeaProposed.class))).title())
                .isEqualTo(PersonalData.ERASED_TEXT);
        assertThat((Object) serializer.deserialize(row(otherRow, AgendaItemAdded.class))).isEqualTo(other);
    }

    @Test
    void aRowWrittenBeforeEncryptionExistedReadsAsItWas() {
        MemberAppointed old = new MemberAppointed(GroupId.PROJEKTGRUPPE_INTEGRATION, new MemberId("old.member"), "Old Name",
                "Jobcenter", "coordinator", AT, null);
        SerializedObject<byte[]> plain = StoredJson.serializer().serialize(old, byte[].class);

        assertThat((Object) serializer.deserialize(plain)).isEqualTo(old);
    }

    @Test
    void theStoredEventRowHoldsNoPlaintextAndTheEventReadsBackThroughTheStore() throws Exception {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(RecordSchema.events())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        ProblemReportSubmitted report = report("r-row", "katherine.johnson", "Unterlagen verschwunden");
        engine.appendEvents(new GenericDomainEventMessage<>("ProblemReport", "r-row", 0, report,
                MetaData.with(MetadataKeys.USER_ID, "katherine.johnson")));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM domain_event_entry WHERE aggregate_identifier = 'r-row'")) {
            assertThat(rows.next()).isTrue();
            StringBuilder row = new StringBuilder();
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                Object value = rows.getObject(column);
                row.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value).append('|');
            }
            assertThat(row.toString()).doesNotContain("katherine", "Unterlagen", "Beschreibung").contains("pd1:");
        }
        DomainEventMessage<?> read = engine.readEvents("r-row").asStream().findFirst().orElseThrow();
        assertThat(read.getPayload()).isEqualTo(report);
        assertThat(read.getMetaData().get(MetadataKeys.USER_ID)).isEqualTo("katherine.johnson");
    }

    private static org.axonframework.serialization.SimpleSerializedObject<byte[]> row(byte[] data, Class<?> type) {
        return new org.axonframework.serialization.SimpleSerializedObject<>(data, byte[].class, serializer.typeForClass(type));
    }
}
