package de.gremium.query.view;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import de.gremium.platform.web.StoreOutage;

/**
 * The views' MongoDB cannot be reached right now: no server within the selection timeout, a connection that
 * failed or timed out ({@code MongoSocketException} and its kinds: open, read, write, closed), a client whose
 * servers are gone, or a replica set between primaries. Answered 503 with Retry-After, not 500.
 */
final class ViewStoreOutage implements StoreOutage {

    @Override
    public boolean isOutage(Throwable failure) {
        return failure instanceof MongoTimeoutException || failure instanceof MongoSocketException
                || failure instanceof MongoServerUnavailableException || failure instanceof MongoNotPrimaryException
                || failure instanceof MongoNodeIsRecoveringException;
    }
}
