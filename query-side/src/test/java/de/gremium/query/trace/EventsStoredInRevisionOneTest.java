package de.gremium.query.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.consensus.GuestCommented;
import de.gremium.events.idea.ProjectIdeaRecommended;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.problem.ProblemReportAddressed;
import de.gremium.events.recommendation.FetchRecommendationTrace;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.RunningQuerySide;
import de.gremium.query.ViewStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import javax.sql.DataSource;

/**
 * A record written before the ids of other aggregates were typed holds those events in revision 1, with the ids as
 * strings. The query side reads them through the app's upcaster chain (the beans of UpcastingAutoConfiguration) and
 * builds the same trace and the same views as from the events stored in revision 2.
 */
class EventsStoredInRevisionOneTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** The events whose revision 2 typed these ids; each field in revision 1 held a string or a list of strings. */
    private static final Map<String, List<String>> STRING_IDS_IN_REVISION_1 = Map.of(
            ConsensusRecorded.class.getName(), List.of("recommendationId", "projectIdeas", "problemReports"),
            DraftRecommendationPut.class.getName(), List.of("projectIdeas", "problemReports", "guestsPresent"),
            GuestCommented.class.getName(), List.of("guestId"),
            MeasureAdopted.class.getName(), List.of("recommendationId"),
            ProblemReportAddressed.class.getName(), List.of("recommendationId"),
            ProjectIdeaRecommended.class.getName(), List.of("recommendationId"),
            RecommendationFormulated.class.getName(), List.of("deliberationId", "projectIdeas", "problemReports"));

    @Test
    void aRecordWithTheIdsStoredAsStringsGivesTheSameTraceAndViewsAsOneWithTypedIds() throws Exception {
        String database = TestStore.newRecord();
        JsonNode trace;
        Map<String, List<Document>> views;
        try (RunningQuerySide querySide = RunningQuerySide.start(database)) {
            TraceStory.tell(querySide.eventStore()::publish);
            querySide.awaitCaughtUp();
            trace = trace(querySide);
            views = comparable(querySide.views());
            int rewritten = storeInRevisionOne(querySide.context().getBean(DataSource.class));
            assertThat(rewritten).as("rows of the story in a revised type").isEqualTo(14);
        }
        ViewStore.open(database).close(); // drops the views: the next start builds them from the record as it is now

        try (RunningQuerySide querySide = RunningQuerySide.start(database)) {
            querySide.awaitCaughtUp();

            assertThat(trace(querySide)).isEqualTo(trace);
            assertThat(comparable(querySide.views())).isEqualTo(views);
        }
    }

    /** Rewrites the rows of the revised event types as revision 1 stored them; answers how many. */
    private static int storeInRevisionOne(DataSource record) throws Exception {
        JdbcTemplate sql = new JdbcTemplate(record);
        int rewritten = 0;
        for (Map<String, Object> row : sql.queryForList("SELECT global_index, payload_type, payload FROM domain_event_entry")) {
            List<String> fields = STRING_IDS_IN_REVISION_1.get((String) row.get("payload_type"));
            if (fields == null) {
                continue;
            }
            ObjectNode payload = (ObjectNode) JSON.readTree((byte[]) row.get("payload"));
            for (String field : fields) {
                payload.set(field, asStrings(payload.get(field)));
            }
            rewritten += sql.update("UPDATE domain_event_entry SET payload = ?, payload_revision = '1' WHERE global_index = ?",
                    JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8), row.get("global_index"));
        }
        return rewritten;
    }

    /** {@code {"value" : "r-1"}} as {@code "r-1"}, each element of a list the same way. */
    private static JsonNode asStrings(JsonNode typed) {
        if (typed.isArray()) {
            ArrayNode strings = JSON.createArrayNode();
            typed.forEach(id -> strings.add(asStrings(id)));
            return strings;
        }
        assertThat(typed.has("value")).as("a typed id: %s", typed).isTrue();
        return typed.get("value");
    }

    private static JsonNode trace(RunningQuerySide querySide) {
        RecommendationTrace trace = querySide.context().getBean(QueryGateway.class)
                .query(new FetchRecommendationTrace(TraceStory.RECOMMENDATION, null),
                        ResponseTypes.optionalInstanceOf(RecommendationTrace.class))
                .join().orElseThrow();
        ObjectNode answer = JSON.valueToTree(trace);
        answer.remove("asOf"); // the clock's instant
        return answer;
    }

    /** The views, without the audit's hash chain: it hashes the stored rows, which were rewritten. */
    private static Map<String, List<Document>> comparable(Map<String, List<Document>> views) {
        Map<String, List<Document>> comparable = new TreeMap<>(views);
        comparable.remove("event_chain");
        return comparable;
    }
}
