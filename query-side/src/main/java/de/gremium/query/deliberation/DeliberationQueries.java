package de.gremium.query.deliberation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Answers the deliberations' queries from their view collection. */
@Component
class DeliberationQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("putAt"), Sort.Order.asc("_id"));

    private final MongoTemplate mongo;

    DeliberationQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    DeliberationPage handle(FetchDeliberations query) {
        Query filter = new Query();
        if (query.status() != null) {
            filter.addCriteria(where("status").is(query.status()));
        }
        if (query.policyField() != null) {
            filter.addCriteria(where("policyFields").is(query.policyField()));
        }
        if (query.year() != null) {
            filter.addCriteria(where("year").is(query.year()));
        }
        if (query.meetingId() != null) {
            filter.addCriteria(where("meetingId").is(query.meetingId()));
        }
        long total = mongo.count(filter, DeliberationView.class);
        filter.with(NEWEST_FIRST).skip((long) query.page() * query.size()).limit(query.size());
        return new DeliberationPage(mongo.find(filter, DeliberationView.class).stream().map(DeliberationRow::of).toList(),
                total);
    }

    @QueryHandler
    Optional<DeliberationView> handle(FetchDeliberation query) {
        return Optional.ofNullable(mongo.findById(query.deliberationId().value(), DeliberationView.class));
    }

    /** One page of deliberations and how many match in all. */
    record DeliberationPage(List<DeliberationRow> rows, long total) {
    }
}
