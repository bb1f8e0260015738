package de.gremium.query.group;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.group.CoordinatorRoleAssigned;
import de.gremium.events.group.Department;
import de.gremium.events.group.FetchMemberDirectory;
import de.gremium.events.group.FetchUnitRepresentation;
import de.gremium.events.group.GroupConstituted;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MayorsOfficeSeatAssigned;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberEmailChanged;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.group.NotificationDelivery;
import de.gremium.events.group.NotificationKind;
import de.gremium.events.group.NotificationSettingsChosen;
import de.gremium.events.group.UnitAdded;
import de.gremium.events.group.UnitRetired;
import de.gremium.events.privacy.PersonalData;
import de.gremium.query.ViewStore;
import de.gremium.query.group.UnitView.UnitStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The member directory as a plain object over a real wire-protocol store. */
class MemberDirectoryProjectionTest {

    private static final GroupId GROUP = GroupId.PROJEKTGRUPPE_INTEGRATION;
    private static final Instant T0 = Instant.parse("2027-01-10T09:00:00Z");

    private ViewStore store;
    private MemberDirectoryProjection projection;
    private MemberDirectoryQueries queries;
    private long sequence;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        projection = new MemberDirectoryProjection(store.mongo());
        queries = new MemberDirectoryQueries(store.mongo());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static GroupConstituted constituted() {
        return new GroupConstituted(GROUP, "Projektgruppe Integration", List.of(
                new Department("Bereich OB", List.of("Amt 16", "Öffentlichkeitsarbeit")),
                new Department("Dezernat I", List.of("FB 32")),
                new Department("Dezernat IV", List.of("IV/01")),
                new Department("Dezernat V", List.of("Amt 50", "Amt 51"))), "koordinator", T0);
    }

    private static MemberAppointed appointed(String member, String name, String unit, Instant at) {
        return new MemberAppointed(GROUP, new MemberId(member), name, unit, "koordinator", at, null);
    }

    private static MemberWithdrew withdrew(String member, Instant at) {
        return new MemberWithdrew(GROUP, new MemberId(member), "Wechsel der Stelle", "koordinator", at);
    }

    /** Applies the events as the group's next sequence numbers, as the event store hands them out. */
    private void given(Object... events) {
        for (Object event : events) {
            apply(event, sequence++);
        }
    }

    private void apply(Object event, long seq) {
        if (event instanceof GroupConstituted e) {
            projection.on(e, seq);
        } else if (event instanceof UnitAdded e) {
            projection.on(e, seq);
        } else if (event instanceof UnitRetired e) {
            projection.on(e, seq);
        } else if (event instanceof MemberAppointed e) {
            projection.on(e, seq);
        } else if (event instanceof MemberWithdrew e) {
            projection.on(e, seq);
        } else if (event instanceof CoordinatorRoleAssigned e) {
            projection.on(e, seq);
        } else if (event instanceof MayorsOfficeSeatAssigned e) {
            projection.on(e, seq);
        } else if (event instanceof MemberEmailChanged e) {
            projection.on(e, seq);
        } else if (event instanceof NotificationSettingsChosen e) {
            projection.on(e, seq);
        } else {
            throw new IllegalArgumentException(event.toString());
        }
    }

    private List<MemberDirectory.Member> members(String department, String unit) {
        return queries.handle(new FetchMemberDirectory(department, unit)).members();
    }

    private List<String> representativesOf(String unit, String date) {
        return queries.handle(new FetchUnitRepresentation(unit, LocalDate.parse(date))).orElseThrow()
                .representatives().stream().map(UnitRepresentation.Representative::memberId).toList();
    }

