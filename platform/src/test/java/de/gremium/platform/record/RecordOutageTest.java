package de.gremium.platform.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

class RecordOutageTest {

    final RecordOutage outage = new RecordOutage();

    @Test
    void aRollbackThatFailsOnAConnectionThePoolClosedIsAnOutage() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("I/O error",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));

        assertThat(outage.isOutage(rollback)).isTrue();
    }

    @Test
    void aFailedRollbackWithoutAnApplicationExceptionIsAnOutageWhenJdbcFailed() {
        assertThat(outage.isOutage(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void aServerShuttingDownIsAnOutageButABrokenRuleIsNot() {
        assertThat(outage.isOutage(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(outage.isOutage(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(outage.isOutage(new DuplicateKeyException("duplicate key"))).isFalse();
        assertThat(outage.isOutage(new TransactionSystemException("rolled back for another reason"))).isFalse();
    }
}
