package de.gremium.events.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.monitoring.IndicatorId;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Links between aggregates are typed ids, and an event declares them through the link interfaces of this package,
 * so that whatever follows links (the recommendation trace) finds every one of them without knowing event classes.
 *
 * <p>The rules are read from the code: the ids of aggregates are the ids that the sealed {@code *Event} interfaces
 * name, the links are the accessors of the interfaces in this package. A new aggregate, a new link interface or a
 * new event is covered without changing this test.
 */
class EventLinksTest {

    private static final List<Class<?>> LANGUAGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.gremium.events").stream()
            .filter(JavaClass::isTopLevelClass)
            .<Class<?>>map(JavaClass::reflect)
            .toList();
    private static final List<Class<?>> LINKS = LANGUAGE.stream()
            .filter(c -> c.isInterface() && c.getPackageName().equals(LinksToMeeting.class.getPackageName()))
            .toList();

    @Test
    void theRulesAreReadFromTheAggregatesIdsAndTheLinkInterfaces() {
        assertThat(identities(LANGUAGE)).extracting(Class::getSimpleName).contains("ProblemReportId", "ProjectIdeaId",
                "MeetingId", "DeliberationId", "RecommendationId", "MeasureId", "IndicatorId", "GroupId");
        assertThat(LINKS).extracting(Class::getSimpleName).contains("LinksToRecommendation", "LinksToProblemReports",
                "LinksToAgendaItem");
        assertThat(events(LANGUAGE)).hasSizeGreaterThan(40);
    }

    @Test
    void everyIdOfAnotherAggregateThatAnEventCarriesIsDeclaredThroughALinkInterface() {
        assertThat(idsOfOtherAggregatesWithoutTheirLink(LANGUAGE)).isEmpty();
    }

    @Test
    void anEventThatCarriesWhatALinkInterfaceNamesImplementsThatInterface() {
        assertThat(linkComponentsWithoutTheirInterface(LANGUAGE)).isEmpty();
    }

    @Test
    void anIdIsNeverAPlainStringWhereTheSameIdIsTypedElsewhere() {
        assertThat(idsAsStrings(LANGUAGE)).isEmpty();
    }

    /** The rules above, shown failing on records that a careless change could add. */
    @Nested
    class TheRulesFindCarelessEvents {

        @Test
        void anIdOfAnotherAggregateWithoutItsLinkInterface() {
            assertThat(idsOfOtherAggregatesWithoutTheirLink(List.of(MeetingIdUndeclared.class)))
                    .singleElement().asString().startsWith("MeetingIdUndeclared.meetingId");
        }

        @Test
        void aComponentThatALinkInterfaceNamesWithoutThatInterface() {
            assertThat(linkComponentsWithoutTheirInterface(List.of(AgendaItemWithoutItsLink.class)))
                    .singleElement().asString().startsWith("AgendaItemWithoutItsLink.agendaItemId").contains("LinksToAgendaItem");
        }

        @Test
        void aRecommendationIdAsAString() {
            assertThat(idsAsStrings(List.of(RecommendationIdAsString.class)))
                    .singleElement().asString().startsWith("RecommendationIdAsString.recommendationId").contains("RecommendationId");
        }
    }

    /** Events of an aggregate that no link interface names. */
    sealed interface CarelessEvent permits MeetingIdUndeclared, AgendaItemWithoutItsLink, RecommendationIdAsString {
        IndicatorId indicatorId();
    }

    record MeetingIdUndeclared(IndicatorId indicatorId, MeetingId meetingId) implements CarelessEvent {
    }

    record AgendaItemWithoutItsLink(IndicatorId indicatorId, MeetingId meetingId, AgendaItemId agendaItemId)
            implements CarelessEvent, LinksToMeeting {
    }

    record RecommendationIdAsString(IndicatorId indicatorId, String recommendationId) implements CarelessEvent {
    }

    /**
     * Components of events whose type is the id of another aggregate (or a list of them) and that no link interface
     * the event implements declares.
     */
    private static List<String> idsOfOtherAggregatesWithoutTheirLink(List<Class<?>> classes) {
        Set<Class<?>> identities = identities(Stream.concat(LANGUAGE.stream(), classes.stream()).toList());
        List<String> found = new ArrayList<>();
        for (Class<?> event : events(classes)) {
            String own = identityOf(sealedEventInterface(event)).getName();
            for (RecordComponent component : event.getRecordComponents()) {
                Optional<Class<?>> id = elementType(component.getGenericType()).filter(identities::contains);
                if (id.isPresent() && !component.getName().equals(own) && !declaredByALink(event, component)) {
                    found.add(event.getSimpleName() + "." + component.getName() + ": " + id.get().getSimpleName()
                            + " is the id of another aggregate; implement the link interface that declares "
                            + component.getName() + "() (de.gremium.events.links), or add one");
                }
            }
        }
        return found;
    }