    @Test
    void theConstitutionListsDepartmentsAndUnitsInItsOrderAllActive() {
        given(constituted());

        UnitDirectory directory = queries.handle(new FetchUnitDirectory());
        assertThat(directory.departments()).extracting(UnitDirectory.Department::name)
                .containsExactly("Bereich OB", "Dezernat I", "Dezernat IV", "Dezernat V");
        assertThat(directory.departments().get(0).units()).extracting(UnitDirectory.Unit::name)
                .containsExactly("Amt 16", "Öffentlichkeitsarbeit");
        assertThat(directory.departments().get(0).units()).extracting(UnitDirectory.Unit::key)
                .containsExactly("amt-16", "oeffentlichkeitsarbeit");
        assertThat(directory.departments()).allMatch(d -> d.status() == UnitStatus.ACTIVE);
    }

    @Test
    void aUnitAddedLaterCarriesItsDepartmentToItsMembers() {
        given(constituted(),
                new UnitAdded(GROUP, "Dezernat VI", "Amt 61", "koordinator", T0.plusSeconds(60)),
                new UnitAdded(GROUP, "Dezernat I", "Amt 37", "koordinator", T0.plusSeconds(70)),
                appointed("lena.amt61", "Lena Schulz", "Amt 61", T0.plusSeconds(120)));

        UnitDirectory directory = queries.handle(new FetchUnitDirectory());
        assertThat(directory.departments()).extracting(UnitDirectory.Department::name)
                .containsExactly("Bereich OB", "Dezernat I", "Dezernat IV", "Dezernat V", "Dezernat VI");
        assertThat(directory.departments().get(1).units()).extracting(UnitDirectory.Unit::name)
                .containsExactly("FB 32", "Amt 37");
        assertThat(members(null, null)).singleElement()
                .satisfies(m -> assertThat(m.department()).isEqualTo("Dezernat VI"));
    }

    @Test
    void aRetiredUnitStaysListedAsRetiredUntilItIsAddedAgain() {
        given(constituted(), new UnitRetired(GROUP, "Amt 51", "aufgelöst", "koordinator", T0.plusSeconds(60)));

        UnitDirectory.Unit retired = queries.handle(new FetchUnitDirectory()).departments().get(3).units().get(1);
        assertThat(retired.status()).isEqualTo(UnitStatus.RETIRED);
        assertThat(retired.retirementReason()).isEqualTo("aufgelöst");

        given(new UnitAdded(GROUP, "Dezernat V", "Amt 51", "koordinator", T0.plusSeconds(120)));
        UnitDirectory.Unit back = queries.handle(new FetchUnitDirectory()).departments().get(3).units().get(1);
        assertThat(back.status()).isEqualTo(UnitStatus.ACTIVE);
        assertThat(back.retirementReason()).isNull();
    }

    @Test
    void membersAreFilteredByDepartmentAndByUnitNameOrKey() {
        given(constituted(),
                appointed("anna.amt50", "Anna Becker", "Amt 50", T0.plusSeconds(10)),
                appointed("ben.amt51", "Ben Richter", "Amt 51", T0.plusSeconds(20)),
                appointed("jonas.fb32", "Jonas Wolf", "FB 32", T0.plusSeconds(30)),
                appointed("ida.iv01", "Ida Krause", "IV/01", T0.plusSeconds(40)));

        assertThat(members(null, null)).extracting(MemberDirectory.Member::memberId)
                .containsExactly("jonas.fb32", "ida.iv01", "anna.amt50", "ben.amt51");
        assertThat(members("Dezernat V", null)).extracting(MemberDirectory.Member::memberId)
                .containsExactly("anna.amt50", "ben.amt51");
        assertThat(members(null, "iv-01")).extracting(MemberDirectory.Member::memberId).containsExactly("ida.iv01");
        assertThat(members(null, "IV/01")).extracting(MemberDirectory.Member::memberId).containsExactly("ida.iv01");
        assertThat(members("Dezernat I", "Amt 50")).isEmpty();
        assertThat(members(null, "Amt 99")).isEmpty();
    }

