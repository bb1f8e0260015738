package de.gremium.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import de.gremium.events.group.MemberId;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every string an event stores (and every member id) is either marked {@link PersonalData}, and so encrypted with its
 * person's key, or on this reviewed list of values that name no one. A new event, or a new field of one, fails here
 * until someone decided which it is (docs/adr/0007-crypto-shredding.md).
 */
class PersonalDataTest {

    /**
     * Reviewed: the group's official texts (titles, minutes, recommendations, decisions: the group's record, not one
     * person's), organisational names, references and codes. "Record.component", nested values included.
     */
    private static final Set<String> NOT_PERSONAL = Set.of(
            // the group's constitution: organisational names
            "GroupConstituted.name", "Department.name", "Department.units", "UnitAdded.department", "UnitAdded.unit",
            "UnitRetired.unit", "UnitRetired.reason", "MemberAppointed.unit",
            // meetings: the group's plan and its minutes
            "MeetingPlanned.title", "MeetingScheduled.location", "MeetingRescheduled.location",
            "MeetingRescheduled.reason", "MeetingCancelled.reason", "CalendarOverride.reason", "CalendarOverride.clashes",
            "MeetingHeld.minutes", "AgendaTopic.referenceId",
            // deliberation and recommendation: the group's texts
            "ConsensusRecorded.text", "DraftAmended.text", "DraftRecommendationPut.text", "NoConsensusRecorded.positions",
            "RecommendationFormulated.text", "RecommendationSubmitted.note", "MayorsDecisionRecorded.reasons",
            "ProjectIdeaShelved.reason",
            // the organisation's calendar, imported
            "BlockedCalendarSynced.source", "BlockedCalendarSynced.removedExternalIds", "BlockedAppointment.source",
            "BlockedAppointment.externalId", "BlockedAppointment.title",
            // scheduling: slots
            "MeetingDateFixed.candidateId", "CandidateSlot.candidateId", "CandidateSlot.conflicts",
            // monitoring: statistics and their sources
            "IndicatorDefinition.title", "IndicatorDefinition.numerator", "IndicatorDefinition.denominator",
            "IndicatorDefinition.dataSource", "IndicatorDefinition.migrationStatusDefinition", "IndicatorDefinition.unit",
            "Observation.period", "Observation.sourceRelease", "ObservationsRecorded.importId", "ObservationsRecorded.source",
            "MeasureAdopted.title", "MeasureTarget.baselinePeriod", "MeasureVerdictChanged.basis",
            // the network's public project list
            "NetworkProjectAnnounced.title", "NetworkProjectAnnounced.description", "NetworkProjectUpdated.title",
            "NetworkProjectUpdated.description", "NetworkProjectCompleted.summary", "NetworkProjectDropped.reason",
            // problem reports: the unit concerned
            "ProblemReportSubmitted.unit");

    private static final List<Class<?>> EVENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.gremium.events").stream()
            .filter(JavaClass::isRecord)
            .filter(c -> c.getAllRawInterfaces().stream().anyMatch(i -> i.getSimpleName().endsWith("Event")))
            .<Class<?>>map(JavaClass::reflect)
            .toList();

    @Test
    void everyStringAnEventStoresIsMarkedPersonalOrReviewedAsNamingNoOne() {
        List<String> undecided = new ArrayList<>();
        List<String> both = new ArrayList<>();
        storedComponents().values().forEach(components -> components.forEach(component -> {
            String name = nameOf(component);
            boolean marked = component.isAnnotationPresent(PersonalData.class);
            if (holdsTextOrAPerson(component.getGenericType()) && !marked && !NOT_PERSONAL.contains(name)) {
                undecided.add(name);
            }
            if (marked && NOT_PERSONAL.contains(name)) {
                both.add(name);
            }
        }));

        assertThat(undecided).as("strings and member ids that are neither @PersonalData nor reviewed in NOT_PERSONAL").isEmpty();
        assertThat(both).as("marked personal and listed as naming no one").isEmpty();
    }

