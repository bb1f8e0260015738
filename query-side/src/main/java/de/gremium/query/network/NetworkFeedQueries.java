package de.gremium.query.network;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import de.gremium.events.network.FetchNetworkFeed;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Answers the network feed's queries from its view collections. */
@Component
class NetworkFeedQueries {

    /** Newest first; entries of one instant by their project's sequence, newest first too. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("sequence"),
            Sort.Order.asc("_id"));

    private final MongoTemplate mongo;

    NetworkFeedQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    NetworkFeedPage handle(FetchNetworkFeed query) {
        Query filter = new Query();
        if (query.workingGroup() != null) {
            filter.addCriteria(where("workingGroup").is(query.workingGroup()));
        }
        if (query.policyField() != null) {
            filter.addCriteria(where("policyFields").is(query.policyField()));
        }
        long total = mongo.count(filter, NetworkFeedEntry.class);
        filter.with(NEWEST_FIRST).skip((long) query.page() * query.size()).limit(query.size());
        return new NetworkFeedPage(mongo.find(filter, NetworkFeedEntry.class), total);
    }

    @QueryHandler
    Optional<NetworkProjectDetail> handle(FetchNetworkProject query) {
        String id = query.projectId().value();
        return Optional.ofNullable(mongo.findById(id, NetworkProjectView.class)).map(project -> new NetworkProjectDetail(
                project, mongo.find(Query.query(where("projectId").is(id)).with(Sort.by("sequence")), NetworkFeedEntry.class)));
    }

    @QueryHandler
    NetworkProjectPage handle(FetchNetworkProjects query) {
        Query filter = new Query();
        if (query.workingGroup() != null) {
            filter.addCriteria(where("workingGroup").is(query.workingGroup()));
        }
        if (query.status() != null) {
            filter.addCriteria(where("status").is(query.status()));
        }
        if (query.policyField() != null) {
            filter.addCriteria(where("policyFields").is(query.policyField()));
        }
        long total = mongo.count(filter, NetworkProjectView.class);
        filter.with(Sort.by(Sort.Order.desc("announcedAt"), Sort.Order.asc("_id")))
                .skip((long) query.page() * query.size()).limit(query.size());
        return new NetworkProjectPage(mongo.find(filter, NetworkProjectView.class).stream().map(NetworkProjectRow::of)
                .toList(), total);
    }

    /** One page of projects and how many match in all. */
    record NetworkProjectPage(List<NetworkProjectRow> rows, long total) {
    }

    /** One page of feed entries and how many match in all. */
    record NetworkFeedPage(List<NetworkFeedEntry> entries, long total) {
    }
}