    @Test
    void aNewHolderTakesEachSeatFromThePreviousOne() {
        given(constituted(),
                appointed("koordinator", "Kai Koordinator", "Amt 16", T0.plusSeconds(10)),
                appointed("buero.ob", "Bea Büro", "Öffentlichkeitsarbeit", T0.plusSeconds(20)),
                appointed("anna.amt50", "Anna Becker", "Amt 50", T0.plusSeconds(30)),
                new CoordinatorRoleAssigned(GROUP, new MemberId("koordinator"), "koordinator", T0.plusSeconds(40)),
                new MayorsOfficeSeatAssigned(GROUP, new MemberId("buero.ob"), "koordinator", T0.plusSeconds(50)),
                new CoordinatorRoleAssigned(GROUP, new MemberId("anna.amt50"), "koordinator", T0.plusSeconds(60)));

        assertThat(members(null, "Amt 16").get(0).roles()).isEmpty();
        assertThat(members(null, "Öffentlichkeitsarbeit").get(0).roles()).containsExactly(MemberRole.MAYORS_OFFICE_SEAT);
        assertThat(members(null, "Amt 50").get(0).roles()).containsExactly(MemberRole.COORDINATOR);
    }

    @Test
    void aWithdrawnMemberLeavesTheDirectoryWithTheirSeatAndComesBackWithout() {
        given(constituted(),
                appointed("anna.amt50", "Anna Becker", "Amt 50", T0.plusSeconds(10)),
                new CoordinatorRoleAssigned(GROUP, new MemberId("anna.amt50"), "koordinator", T0.plusSeconds(20)),
                withdrew("anna.amt50", T0.plusSeconds(30)));
        assertThat(members(null, null)).isEmpty();

        given(appointed("anna.amt50", "Anna Becker", "Amt 51", T0.plusSeconds(40)));
        assertThat(members(null, null)).singleElement().satisfies(m -> {
            assertThat(m.unit()).isEqualTo("Amt 51");
            assertThat(m.roles()).isEmpty();
        });
    }

    @Test
    void theRepresentativesOfADayIncludeMembersWhoHaveWithdrawnSince() {
        given(constituted(),
                appointed("anna.amt50", "Anna Becker", "Amt 50", Instant.parse("2027-02-01T08:00:00Z")),
                withdrew("anna.amt50", Instant.parse("2027-06-15T10:00:00Z")),
                appointed("carl.amt50", "Carl Neumann", "Amt 50", Instant.parse("2027-06-15T10:00:00Z")));

        assertThat(representativesOf("Amt 50", "2027-01-31")).isEmpty();
        assertThat(representativesOf("Amt 50", "2027-03-01")).containsExactly("anna.amt50");
        assertThat(representativesOf("amt-50", "2027-06-15")).containsExactly("anna.amt50", "carl.amt50");
        assertThat(representativesOf("Amt 50", "2027-06-16")).containsExactly("carl.amt50");
        UnitRepresentation.Representative anna = queries.handle(
                new FetchUnitRepresentation("Amt 50", LocalDate.parse("2027-03-01"))).orElseThrow().representatives().get(0);
        assertThat(anna.name()).isEqualTo("Anna Becker");
        assertThat(anna.until()).isEqualTo(Instant.parse("2027-06-15T10:00:00Z"));
    }

    @Test
    void theRepresentationDayIsABerlinCalendarDayAcrossTheClockChanges() {
        // 28 March 2027: clocks go forward, the day runs from 23:00Z on the 27th to 22:00Z on the 28th
        given(constituted(),
                appointed("early", "Erika Früh", "Amt 51", Instant.parse("2027-03-27T23:30:00Z")),
                withdrew("early", Instant.parse("2027-03-27T23:45:00Z")),
                appointed("late", "Lars Spät", "Amt 51", Instant.parse("2027-03-28T22:30:00Z")));

        assertThat(representativesOf("Amt 51", "2027-03-27")).isEmpty();
        assertThat(representativesOf("Amt 51", "2027-03-28")).containsExactly("early");
        assertThat(representativesOf("Amt 51", "2027-03-29")).containsExactly("late");

        // 31 October 2027: clocks go back, the day runs from 22:00Z on the 30th to 23:00Z on the 31st
        given(withdrew("late", Instant.parse("2027-10-31T22:30:00Z")),
                appointed("next", "Nina Nach", "Amt 51", Instant.parse("2027-10-31T23:00:00Z")));
        assertThat(representativesOf("Amt 51", "2027-10-31")).containsExactly("late");
        assertThat(representativesOf("Amt 51", "2027-11-01")).containsExactly("next");
    }

