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
 * <p>Why then: a tracking processor stores its token when the batch commits (without a transaction
 * manager, in the first step of the commit), so writes sent in the commit or after it would be lost
 * with a crash in between, while writes sent by the last event's handler step are in the store before
 * the token moves. If they fail, the exception rolls the batch back: the token stays, and the processor
 * retries the batch (its error handler's back-off). That retry writes each event's views at once, so that
 * a write the store refuses fails in its own event's handler, where the dead-letter queue parks that
 * event's aggregate as it would without batching; the batch after it collects again.
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
