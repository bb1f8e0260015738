package de.gremium.query.monitoring;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.monitoring.FetchIndicatorSeries;
import de.gremium.events.monitoring.FetchPolicyFieldMonitoring;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.query.monitoring.IndicatorSeries.BreakdownSeries;
import de.gremium.query.monitoring.MeasureDetail.TargetStatus;
import de.gremium.query.monitoring.PolicyFieldMonitoring.IndicatorOverview;
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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Answers the monitoring queries from the three monitoring collections. Periods are put in order here,
 * not in the database, because their order is by period start across frequencies ({@link Periods}).
 */
@Component
class MonitoringQueries {

    /** How many of the latest periods the trend of a policy field's indicator shows. */
    static final int TREND_PERIODS = 8;

    private static final Comparator<ObservationView> BY_PERIOD =
            Comparator.comparing(ObservationView::period, Periods.ORDER);
    private static final Comparator<MeasureView> BY_ADOPTION = Comparator
            .comparing(MeasureView::adoptedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(MeasureView::id);

    private final MongoTemplate mongo;

    MonitoringQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    PolicyFieldMonitoring handle(FetchPolicyFieldMonitoring query) {
        List<IndicatorView> indicators = mongo.find(query(where("definition.policyField").is(query.policyField()))
                .with(Sort.by("_id")), IndicatorView.class);
        List<String> ids = indicators.stream().map(IndicatorView::id).toList();
        Map<String, List<ObservationView>> totals = mongo.find(query(where("indicatorId").in(ids)
                        .and("breakdownKey").is(Breakdowns.TOTAL).and("value").ne(null)), ObservationView.class).stream()
                .collect(Collectors.groupingBy(ObservationView::indicatorId));
        List<IndicatorOverview> overviews = indicators.stream()
                .map(i -> overview(i, totals.getOrDefault(i.id(), List.of())))
                .toList();
        return new PolicyFieldMonitoring(query.policyField(), query.policyField().germanLabel(), overviews,
                measuresTargeting(ids));
    }

    @QueryHandler
    Optional<IndicatorSeries> handle(FetchIndicatorSeries query) {
        IndicatorView indicator = mongo.findById(query.indicatorId().value(), IndicatorView.class);
        if (indicator == null) {
            return Optional.empty();
        }
        Map<String, List<ObservationView>> byBreakdown = mongo.find(query(where("indicatorId").is(indicator.id())
                        .and("value").ne(null)), ObservationView.class).stream()
                .sorted(BY_PERIOD)
                .collect(Collectors.groupingBy(ObservationView::breakdownKey, LinkedHashMap::new, Collectors.toList()));
        List<BreakdownSeries> series = byBreakdown.values().stream()
                .map(cells -> new BreakdownSeries(cells.get(0).breakdown(), Breakdowns.label(cells.get(0).breakdown()),
                        cells.stream().map(PeriodValue::withEarlierValues).toList()))
                .sorted(Comparator.comparing(BreakdownSeries::breakdown, Breakdowns.ORDER))
                .toList();
        return Optional.of(new IndicatorSeries(indicator.id(), indicator.definition(), indicator.definedBy(),
                indicator.definedAt(), indicator.history(), series, measuresTargeting(List.of(indicator.id())),
                indicator.version()));
    }

    @QueryHandler
    Optional<MeasureDetail> handle(FetchMeasure query) {
        MeasureView measure = mongo.findById(query.measureId().value(), MeasureView.class);
        if (measure == null) {
            return Optional.empty();
        }
        Map<String, IndicatorView> indicators = mongo.find(query(where("_id").in(measure.indicatorIds())),
                IndicatorView.class).stream().collect(Collectors.toMap(IndicatorView::id, Function.identity()));
        List<TargetStatus> targets = measure.targets().stream().map(t -> {
            Optional<IndicatorDefinition> definition = Optional.ofNullable(indicators.get(t.indicatorId()))
                    .map(IndicatorView::definition);
            PeriodValue latest = mongo.find(query(where("indicatorId").is(t.indicatorId())
                            .and("breakdownKey").is(Breakdowns.key(t.breakdown())).and("value").ne(null)),
                            ObservationView.class).stream()
                    .max(BY_PERIOD).map(PeriodValue::of).orElse(null);
            return new TargetStatus(t.indicatorId(), definition.map(IndicatorDefinition::title).orElse(null),
                    definition.map(IndicatorDefinition::unit).orElse(null), t.breakdown(), Breakdowns.label(t.breakdown()),
                    t.baseline(), t.baselinePeriod(), t.target(), t.targetDate(), t.direction(), latest);
        }).toList();
        return Optional.of(new MeasureDetail(measure.id(), measure.recommendationId(), measure.title(), measure.adoptedBy(),
                measure.adoptedAt(), measure.verdict(), measure.verdictSince(), measure.verdictHistory(), targets,
                measure.version()));
    }

    @QueryHandler
    IndicatorPage handle(FetchIndicators query) {
        Query filter = new Query();
        if (query.policyField() != null) {
            filter.addCriteria(where("definition.policyField").is(query.policyField()));
        }
        long total = mongo.count(filter, IndicatorView.class);
        filter.with(Sort.by("_id")).skip((long) query.page() * query.size()).limit(query.size());
        List<IndicatorView> indicators = mongo.find(filter, IndicatorView.class);
        Map<String, List<ObservationView>> totals = mongo.find(query(where("indicatorId")
                        .in(indicators.stream().map(IndicatorView::id).toList())
                        .and("breakdownKey").is(Breakdowns.TOTAL).and("value").ne(null)), ObservationView.class).stream()
                .collect(Collectors.groupingBy(ObservationView::indicatorId));
        return new IndicatorPage(indicators.stream().map(indicator -> {
            List<PeriodValue> ordered = totals.getOrDefault(indicator.id(), List.of()).stream().sorted(BY_PERIOD)
                    .map(PeriodValue::of).toList();
            PeriodValue latest = ordered.isEmpty() ? null : ordered.get(ordered.size() - 1);
            return IndicatorRow.of(indicator, latest, direction(ordered));
        }).toList(), total);
    }

    @QueryHandler
    MeasurePage handle(FetchMeasures query) {
        Query filter = new Query();
        if (query.verdict() != null) {
            filter.addCriteria(where("verdict").is(query.verdict()));
        }
        if (query.recommendationId() != null) {
            filter.addCriteria(where("recommendationId").is(query.recommendationId()));
        }
        if (query.indicatorId() != null) {
            filter.addCriteria(where("indicatorIds").is(query.indicatorId()));
        }
        long total = mongo.count(filter, MeasureView.class);
        filter.with(Sort.by(Sort.Order.desc("adoptedAt"), Sort.Order.asc("_id")))
                .skip((long) query.page() * query.size()).limit(query.size());
        return new MeasurePage(mongo.find(filter, MeasureView.class).stream().map(MeasureRow::of).toList(), total);
    }

    /** One page of indicators and how many match in all. */
    record IndicatorPage(List<IndicatorRow> rows, long total) {
    }

    /** One page of measures and how many match in all. */
    record MeasurePage(List<MeasureRow> rows, long total) {
    }

    private static IndicatorOverview overview(IndicatorView indicator, List<ObservationView> totals) {
        List<PeriodValue> ordered = totals.stream().sorted(BY_PERIOD).map(PeriodValue::of).toList();
        List<PeriodValue> trend = ordered.subList(Math.max(0, ordered.size() - TREND_PERIODS), ordered.size());
        PeriodValue latest = trend.isEmpty() ? null : trend.get(trend.size() - 1);
        IndicatorDefinition d = indicator.definition();
        return new IndicatorOverview(indicator.id(), d.title(), d.figureType(), d.unit(), d.frequency(), latest,
                List.copyOf(trend), direction(trend));
    }

    /** From the second-to-last value to the last: up, down or flat (equal in value); none with fewer than two. */
    static TrendDirection direction(List<PeriodValue> trend) {
        if (trend.size() < 2) {
            return null;
        }
        int step = trend.get(trend.size() - 1).value().compareTo(trend.get(trend.size() - 2).value());
        return step > 0 ? TrendDirection.UP : step < 0 ? TrendDirection.DOWN : TrendDirection.FLAT;
    }

    private List<MeasureSummary> measuresTargeting(List<String> indicatorIds) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("indicatorIds").in(indicatorIds)), MeasureView.class).stream()
                .sorted(BY_ADOPTION).map(MeasureSummary::of).toList();
    }
}