    @Test
    void everyReviewedValueStillExists() {
        Set<String> stored = new TreeSet<>();
        storedComponents().values().forEach(cs -> cs.forEach(c -> stored.add(nameOf(c))));

        assertThat(stored).containsAll(NOT_PERSONAL);
    }

    @Test
    void everyOwnerAndItemNamedByAMarkIsAComponentOfTheRecordOrOfOneThatCarriesIt() {
        Map<Class<?>, Set<Class<?>>> carriers = carriers();
        List<String> unresolved = new ArrayList<>();
        storedComponents().forEach((record, components) -> components.forEach(c -> {
            PersonalData mark = c.getAnnotation(PersonalData.class);
            if (mark == null) {
                return;
            }
            List<String> names = new ArrayList<>(Arrays.asList(mark.of()));
            if (!mark.item().isEmpty()) {
                names.add(mark.item());
            }
            for (String name : names) {
                boolean resolves = hasComponent(record, name)
                        || carriers.getOrDefault(record, Set.of()).stream().anyMatch(r -> hasComponent(r, name));
                if (!resolves) {
                    unresolved.add(nameOf(c) + " names " + name);
                }
            }
        }));

        assertThat(unresolved).isEmpty();
        assertThat(storedComponents()).hasSizeGreaterThan(EVENTS.size());
    }

    @Test
    void theErasureEventsNameNoOne() {
        assertThat(Arrays.stream(PersonalDataErased.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("erasureId", "erasedAt");
        assertThat(EVENTS).contains(PersonalDataErased.class, ProblemReportTextErased.class);
    }

    private static String nameOf(RecordComponent component) {
        return component.getDeclaringRecord().getSimpleName() + "." + component.getName();
    }

    /** Each record an event stores (the events and the values inside them) with its components. */
    private static Map<Class<?>, List<RecordComponent>> storedComponents() {
        Map<Class<?>, List<RecordComponent>> stored = new LinkedHashMap<>();
        List<Class<?>> pending = new ArrayList<>(EVENTS);
        while (!pending.isEmpty()) {
            Class<?> record = pending.remove(0);
            if (stored.containsKey(record)) {
                continue;
            }
            stored.put(record, List.of(record.getRecordComponents()));
            for (RecordComponent c : record.getRecordComponents()) {
                nestedRecords(c.getGenericType()).stream().filter(PersonalDataTest::isValueWithText).forEach(pending::add);
            }
        }
        return stored;
    }

    private static Map<Class<?>, Set<Class<?>>> carriers() {
        Map<Class<?>, Set<Class<?>>> carriers = new LinkedHashMap<>();
        storedComponents().forEach((record, components) -> components.forEach(c -> nestedRecords(c.getGenericType())
                .forEach(nested -> carriers.computeIfAbsent(nested, k -> new LinkedHashSet<>()).add(record))));
        return carriers;
    }

    private static boolean hasComponent(Class<?> record, String name) {
        return Arrays.stream(record.getRecordComponents()).anyMatch(c -> c.getName().equals(name));
    }

    /** A value of the language other than a single-value id (ids name things; a MemberId is checked where it is used). */
    private static boolean isValueWithText(Class<?> type) {
        return type.isRecord() && type.getRecordComponents().length > 1;
    }

    private static List<Class<?>> nestedRecords(Type type) {
        List<Class<?>> found = new ArrayList<>();
        if (type instanceof Class<?> c && c.isRecord() && c.getPackageName().startsWith("de.gremium.events")) {
            found.add(c);
        } else if (type instanceof ParameterizedType p) {
            Arrays.stream(p.getActualTypeArguments()).forEach(a -> found.addAll(nestedRecords(a)));
        }
        return found;
    }

    private static boolean holdsTextOrAPerson(Type type) {
        if (type == String.class || type == MemberId.class) {
            return true;
        }
        return type instanceof ParameterizedType p && !Map.class.isAssignableFrom((Class<?>) p.getRawType())
                && Arrays.stream(p.getActualTypeArguments()).anyMatch(PersonalDataTest::holdsTextOrAPerson);
    }
}
