package de.gremium.platform.record;

import de.gremium.platform.web.StoreOutage;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * PostgreSQL cannot be reached: no connection (SQLState class 08, the pool's timeout), or the server is shutting
 * down or starting (57P01 to 57P03). A commit or rollback that failed in JDBC counts too: the pool closes a connection
 * that broke, and the rollback that follows fails with a bare "Connection is closed" (no SQLState) while the failure
 * that caused it is kept only as the application exception, outside the cause chain.
 */
final class RecordOutage implements StoreOutage {

    @Override
    public boolean isOutage(Throwable failure) {
        if (failure instanceof DataAccessResourceFailureException || failure instanceof TransientDataAccessResourceException
                || failure instanceof CannotCreateTransactionException
                || failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (failure instanceof TransactionSystemException transaction) {
            Throwable first = transaction.getApplicationException();
            return first != null && isOutage(first) || transaction.getCause() instanceof SQLException;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        return false;
    }
}
