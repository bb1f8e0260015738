package de.gremium.query.view;

import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Collects a processor's {@link ViewWrites} over a batch and sends them after the batch's last event was
 * handled, before the batch commits.
 *
 * <p>Why then: the views are in MongoDB, the processor's token in the record (PostgreSQL). The batch's unit of
 * work runs in a transaction of the record (the platform's {@code SpringTransactionManager}); the processor writes
 * its token in that transaction and it commits when the unit of work commits, after every handler step. Writes
 * sent by the last event's handler step are therefore in the view store before the token moves: a crash between
 * the two loses only the token's move, the batch is delivered again, and the projections' handlers, idempotent
 * (upserts by id, updates guarded by the aggregate's sequence number), change nothing the second time. Writes sent
 * in the commit or after it could be lost with a crash in between, leaving a view behind its token. (A view
 * store that loses acknowledged writes in a crash, as the embedded one's file can, is caught by
 * {@link ViewStoreBaseline} at the next start.)
 *
 * <p>If the writes fail, the exception rolls the batch back: the token stays, along with any dead letter the
 * batch parked, and the processor retries the batch (its error handler's back-off). That retry writes each event's
 * views at once, so that a write the store refuses fails in its own event's handler, where the dead-letter queue
 * parks that event's aggregate as it would without batching; the batch after it collects again.
 */
public final class FlushViewWrites implements MessageHandlerInterceptor<EventMessage<?>> {

    private final ViewWrites writes;
    private final AtomicBoolean writeAtOnce = new AtomicBoolean();

    public FlushViewWrites(ViewWrites writes) {
        this.writes = writes;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        boolean lastOfBatch = !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
        if (!writeAtOnce.get()) {
            writes.collectIn(unitOfWork);
        }
        Object result = interceptorChain.proceed();
        if (lastOfBatch) {
            try {
                writes.flush(unitOfWork);
            } catch (RuntimeException e) {
                writeAtOnce.set(true);
                throw e;
            }
            writeAtOnce.set(false);
        }
        return result;
    }
}
