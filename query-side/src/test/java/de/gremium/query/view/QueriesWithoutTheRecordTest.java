package de.gremium.query.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import de.gremium.events.meeting.FetchWorkPlan;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.RecordFixture;
import de.gremium.query.RunningQuerySide;
import de.gremium.query.meeting.WorkPlan;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

/**
 * A query reads the views and nothing else: it neither opens a transaction of the record nor waits for one of the
 * record's pooled connections, so readers do not queue behind the event processors (or each other) for PostgreSQL.
 */
class QueriesWithoutTheRecordTest {

    @Test
    void theWorkPlanIsAnsweredWhileEveryPooledConnectionOfTheRecordIsTaken() throws Exception {
        String database = TestStore.newRecord();
        try (RunningQuerySide querySide = RunningQuerySide.start(database)) {
            RecordFixture.storeIn(querySide.eventStore());
            querySide.awaitCaughtUp();
            QueryGateway queries = querySide.context().getBean(QueryGateway.class);
            WorkPlan before = queries.query(new FetchWorkPlan(2026), ResponseTypes.instanceOf(WorkPlan.class)).join();

            HikariDataSource pool = querySide.context().getBean(HikariDataSource.class);
            long timeout = pool.getConnectionTimeout();
            List<Connection> taken = new ArrayList<>();
            try {
                while (taken.size() < pool.getMaximumPoolSize()) {
                    taken.add(pool.getConnection());
                }
                assertThat(pool.getHikariPoolMXBean().getIdleConnections()).as("idle connections of the record").isZero();
                // a query that asked the pool for a connection now fails at once instead of after the usual wait
                pool.getHikariConfigMXBean().setConnectionTimeout(250);

                WorkPlan answered = queries.query(new FetchWorkPlan(2026), ResponseTypes.instanceOf(WorkPlan.class)).join();

                assertThat(answered).as("the work plan while the record's pool is exhausted").isEqualTo(before);
            } finally {
                pool.getHikariConfigMXBean().setConnectionTimeout(timeout);
                for (Connection connection : taken) {
                    connection.close();
                }
            }
        }
    }
}
