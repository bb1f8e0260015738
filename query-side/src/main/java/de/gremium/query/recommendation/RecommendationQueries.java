package de.gremium.query.recommendation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Answers the recommendations' queries from their view collection. */
@Component
class RecommendationQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("formulatedAt"), Sort.Order.asc("_id"));

    private final MongoTemplate mongo;

    RecommendationQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    RecommendationPage handle(FetchRecommendations query) {
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
        if (query.dueForReviewBy() != null) {
            filter.addCriteria(where("reviewDate").ne(null).lte(query.dueForReviewBy()));
        }
        long total = mongo.count(filter, RecommendationView.class);
        filter.with(NEWEST_FIRST).skip((long) query.page() * query.size()).limit(query.size());
        return new RecommendationPage(mongo.find(filter, RecommendationView.class).stream().map(RecommendationRow::of)
                .toList(), total);
    }

    @QueryHandler
    Optional<RecommendationView> handle(FetchRecommendation query) {
        return Optional.ofNullable(mongo.findById(query.recommendationId().value(), RecommendationView.class));
    }

    /** One page of recommendations and how many match in all. */
    record RecommendationPage(List<RecommendationRow> rows, long total) {
    }
}
