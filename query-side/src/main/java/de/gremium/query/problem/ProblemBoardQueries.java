package de.gremium.query.problem;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import de.gremium.events.problem.FetchProblemBoard;
import de.gremium.events.problem.FetchProblemReport;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Answers the problem board's queries from its view collection. */
@Component
class ProblemBoardQueries {

    private final MongoTemplate mongo;

    ProblemBoardQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    ProblemBoardPage handle(FetchProblemBoard query) {
        Query filter = new Query();
        if (query.status() != null) {
            filter.addCriteria(where("status").is(query.status()));
        }
        if (query.unit() != null) {
            filter.addCriteria(where("unit").is(query.unit()));
        }
        if (query.policyField() != null) {
            filter.addCriteria(where("policyFields").is(query.policyField()));
        }
        if (query.submittedBy() != null) {
            filter.addCriteria(where("submittedBy").is(query.submittedBy()));
        }
        long total = mongo.count(filter, ProblemReportView.class);
        filter.with(Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.asc("_id")))
                .skip((long) query.page() * query.size())
                .limit(query.size());
        return new ProblemBoardPage(mongo.find(filter, ProblemReportView.class), total);
    }

    @QueryHandler
    Optional<ProblemReportView> handle(FetchProblemReport query) {
        return Optional.ofNullable(mongo.findById(query.reportId().value(), ProblemReportView.class));
    }

    /** One page of reports and how many match in all. */
    record ProblemBoardPage(List<ProblemReportView> reports, long total) {
    }
}
