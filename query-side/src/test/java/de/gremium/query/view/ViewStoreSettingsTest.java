package de.gremium.query.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.mongodb.MongoCommandException;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.QuerySideApplication;
import de.gremium.query.ViewStore;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** What the query side needs to know about its views' store, and how it tells whether the store is there. */
class ViewStoreSettingsTest {

    @Test
    void withoutAViewStoreTheQuerySideRefusesToStartAndNamesMongodbUri() {
        String database = TestStore.newRecord();
        List<String> args = new ArrayList<>(TestStore.common());
        args.addAll(TestStore.record(database));
        args.add("--gremium.mongodb.uri=");

        assertThatThrownBy(() -> QuerySideApplication.start(args.toArray(String[]::new)).close())
                .satisfies(failure -> assertThat(messages(failure)).contains("MONGODB_URI"));
    }

    @Test
    void aDatabaseNameIsOptionalAndTheStoreFailsFastByDefault() {
        ViewStoreProperties properties = new ViewStoreProperties("mongodb://localhost:27017", " ", null);

        assertThat(properties.database()).isEqualTo("gremium");
        assertThat(properties.serverSelectionTimeout()).hasSeconds(5);
    }

    @Test
    void theEmbeddedViewServerAnswersPingButNotHelloSoTheHealthCheckPings() {
        assumeThat(TestStore.realMongo()).as("a real MongoDB knows hello").isFalse();
        try (ViewStore store = ViewStore.open()) {
            assertThatThrownBy(() -> store.mongo().getDb().runCommand(new Document("hello", 1)))
                    .as("what Boot's Mongo health indicator sends").isInstanceOf(MongoCommandException.class);

            assertThat(new ViewStoreHealthIndicator(store.client(), store.mongo().getDb().getName()).health().getStatus())
                    .isEqualTo(Status.UP);
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}
