package de.gremium.query.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Answers the audit queries from the audit log, and the verification from the chain. */
@Component
class AuditQueries {

    private static final Sort BY_POSITION = Sort.by("position");

    private final MongoTemplate mongo;
    private final EventChainVerifier verifier;

    AuditQueries(MongoTemplate mongo, EventChainVerifier verifier) {
        this.mongo = mongo;
        this.verifier = verifier;
    }

    @QueryHandler
    AuditPage handle(FetchAuditTrail query) {
        Query filter = matching(query.filter(), null);
        long total = mongo.count(filter, AuditEntry.class);
        filter.with(BY_POSITION).skip((long) query.page() * query.size()).limit(query.size());
        return new AuditPage(mongo.find(filter, AuditEntry.class), total);
    }

    @QueryHandler
    AuditSlice handle(FetchAuditTrailAfter query) {
        Query filter = matching(query.filter(), query.afterPosition()).with(BY_POSITION).limit(query.limit());
        return new AuditSlice(mongo.find(filter, AuditEntry.class));
    }

    @QueryHandler
    AuditCount handle(CountAuditTrail query) {
        AuditEntry last = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "position")).limit(1), AuditEntry.class);
        long head = last == null ? 0 : last.position();
        return new AuditCount(mongo.count(matching(query.filter().upTo(head), null), AuditEntry.class), head);
    }

    @QueryHandler
    ChainVerification handle(FetchChainVerification query) {
        return verifier.verify();
    }

    private static Query matching(AuditFilter filter, Long afterPosition) {
        Query query = new Query();
        if (filter.aggregateId() != null) {
            query.addCriteria(where("aggregateId").is(filter.aggregateId()));
        }
        if (filter.userId() != null) {
            query.addCriteria(where("userId").is(filter.userId()));
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria timestamp = where("timestamp");
            if (filter.from() != null) {
                timestamp.gte(filter.from());
            }
            if (filter.to() != null) {
                timestamp.lt(filter.to());
            }
            query.addCriteria(timestamp);
        }
        if (!filter.eventTypes().isEmpty()) {
            query.addCriteria(where("eventType").in(filter.eventTypes()));
        }
        if (afterPosition != null || filter.upToPosition() != null) {
            Criteria position = where("position");
            if (afterPosition != null) {
                position.gt(afterPosition);
            }
            if (filter.upToPosition() != null) {
                position.lte(filter.upToPosition());
            }
            query.addCriteria(position);
        }
        return query;
    }

    /** One page of entries and how many match in all. */
    record AuditPage(List<AuditEntry> entries, long total) {
    }

    /** A slice of an export; fewer than asked for means it was the last. */
    record AuditSlice(List<AuditEntry> entries) {
    }

    /** How many entries match up to {@code headPosition}, the highest position in the log when counted. */
    record AuditCount(long total, long headPosition) {
    }
}