    @Test
    void anUnknownUnitHasNoRepresentation() {
        given(constituted());
        assertThat(queries.handle(new FetchUnitRepresentation("Amt 99", LocalDate.parse("2027-03-01")))).isEmpty();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        List<Object> history = List.of(constituted(),
                new UnitAdded(GROUP, "Dezernat VI", "Amt 61", "koordinator", T0.plusSeconds(5)),
                appointed("anna.amt50", "Anna Becker", "Amt 50", T0.plusSeconds(10)),
                appointed("jonas.fb32", "Jonas Wolf", "FB 32", T0.plusSeconds(20)),
                new CoordinatorRoleAssigned(GROUP, new MemberId("anna.amt50"), "koordinator", T0.plusSeconds(30)),
                new MayorsOfficeSeatAssigned(GROUP, new MemberId("jonas.fb32"), "koordinator", T0.plusSeconds(35)),
                new CoordinatorRoleAssigned(GROUP, new MemberId("jonas.fb32"), "koordinator", T0.plusSeconds(40)),
                withdrew("anna.amt50", T0.plusSeconds(50)),
                new UnitRetired(GROUP, "Amt 61", "aufgelöst", "koordinator", T0.plusSeconds(60)),
                appointed("anna.amt50", "Anna Becker", "Amt 51", T0.plusSeconds(70)));
        history.forEach(this::given);
        Snapshot once = snapshot();

        // a restart redelivers from an older token: every event again, in order
        for (int seq = 0; seq < history.size(); seq++) {
            apply(history.get(seq), seq);
        }
        // and a single stale event after everything else
        apply(history.get(4), 4);
        apply(history.get(7), 7);

        assertThat(snapshot()).isEqualTo(once);
        assertThat(once.members().members()).extracting(MemberDirectory.Member::memberId)
                .containsExactly("jonas.fb32", "anna.amt50");
        assertThat(once.members().members().get(0).roles())
                .containsExactlyInAnyOrder(MemberRole.COORDINATOR, MemberRole.MAYORS_OFFICE_SEAT);
        assertThat(store.mongo().findAll(RepresentationPeriod.class)).hasSize(3);
    }

    private record Snapshot(MemberDirectory members, UnitDirectory units, List<MemberView> all,
            List<RepresentationPeriod> periods) {
    }

    private Snapshot snapshot() {
        return new Snapshot(queries.handle(new FetchMemberDirectory(null, null)), queries.handle(new FetchUnitDirectory()),
                store.mongo().findAll(MemberView.class), store.mongo().findAll(RepresentationPeriod.class));
    }

    @Test
    void aResetEmptiesTheDirectoryForAReplay() {
        given(constituted(), appointed("anna.amt50", "Anna Becker", "Amt 50", T0.plusSeconds(10)));
        projection.reset();
        assertThat(queries.handle(new FetchUnitDirectory()).departments()).isEmpty();
        assertThat(members(null, null)).isEmpty();
        assertThat(store.mongo().findAll(RepresentationPeriod.class)).isEmpty();
    }

    private static MemberAppointed appointed(String member, String name, String unit, Instant at, String email) {
        return new MemberAppointed(GROUP, new MemberId(member), name, unit, "koordinator", at, email);
    }

    private static MemberEmailChanged emailChanged(String member, String email, Instant at) {
        return new MemberEmailChanged(GROUP, new MemberId(member), email, member, at);
    }

