package de.gremium.platform.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.platform.evolution.GoldenFixtures.GoldenFixture;
import de.gremium.platform.record.StoredJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * Schema evolution: every event type has a golden fixture of the JSON it was first stored as, per
 * revision, and every fixture must still read through the upcaster chain into a current event. An
 * event whose shape changed without a new revision and an upcaster fails here.
 *
 * <p>Missing fixtures are written (never overwritten) when run with {@code -Dgolden.write=true}:
 * {@value GoldenFixtures#WRITE_COMMAND}
 */
class GoldenEventFixturesTest {

    private static final List<Class<?>> EVENT_TYPES = EventTypes.all();
    private static final FixtureReader READER = new FixtureReader(EventUpcasters.inChainOrder());

    @BeforeAll
    static void writeMissingFixturesWhenAsked() {
        if (GoldenFixtures.writeRequested()) {
            List<Path> written = GoldenFixtures.writeMissing(EVENT_TYPES, StoredJson.serializer());
            System.out.println("golden fixtures written: " + written.size() + " " + written);
        }
    }

    static List<GoldenFixture> fixtures() {
        return GoldenFixtures.readAll();
    }

    static List<Named<Class<?>>> eventTypes() {
        return EVENT_TYPES.stream().map(e -> Named.<Class<?>>of(e.getSimpleName(), e)).toList();
    }

    @Test
    void theScanFindsExactlyTheEventsThatTheSealedEventInterfacesPermit() {
        Set<String> permitted = EVENT_TYPES.stream()
                .flatMap(e -> Arrays.stream(e.getInterfaces()))
                .filter(i -> i.isSealed() && i.getSimpleName().endsWith("Event"))
                .flatMap(i -> Arrays.stream(i.getPermittedSubclasses()))
                .map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(EVENT_TYPES).hasSizeGreaterThan(40);
        assertThat(EVENT_TYPES.stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(permitted);
    }

    @Test
    void everyEventTypeHasARevisionAndASimpleNameOfItsOwn() {
        assertThat(EVENT_TYPES).allSatisfy(e -> assertThat(EventTypes.revisionOf(e)).as("@Revision of " + e.getName()).isNotBlank());
        assertThat(EVENT_TYPES.stream().map(Class::getSimpleName)).as("fixture files are named by simple name").doesNotHaveDuplicates();
    }

    @Test
    void everyEventTypeHasAGoldenFixtureOfItsCurrentRevision() {
        List<String> missing = EVENT_TYPES.stream()
                .map(GoldenFixtures::fileName)
                .filter(name -> !Files.exists(GoldenFixtures.directory().resolve(name)))
                .toList();

        assertThat(missing)
                .withFailMessage(() -> "No golden fixture in platform/src/test/resources/golden for " + missing
                        + ".\nWrite the missing ones (existing files are kept) with\n    " + GoldenFixtures.WRITE_COMMAND
                        + "\nthen look at them and commit them with the change that introduced the event or revision.")
                .isEmpty();
    }

    @Test
    void everyFixtureIsNamedAfterItsEventTypeAndRevision() {
        assertThat(fixtures()).isNotEmpty().allSatisfy(f -> assertThat(f.fileName()).isEqualTo(GoldenFixtures.fileName(
                f.payloadType().substring(f.payloadType().lastIndexOf('.') + 1), f.payloadRevision())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureReadsThroughTheUpcasterChainIntoACurrentEventAndWritesBackAsTheSameJson(GoldenFixture fixture) {
        FixtureReader.Read read = READER.read(fixture);

        assertThat(read.event()).isInstanceOf(read.eventType());
        assertThat(FixtureReader.withoutNulls(READER.write(read.event())))
                .as("%s read and written again", fixture)
                .isEqualTo(FixtureReader.withoutNulls(read.upcastPayload()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void theFixtureOfTheCurrentRevisionHoldsEveryFieldTheEventHasNow(Class<?> eventType) {
        Path file = GoldenFixtures.directory().resolve(GoldenFixtures.fileName(eventType));
        assumeTrue(Files.exists(file), "no fixture yet (reported by everyEventTypeHasAGoldenFixtureOfItsCurrentRevision)");

        List<String> missing = FixtureReader.fieldsMissingFrom(GoldenFixtures.read(file).payload(), eventType);

        assertThat(missing)
                .withFailMessage(() -> eventType.getSimpleName() + " has fields that its stored revision "
                        + EventTypes.revisionOf(eventType) + " lacks: " + missing + ". Old events would read them as null. "
                        + "Give the event a new @Revision, an upcaster that fills them, and a fixture of the new revision "
                        + "(see docs/schema-evolution.md).")
                .isEmpty();
    }

    @Test
    void theChainListsEveryUpcasterOnTheClasspathInSpringsOrder() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(EventUpcaster.class));
        // the upcasters this test defines for itself are not the app's
        scanner.addExcludeFilter(new RegexPatternTypeFilter(Pattern.compile(Pattern.quote(getClass().getPackageName() + ".") + ".*")));
        Set<String> onClasspath = scanner.findCandidateComponents("de.gremium").stream()
                .map(BeanDefinition::getBeanClassName)
                .collect(Collectors.toSet());
        List<EventUpcaster> chain = EventUpcasters.inChainOrder();
        List<EventUpcaster> springOrder = new ArrayList<>(chain);
        AnnotationAwareOrderComparator.sort(springOrder);

        assertThat(chain.stream().map(u -> u.getClass().getName()))
                .as("EventUpcasters.inChainOrder() against the EventUpcaster classes under de.gremium")
                .containsExactlyInAnyOrderElementsOf(onClasspath);
        assertThat(chain).as("the order ObjectProvider.orderedStream() gives the app").containsExactlyElementsOf(springOrder);
    }

    /**
     * The checks above, shown failing on fixtures changed in memory the way a careless change to an
     * event record would change what the store holds relative to the code.
     */
    @Nested
    class AShapeChangeWithoutAnUpcasterBreaksTheBuild {

        private final GoldenFixture acknowledged = GoldenFixtures.read(ProblemReportAcknowledged.class);

        private ObjectNode payload() {
            return acknowledged.payload().deepCopy();
        }

        /** Stored as {@code remark}, read by a record that now calls it {@code note}. */
        private GoldenFixture storedWithRemarkInsteadOfNote(String revision) {
            ObjectNode old = payload();
            old.set("remark", old.remove("note"));
            return acknowledged.withPayload(old).withRevision(revision);
        }

        @Test
        void theUnchangedFixtureReads() {
            assertThat(READER.read(acknowledged).event()).isInstanceOf(ProblemReportAcknowledged.class);
        }

        @Test
        void aRenamedFieldIsAnUnknownPropertyOfTheStoredEvent() {
            GoldenFixture renamed = storedWithRemarkInsteadOfNote("1");

            assertThatThrownBy(() -> READER.read(renamed))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("no longer reads into " + ProblemReportAcknowledged.class.getName())
                    .hasMessageContaining("\"remark\"")
                    .hasRootCauseInstanceOf(UnrecognizedPropertyException.class);
        }

        @Test
        void aFieldAddedToTheEventIsMissingFromTheFixtureOfItsRevision() {
            ObjectNode storedBeforeNoteExisted = payload();
            storedBeforeNoteExisted.remove("note");

            assertThat(READER.read(acknowledged.withPayload(storedBeforeNoteExisted)).event())
                    .as("Jackson reads the absent field as null, silently")
                    .isInstanceOf(ProblemReportAcknowledged.class);
            assertThat(FixtureReader.fieldsMissingFrom(storedBeforeNoteExisted, ProblemReportAcknowledged.class))
                    .containsExactly("note");
        }

        @Test
        void aFieldAddedToAValueRecordInsideTheEventIsMissingToo() {
            ObjectNode stored = payload();
            ((ObjectNode) stored.get("reportId")).remove("value");

            assertThat(FixtureReader.fieldsMissingFrom(stored, ProblemReportAcknowledged.class)).containsExactly("reportId.value");
        }

        @Test
        void anEventTypeThatNoLongerExistsFailsTheRead() {
            GoldenFixture renamedType = acknowledged.withPayloadType("de.gremium.events.problem.ProblemReportTakenUp");

            assertThatThrownBy(() -> READER.read(renamedType))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("there is no event type de.gremium.events.problem.ProblemReportTakenUp any more");
        }

        @Test
        void anOlderRevisionThatNoUpcasterLiftsFailsTheRead() {
            // current revision is "1"; pretend the store holds a "0" from before a change
            assertThatThrownBy(() -> READER.read(acknowledged.withRevision("0")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("still revision 0 of ProblemReportAcknowledged, whose current revision is 1");
        }

        @Test
        void anUpcasterFromTheOldShapeMakesTheOldFixtureReadAgain() {
            FixtureReader withUpcaster = new FixtureReader(List.of(new RemarkBecameNote()));
            GoldenFixture old = storedWithRemarkInsteadOfNote("0");

            FixtureReader.Read read = withUpcaster.read(old);

            assertThat(read.event()).isEqualTo(READER.read(acknowledged).event());
            assertThat(withUpcaster.write(read.event())).isEqualTo(read.upcastPayload());
        }
    }

    /** The shape of the example in docs/schema-evolution.md, on revisions 0 → 1 of a real event. */
    static final class RemarkBecameNote extends SingleEventUpcaster {

        private static final SerializedType OLD = new SimpleSerializedType(ProblemReportAcknowledged.class.getName(), "0");
        private static final SerializedType NEW = new SimpleSerializedType(ProblemReportAcknowledged.class.getName(), "1");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(OLD);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(NEW, JsonNode.class, payload -> {
                ObjectNode event = (ObjectNode) payload;
                event.set("note", event.remove("remark"));
                return event;
            });
        }
    }
}