    /** Components of events that a link interface declares (same name and type) without the event implementing it. */
    private static List<String> linkComponentsWithoutTheirInterface(List<Class<?>> classes) {
        List<String> found = new ArrayList<>();
        for (Class<?> event : events(classes)) {
            for (RecordComponent component : event.getRecordComponents()) {
                for (Class<?> link : LINKS) {
                    boolean names = Arrays.stream(link.getDeclaredMethods()).anyMatch(m -> declares(m, component));
                    if (names && !link.isAssignableFrom(event)) {
                        found.add(event.getSimpleName() + "." + component.getName() + ": implement " + link.getSimpleName());
                    }
                }
            }
        }
        return found;
    }

    /**
     * Record components (of any message) that hold a plain String, or Strings, under a name that elsewhere in the
     * language holds a typed id: the same link, once typed and once not.
     */
    private static List<String> idsAsStrings(List<Class<?>> classes) {
        Map<String, Set<String>> typedNames = new LinkedHashMap<>();
        Stream.concat(LANGUAGE.stream(), classes.stream()).filter(Class::isRecord)
                .flatMap(r -> Arrays.stream(r.getRecordComponents()))
                .forEach(c -> elementType(c.getGenericType()).filter(EventLinksTest::isTypedId)
                        .ifPresent(id -> typedNames.computeIfAbsent(c.getName(), n -> new java.util.TreeSet<>()).add(id.getSimpleName())));
        LINKS.stream().flatMap(l -> Arrays.stream(l.getDeclaredMethods()))
                .forEach(m -> elementType(m.getGenericReturnType()).ifPresent(id ->
                        typedNames.computeIfAbsent(m.getName(), n -> new java.util.TreeSet<>()).add(id.getSimpleName())));
        List<String> found = new ArrayList<>();
        for (Class<?> record : classes.stream().filter(Class::isRecord).toList()) {
            for (RecordComponent component : record.getRecordComponents()) {
                boolean strings = elementType(component.getGenericType()).filter(t -> t == String.class).isPresent();
                if (strings && typedNames.containsKey(component.getName())) {
                    found.add(record.getSimpleName() + "." + component.getName() + " holds Strings, elsewhere "
                            + typedNames.get(component.getName()));
                }
            }
        }
        return found;
    }

    private static boolean declaredByALink(Class<?> event, RecordComponent component) {
        return LINKS.stream().filter(link -> link.isAssignableFrom(event))
                .flatMap(link -> Arrays.stream(link.getMethods()))
                .anyMatch(m -> declares(m, component));
    }

    private static boolean declares(Method accessor, RecordComponent component) {
        return accessor.getName().equals(component.getName()) && accessor.getGenericReturnType().equals(component.getGenericType());
    }

    private static List<Class<?>> events(Collection<Class<?>> classes) {
        return classes.stream().filter(Class::isRecord).filter(c -> sealedEventInterfaceOf(c).isPresent()).toList();
    }

    /** The ids of the aggregates: what each sealed event interface names as the id of the aggregate it happens to. */
    private static Set<Class<?>> identities(Collection<Class<?>> classes) {
        return events(classes).stream().map(EventLinksTest::sealedEventInterface).distinct()
                .map(e -> identityOf(e).getReturnType()).collect(Collectors.toSet());
    }

    private static Method identityOf(Class<?> sealedEventInterface) {
        List<Method> ids = Arrays.stream(sealedEventInterface.getDeclaredMethods()).filter(m -> isTypedId(m.getReturnType()))
                .toList();
        assertThat(ids).as("the id that %s names", sealedEventInterface.getSimpleName()).hasSize(1);
        return ids.get(0);
    }

    private static Class<?> sealedEventInterface(Class<?> event) {
        return sealedEventInterfaceOf(event).orElseThrow();
    }

    private static Optional<Class<?>> sealedEventInterfaceOf(Class<?> type) {
        return Arrays.stream(type.getInterfaces()).filter(i -> i.isSealed() && i.getSimpleName().endsWith("Event")).findFirst();
    }

    /** A record named …Id that holds one String {@code value}, like {@code RecommendationId}. */
    private static boolean isTypedId(Class<?> type) {
        return type.isRecord() && type.getSimpleName().endsWith("Id") && type.getRecordComponents().length == 1
                && type.getRecordComponents()[0].getType() == String.class;
    }

    /** The type itself, or the element type of a list, set or collection. */
    private static Optional<Class<?>> elementType(Type type) {
        if (type instanceof Class<?> c) {
            return Optional.of(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return Optional.of(element);
        }
        return Optional.empty();
    }
}