    private static NotificationSettingsChosen chose(String member, Map<NotificationKind, NotificationDelivery> deliveries,
            Instant at) {
        return new NotificationSettingsChosen(GROUP, new MemberId(member), deliveries, member, at);
    }

    private NotificationSettings settingsOf(String member) {
        return queries.handle(new FetchNotificationSettings(member)).orElseThrow();
    }

    private static Map<NotificationKind, NotificationDelivery> deliveries(NotificationSettings settings) {
        Map<NotificationKind, NotificationDelivery> deliveries = new java.util.EnumMap<>(NotificationKind.class);
        settings.settings().forEach(setting -> deliveries.put(setting.kind(), setting.delivery()));
        return deliveries;
    }

    @Test
    void aMemberAppointedWithAnAddressHasItAndHearsOfEveryKindImmediatelyUntilTheyChoose() {
        given(constituted(), appointed("anna.amt50", "Anna Becker", "Amt 50", T0.plusSeconds(10), "anna.becker@magdeburg.example"));

        NotificationSettings settings = settingsOf("anna.amt50");
        assertThat(settings.email()).isEqualTo("anna.becker@magdeburg.example");
        assertThat(settings.name()).isEqualTo("Anna Becker");
        assertThat(settings.withdrawn()).isFalse();
        assertThat(settings.settings()).extracting(NotificationSettings.Setting::kind).containsExactly(NotificationKind.values());
        assertThat(settings.settings()).allSatisfy(setting -> {
            assertThat(setting.delivery()).isEqualTo(NotificationDelivery.IMMEDIATELY);
            assertThat(setting.deliveryLabel()).isEqualTo("sofort");
            assertThat(setting.label()).isEqualTo(setting.kind().germanLabel());
            assertThat(setting.description()).isEqualTo(setting.kind().germanDescription());
        });
        assertThat(settings.deliveries()).extracting(NotificationSettings.DeliveryChoice::label)
                .containsExactly("sofort", "in der wöchentlichen Zusammenfassung", "gar nicht");
        assertThat(members(null, null)).extracting(MemberDirectory.Member::email).containsExactly("anna.becker@magdeburg.example");
        assertThat(queries.handle(new FetchNotificationSettings("niemand"))).isEmpty();
    }

    @Test
    void aChoiceChangesOnlyTheKindsItNamesAndAnEarlierChoiceDeliveredLateChangesNothing() {
        given(constituted(), appointed("anna.amt50", "Anna Becker", "Amt 50", T0.plusSeconds(10), null));
        NotificationSettingsChosen first = chose("anna.amt50", Map.of(NotificationKind.AGENDAS, NotificationDelivery.WEEKLY_DIGEST,
                NotificationKind.MINUTES, NotificationDelivery.NEVER), T0.plusSeconds(20));
        NotificationSettingsChosen second = chose("anna.amt50", Map.of(NotificationKind.MINUTES, NotificationDelivery.IMMEDIATELY,
                NotificationKind.DECISIONS, NotificationDelivery.NEVER), T0.plusSeconds(30));
        given(first, second);
        apply(first, 2); // redelivered after the second

        Map<NotificationKind, NotificationDelivery> deliveries = deliveries(settingsOf("anna.amt50"));
        assertThat(deliveries).containsEntry(NotificationKind.AGENDAS, NotificationDelivery.WEEKLY_DIGEST)
                .containsEntry(NotificationKind.MINUTES, NotificationDelivery.IMMEDIATELY)
                .containsEntry(NotificationKind.DECISIONS, NotificationDelivery.NEVER)
                .containsEntry(NotificationKind.SCHEDULING_POLLS, NotificationDelivery.IMMEDIATELY)
                .hasSize(NotificationKind.values().length);
        assertThat(settingsOf("anna.amt50").settings().get(NotificationKind.AGENDAS.ordinal()).deliveryLabel())
                .isEqualTo("in der wöchentlichen Zusammenfassung");
        assertThat(settingsOf("anna.amt50").email()).isNull();
    }

