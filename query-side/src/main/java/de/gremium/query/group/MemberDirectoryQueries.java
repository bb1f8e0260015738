package de.gremium.query.group;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.group.FetchMemberDirectory;
import de.gremium.events.group.FetchUnitRepresentation;
import de.gremium.query.group.MemberView.MemberStatus;
import de.gremium.query.group.UnitView.UnitStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Answers the member directory's queries from its collections. */
@Component
class MemberDirectoryQueries {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final MongoTemplate mongo;

    MemberDirectoryQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Current members; {@code unit} may be a unit's name or its key. An unknown unit or department matches nobody. */
    @QueryHandler
    MemberDirectory handle(FetchMemberDirectory query) {
        Map<String, UnitView> units = unitsByName();
        Query filter = query(where("status").is(MemberStatus.ACTIVE));
        if (query.unit() != null) {
            filter.addCriteria(where("unit").is(resolve(query.unit()).map(UnitView::name).orElse(query.unit())));
        }
        List<MemberDirectory.Member> members = mongo.find(filter, MemberView.class).stream()
                .map(m -> new MemberDirectory.Member(m.id(), m.name(), m.unit(), departmentOf(units, m.unit()),
                        m.roles(), m.appointedAt(), m.email()))
                .filter(m -> query.department() == null || query.department().equals(m.department()))
                .sorted(Comparator.<MemberDirectory.Member>comparingLong(m -> departmentRank(units, m.department()))
                        .thenComparingLong(m -> unitRank(units, m.unit()))
                        .thenComparing(MemberDirectory.Member::name, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(MemberDirectory.Member::memberId))
                .toList();
        return new MemberDirectory(members);
    }

    /** One member's address and how they hear of each kind (every kind, in its order); empty for an unknown member. */
    @QueryHandler
    Optional<NotificationSettings> handle(FetchNotificationSettings query) {
        return Optional.ofNullable(mongo.findById(query.memberId(), MemberView.class)).map(NotificationSettings::of);
    }

    @QueryHandler
    UnitDirectory handle(FetchUnitDirectory query) {
        Map<String, List<UnitView>> byDepartment = mongo.find(new Query().with(Sort.by("rank", "_id")), UnitView.class)
                .stream().collect(Collectors.groupingBy(UnitView::department, LinkedHashMap::new, Collectors.toList()));
        return new UnitDirectory(byDepartment.entrySet().stream()
                .sorted(Comparator.comparingLong(e -> e.getValue().get(0).rank()))
                .map(e -> new UnitDirectory.Department(e.getKey(),
                        e.getValue().stream().anyMatch(u -> u.status() == UnitStatus.ACTIVE) ? UnitStatus.ACTIVE
                                : UnitStatus.RETIRED,
                        e.getValue().stream().map(u -> new UnitDirectory.Unit(u.name(), u.key(), u.status(), u.addedAt(),
                                u.retiredAt(), u.retirementReason())).toList()))
                .toList());
    }

    /**
     * Everyone whose representation overlaps the Berlin calendar day: appointed before the day ended
     * and not withdrawn before it began. The day is 23, 24 or 25 hours long, as the clocks say.
     */
    @QueryHandler
    Optional<UnitRepresentation> handle(FetchUnitRepresentation query) {
        return resolve(query.unit()).map(unit -> {
            Instant dayStart = query.date().atStartOfDay(BERLIN).toInstant();
            Instant dayEnd = query.date().plusDays(1).atStartOfDay(BERLIN).toInstant();
            Query overlapping = query(where("unit").is(unit.name()).and("from").lt(dayEnd)
                    .orOperator(where("until").is(null), where("until").gt(dayStart)))
                    .with(Sort.by("from", "_id"));
            return new UnitRepresentation(unit.name(), unit.key(), unit.department(), unit.status(), query.date(),
                    mongo.find(overlapping, RepresentationPeriod.class).stream()
                            .map(p -> new UnitRepresentation.Representative(p.memberId(), p.name(), p.from(), p.until()))
                            .toList());
        });
    }

    /** A unit by its exact name, else by its key. */
    private Optional<UnitView> resolve(String nameOrKey) {
        UnitView byName = mongo.findById(nameOrKey, UnitView.class);
        if (byName != null) {
            return Optional.of(byName);
        }
        return Optional.ofNullable(mongo.findOne(query(Criteria.where("key").is(nameOrKey)), UnitView.class));
    }

    private Map<String, UnitView> unitsByName() {
        return mongo.findAll(UnitView.class).stream().collect(Collectors.toMap(UnitView::name, Function.identity()));
    }

    private static String departmentOf(Map<String, UnitView> units, String unit) {
        UnitView view = units.get(unit);
        return view == null ? null : view.department();
    }

    private static long unitRank(Map<String, UnitView> units, String unit) {
        UnitView view = units.get(unit);
        return view == null ? Long.MAX_VALUE : view.rank();
    }

    private static long departmentRank(Map<String, UnitView> units, String department) {
        return units.values().stream().filter(u -> u.department().equals(department)).mapToLong(UnitView::rank).min()
                .orElse(Long.MAX_VALUE);
    }
}
