package de.gremium.query.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberId;
import de.gremium.platform.privacy.PersonalDataSerializer;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.RecordFixture;
import de.gremium.query.RunningQuerySide;
import de.gremium.query.problem.ProblemBoardProjection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What Axon keeps in the record besides events reads back through the record's serializer: a reset writes a
 * {@link ReplayToken} (its context is an arbitrary object, which a strict polymorphic-type check refuses), and a
 * processor that could not read it back would stop and leave its view behind without a word. Sagas too.
 */
class RecordSerializationTest {

    private RunningQuerySide querySide;

    @BeforeEach
    void startOnARecordWithEvents() {
        querySide = RunningQuerySide.start(TestStore.newRecord());
        RecordFixture.storeIn(querySide.eventStore());
        querySide.awaitCaughtUp();
    }

    @AfterEach
    void stop() {
        querySide.close();
    }

    @Test
    void aProcessorResetWritesAReplayTokenThatReadsBackAndTheReplayRebuildsTheView() {
        List<Document> board = querySide.views().get("problem_board");
        StreamingEventProcessor processor = querySide.context().getBean(EventProcessingConfiguration.class)
                .eventProcessor(ProblemBoardProjection.GROUP, StreamingEventProcessor.class).orElseThrow();

        processor.shutDown();
        processor.resetTokens();

        assertThat(storedTokenType()).isEqualTo(ReplayToken.class.getName());
        TokenStore tokens = querySide.context().getBean(TokenStore.class);
        TransactionManager transactions = querySide.context().getBean(TransactionManager.class);
        TrackingToken read = transactions.fetchInTransaction(() -> tokens.fetchToken(ProblemBoardProjection.GROUP, 0));
        transactions.executeInTransaction(() -> tokens.releaseClaim(ProblemBoardProjection.GROUP, 0));
        assertThat(read).isInstanceOf(ReplayToken.class);

        processor.start();

        // every event up to the position of the reset is handled again, and the board is rebuilt from them
        querySide.awaitCaughtUp();
        assertThat(processor.processingStatus().get(0).isErrorState()).as("the processor runs without error").isFalse();
        assertThat(querySide.views().get("problem_board")).isEqualTo(board);

        // Axon ends a replay with the first event past the position of the reset (ReplayToken.advancedTo); one
        // that the board does not handle leaves the board as it is
        querySide.eventStore().publish(new GenericDomainEventMessage<>("WorkingGroup", GroupId.PROJEKTGRUPPE_INTEGRATION.value(),
                RecordFixture.events().stream().filter(e -> e.getType().equals("WorkingGroup")).count(),
                new MemberAppointed(GroupId.PROJEKTGRUPPE_INTEGRATION, new MemberId("ben.amt51"), "Ben Kaya", "Amt 51",
                        "koordinator", Instant.parse("2026-02-02T09:00:00Z"), null)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            assertThat(status).as("the processor holds its segment again").containsKey(0);
            assertThat(status.get(0).isErrorState()).as("the processor runs without error").isFalse();
            assertThat(status.get(0).isReplaying()).as("the replay is over").isFalse();
            assertThat(storedTokenType()).as("the stored token is no replay token any more").isNotEqualTo(ReplayToken.class.getName());
        });
        assertThat(processor.isRunning()).isTrue();
        querySide.awaitCaughtUp();
        assertThat(querySide.views().get("problem_board")).isEqualTo(board);
    }

    private String storedTokenType() {
        return querySide.context().getBean(JdbcTemplate.class).queryForObject(
                "select token_type from token_entry where processor_name = ? and segment = 0", String.class,
                ProblemBoardProjection.GROUP);
    }

    @Test
    void aSagaIsStoredAndReadBackWithItsAssociations() {
        @SuppressWarnings("unchecked")
        SagaStore<Object> sagas = querySide.context().getBean(SagaStore.class);
        TransactionManager transactions = querySide.context().getBean(TransactionManager.class);
        SampleSaga saga = new SampleSaga();
        saga.step = "invited";
        saga.attempts = 2;
        AssociationValue meeting = new AssociationValue("meetingId", "regular-2027-Q1");

        transactions.executeInTransaction(() -> sagas.insertSaga(SampleSaga.class, "saga-1", saga, Set.of(meeting)));
        SagaStore.Entry<SampleSaga> loaded = transactions.fetchInTransaction(
                () -> sagas.loadSaga(SampleSaga.class, "saga-1"));

        assertThat(loaded.saga()).usingRecursiveComparison().isEqualTo(saga);
        assertThat(loaded.associationValues()).containsExactly(meeting);
        assertThat(transactions.fetchInTransaction(() -> sagas.findSagas(SampleSaga.class, meeting))).containsExactly("saga-1");
    }

    @Test
    void everySerializerOfAxonIsTheRecordsJacksonSerializerUnderThePersonalDataEncryption() {
        Map<String, Serializer> serializers = querySide.context().getBeansOfType(Serializer.class);
        org.axonframework.config.Configuration axon = querySide.context().getBean(org.axonframework.config.Configuration.class);

        assertThat(serializers.values()).isNotEmpty().allSatisfy(s -> assertThat(s).isInstanceOf(PersonalDataSerializer.class)
                .extracting(p -> ((PersonalDataSerializer) p).delegate()).isInstanceOf(JacksonSerializer.class));
        assertThat(List.of(axon.serializer(), axon.eventSerializer(), axon.messageSerializer()))
                .allSatisfy(s -> assertThat(s).isSameAs(axon.serializer()).isInstanceOf(PersonalDataSerializer.class));
    }

    /** A saga's state as Jackson writes it: its fields. */
    static final class SampleSaga {
        public String step;
        public int attempts;
    }
}