    @Test
    void anAddressChangedOrRemovedIsWhatTheDirectoryHolds() {
        given(constituted(), appointed("anna.amt50", "Anna Becker", "Amt 50", T0.plusSeconds(10), "alt@magdeburg.example"),
                emailChanged("anna.amt50", "neu@magdeburg.example", T0.plusSeconds(20)));
        assertThat(settingsOf("anna.amt50").email()).isEqualTo("neu@magdeburg.example");

        given(emailChanged("anna.amt50", null, T0.plusSeconds(30)));
        apply(emailChanged("anna.amt50", "neu@magdeburg.example", T0.plusSeconds(20)), 2); // redelivered

        assertThat(settingsOf("anna.amt50").email()).isNull();
        assertThat(store.mongo().getCollection("member_directory_members").find().first()).doesNotContainKey("email");
    }

    @Test
    void anAddressReadAsAnErasuresPlaceholderIsNotKept() {
        String erased = PersonalData.ERASED_PERSON;
        given(constituted(), appointed(erased, erased, "Amt 50", T0.plusSeconds(10), erased),
                appointed("jonas.fb32", "Jonas Wolf", "FB 32", T0.plusSeconds(20), "jonas.wolf@magdeburg.example"),
                emailChanged("jonas.fb32", PersonalData.ERASED_TEXT, T0.plusSeconds(30)),
                emailChanged(erased, erased, T0.plusSeconds(40)));

        assertThat(settingsOf(erased).email()).isNull();
        assertThat(settingsOf("jonas.fb32").email()).isNull();
        assertThat(store.mongo().getCollection("member_directory_members").find().into(new java.util.ArrayList<>()))
                .allSatisfy(document -> assertThat(document).doesNotContainKey("email"));
    }

    @Test
    void aMemberAppointedAgainHasTheAddressOfTheNewAppointmentAndKeepsTheirSettings() {
        given(constituted(), appointed("anna.amt50", "Anna Becker", "Amt 50", T0.plusSeconds(10), "alt@magdeburg.example"),
                chose("anna.amt50", Map.of(NotificationKind.AGENDAS, NotificationDelivery.NEVER), T0.plusSeconds(20)),
                withdrew("anna.amt50", T0.plusSeconds(30)));
        assertThat(settingsOf("anna.amt50").withdrawn()).isTrue();
        assertThat(settingsOf("anna.amt50").email()).as("a withdrawn member's address stays until changed").isEqualTo("alt@magdeburg.example");

        given(appointed("anna.amt50", "Anna Becker", "Amt 51", T0.plusSeconds(40), "neu@magdeburg.example"));

        NotificationSettings settings = settingsOf("anna.amt50");
        assertThat(settings.withdrawn()).isFalse();
        assertThat(settings.email()).isEqualTo("neu@magdeburg.example");
        assertThat(deliveries(settings)).containsEntry(NotificationKind.AGENDAS, NotificationDelivery.NEVER);
    }

    @Test
    void theDirectoryShowsEveryAddressToTheCoordinatorAndOnlyTheirOwnToAMember() {
        given(constituted(), appointed("anna.amt50", "Anna Becker", "Amt 50", T0.plusSeconds(10), "anna@magdeburg.example"),
                appointed("jonas.fb32", "Jonas Wolf", "FB 32", T0.plusSeconds(20), "jonas@magdeburg.example"));
        MemberDirectory directory = queries.handle(new FetchMemberDirectory(null, null));

        assertThat(directory.asSeenBy("koordinator", true).members()).extracting(MemberDirectory.Member::email)
                .containsExactly("jonas@magdeburg.example", "anna@magdeburg.example");
        assertThat(directory.asSeenBy("anna.amt50", false).members()).extracting(MemberDirectory.Member::email)
                .containsExactly(null, "anna@magdeburg.example");
        assertThat(directory.asSeenBy("leser", false).members()).extracting(MemberDirectory.Member::email)
                .containsOnlyNulls();
    }
}
